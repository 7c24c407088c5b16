// @ts-check
import { api } from './api-client.js';
import { el } from './dom.js';

// The offices this session may see (a regional token: its own), loaded once per page like the
// vocabulary, so that every module can write an office's name instead of its id.

/** @typedef {import('./api-types').OfficeView} OfficeView */

/** @type {OfficeView[]} */
export const offices = await api('/api/v1/offices').catch((err) => {
  const main = document.querySelector('main');
  if (main) main.append(el('p', { class: 'error-box', role: 'alert' }, 'Die Seite konnte nicht geladen werden: ', err instanceof Error ? err.message : String(err)));
  throw err;
});
const byId = new Map(offices.map((o) => [o.id, o]));

/**
 * @param {string} id
 * @returns {OfficeView | undefined}
 */
export function office(id) {
  return byId.get(id);
}

/**
 * The office's name; an office this session may not see is not named (its id is no name either).
 * @param {string} id
 * @param {string} [otherwise]
 */
export function officeName(id, otherwise = 'eine andere Regionalstelle') {
  return byId.get(id)?.name ?? otherwise;
}

/** @param {string} id */
export function officePath(id) {
  return `/regionalstellen/${encodeURIComponent(id)}`;
}

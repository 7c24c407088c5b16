// @ts-check
import { api } from './api-client.js';
import { el } from './dom.js';
import { periodLabelWith } from './period-label.js';

// The one vocabulary of the service, as GET /api/v1/standards serves it (src/engine/vocabulary.ts),
// together with the catalog: rule titles, short titles, parameter labels and units. Loaded once per
// page before any page script runs (top-level await), so every module can use the words directly.
// Pages keep no copies of these words.

/** @typedef {import('./api-types').Standards} Standards */
/** @typedef {import('./api-types').Rule} Rule */
/** @typedef {import('./api-types').FindingStatus} FindingStatus */
/** @typedef {import('./api-types').Obligation} Obligation */
/** @typedef {import('./api-types').Weekday} Weekday */
/** @typedef {import('./api-types').Vocabulary} Vocabulary */

/** @type {Standards} */
export const standards = await api('/api/v1/standards').catch((err) => {
  // Without its words no page can draw anything: say so where the page would be.
  const main = document.querySelector('main');
  if (main) main.append(el('p', { class: 'error-box', role: 'alert' }, 'Die Seite konnte nicht geladen werden: ', err instanceof Error ? err.message : String(err)));
  throw err;
});
/** @type {Vocabulary} */
export const words = standards.vocabulary;

/** Monday to Saturday: the days a schedule has (section 2 knows no Sunday opening). */
export const SCHEDULE_DAYS = /** @type {const} */ (['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);

/**
 * @param {string} id
 * @returns {Rule | undefined}
 */
export function rule(id) {
  return standards.rules.find((r) => r.id === id);
}

/** @param {string} id */
export function ruleTitle(id) {
  return rule(id)?.title ?? 'unbekannter Standard';
}

/** @param {string} period */
export function periodLabel(period) {
  return periodLabelWith(period, words.months);
}

/** @param {string} day a weekday code */
export function weekdayName(day) {
  return words.weekdays[/** @type {Weekday} */ (day)] ?? day;
}

/** @param {string} role */
export function roleLabel(role) {
  return words.roles[/** @type {import('./api-types').OfficeRole} */ (role)] ?? role;
}

/**
 * @param {string} status
 * @returns {{ text: string, icon: string }}
 */
export function statusWording(status) {
  return words.statuses[/** @type {FindingStatus} */ (status)] ?? { text: 'unbekannt', icon: '•' };
}

/**
 * Status as icon + text + colour, never colour alone.
 * @param {string} status
 * @param {Readonly<Record<string, { text: string, icon: string }>>} [table] default: finding statuses
 */
export function statusBadge(status, table = words.statuses) {
  const s = table[status] ?? { icon: '•', text: 'unbekannt' };
  return el('span', { class: `status status-${status}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true' }, s.icon), s.text);
}

/**
 * @param {string} obligation
 * @param {{ narrow?: boolean }} [options] narrow: the abbreviation ('Beob.') for matrix column headers
 */
export function obligationBadge(obligation, { narrow = false } = {}) {
  const o = words.obligations[/** @type {Obligation} */ (obligation)] ?? { short: '?', abbr: '?', text: 'unbekannte Verbindlichkeit' };
  return el('abbr', { class: `obligation obligation-${obligation}`, title: o.text }, narrow ? o.abbr : o.short);
}

/**
 * A parameter of a rule as the catalog names it: label and unit, never the key.
 * @param {string} ruleId
 * @param {string} key
 * @returns {{ label: string, unit: string | undefined } | undefined}
 */
export function param(ruleId, key) {
  const spec = rule(ruleId)?.params[key];
  return spec ? { label: spec.label, unit: spec.unit } : undefined;
}

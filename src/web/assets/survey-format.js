// @ts-check
import { el } from './dom.js';

// Numbers, dates and badges of the survey pages. The words come from the API (`vocabulary` of
// GET /api/v1/surveys/questionnaires, and GET /api/v1/standards for office roles).

/** @typedef {import('./survey-types.js').Wording} Wording */

const mean = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** 3.456 → "3,46"; null → "–" */
export function formatMean(/** @type {number | null | undefined} */ n) {
  return typeof n === 'number' && Number.isFinite(n) ? mean.format(n) : '–';
}

/** A gap with its sign, so that "+1,20" reads as "matters more than it works". */
export function formatGap(/** @type {number | null | undefined} */ n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '–';
  return `${n > 0 ? '+' : ''}${mean.format(n)}`;
}

export function formatCount(/** @type {number | null | undefined} */ n) {
  return typeof n === 'number' ? whole.format(n) : '–';
}

/** 2026-11-30 → 30.11.2026 */
export function formatDay(/** @type {string} */ iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function formatPeriod(/** @type {string} */ from, /** @type {string} */ to) {
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** Text and icon, never colour alone. */
export function badge(/** @type {Wording | undefined} */ wording, /** @type {string} */ code) {
  const w = wording ?? { text: code, icon: '•' };
  return el('span', { class: `status survey-status-${code}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true' }, w.icon), w.text);
}

/** Writes a text file for download (CSV of codes): the data never leaves the browser. */
export function download(/** @type {string} */ name, /** @type {string} */ text, /** @type {string} */ type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = /** @type {HTMLAnchorElement} */ (el('a', { href: url, download: name, hidden: true }));
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

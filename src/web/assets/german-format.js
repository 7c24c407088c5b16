// @ts-check
// Numbers, dates and periods the German way. The words (statuses, obligations, weekdays, months)
// come from the served vocabulary (vocabulary.js); the exports below that look like tables are
// views of it, kept for the modules that import them from here.
import { periodLabel, SCHEDULE_DAYS, statusBadge, obligationBadge, words } from './vocabulary.js';

export { SCHEDULE_DAYS, statusBadge, obligationBadge };
export const STATUS = words.statuses;
export const OBLIGATION = words.obligations;
export const WEEKDAY = words.weekdays;
export const WEEKDAY_SHORT = words.weekdaysShort;
export const DEVIATION_STATUS = words.deviationStatuses;
export const SIDE = words.sides;

const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** @param {unknown} n */
export function formatNumber(n) {
  return typeof n === 'number' && Number.isFinite(n) ? number.format(n) : '–';
}

/**
 * 2026-11-30 → 30.11.2026
 * @param {unknown} iso
 */
export function formatDate(iso) {
  if (typeof iso !== 'string') return '–';
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** @param {unknown} iso an instant */
export function formatDateTime(iso) {
  const d = new Date(typeof iso === 'string' ? iso : NaN);
  if (Number.isNaN(d.getTime())) return '–';
  return d.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
}

/** @param {unknown} period 2026-W45 → KW 45/2026, 2026-11 → November 2026 */
export function formatPeriod(period) {
  return typeof period === 'string' ? periodLabel(period) : '–';
}

/**
 * A value with its German unit: 21,5 Std., 17:30 Uhr, 3 Tage, ja/nein.
 * @param {unknown} value
 * @param {string | undefined} unit
 */
export function formatValue(value, unit) {
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const text = typeof value === 'number' ? formatNumber(value) : value === null || value === undefined || value === '' ? '–' : String(value);
  return unit && text !== '–' ? `${text} ${unit}` : text;
}

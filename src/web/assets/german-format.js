import { el } from './dom.js';

// German labels of the API's codes. Status is shown as icon + text + colour (never colour alone).

export const STATUS = {
  compliant: { icon: '✓', text: 'erfüllt' },
  non_compliant: { icon: '✗', text: 'nicht erfüllt' },
  insufficient_data: { icon: '?', text: 'Daten fehlen' },
  not_applicable: { icon: '–', text: 'entfällt' },
  waived: { icon: '§', text: 'ausgesetzt (Abweichung)' },
};

export const OBLIGATION = {
  must: { short: 'Muss', text: 'Muss-Standard (ist zu gewährleisten)' },
  should: { short: 'Soll', text: 'Soll-Standard' },
  aim: { short: 'Ziel', text: 'Zielwert (angestrebt)' },
  observe: { short: 'Beob.', text: 'Beobachtungswert' },
};

export const DEVIATION_STATUS = {
  proposed: { icon: '…', text: 'vorgeschlagen' },
  agreed: { icon: '✓', text: 'vereinbart' },
  rejected: { icon: '✗', text: 'abgelehnt' },
  withdrawn: { icon: '–', text: 'zurückgezogen' },
};

export const SIDE = { coordination: 'Koordinierungsstelle', regional: 'Regionalstelle' };

export const WEEKDAY = { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' };
export const WEEKDAY_SHORT = { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' };
export const SCHEDULE_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function statusBadge(status, table = STATUS) {
  const s = table[status] || { icon: '•', text: status };
  return el('span', { class: `status status-${status}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true' }, s.icon), s.text);
}

export function obligationBadge(obligation) {
  const o = OBLIGATION[obligation] || { short: obligation, text: obligation };
  return el('abbr', { class: `obligation obligation-${obligation}`, title: o.text }, o.short);
}

const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export function formatNumber(n) {
  return typeof n === 'number' && Number.isFinite(n) ? number.format(n) : '–';
}

/** 2026-11-30 → 30.11.2026 */
export function formatDate(iso) {
  if (typeof iso !== 'string') return '–';
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function formatDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '–';
  return d.toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
}

/** 2026-W45 → KW 45/2026, 2026-11 → November 2026 */
export function formatPeriod(period) {
  if (typeof period !== 'string') return '–';
  let m = period.match(/^(\d{4})-W(\d{2})$/);
  if (m) return `KW ${Number(m[2])}/${m[1]}`;
  m = period.match(/^(\d{4})-(\d{2})$/);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15)).toLocaleString('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (period === 'regular-week') return 'regelmäßige Woche';
  return period;
}

import type { ParamDefinition } from '../params/param-schema';
import { germanDate } from '../time';

/**
 * Calendar days for the registers of section 4 (team membership, practice meetings, employer
 * assignments). Their entries are whole days ('YYYY-MM-DD', both ends inclusive), so plain date
 * arithmetic in UTC is exact: no wall clock and no time zone are involved.
 */

const MONTH = /^(\d{4})-(\d{2})$/;

/** The look-back of a monthly register rule: the judged month and the months before it (1–24). */
export const WINDOW_MONTHS_PARAM = (fallback: number): ParamDefinition => ({ type: 'number', required: false, default: fallback, integer: true, min: 1, max: 24 });

/** The farthest look-back any register rule may have: the judging service reads this much history. */
export const MAX_WINDOW_MONTHS = 24;

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** First and last day of a month 'YYYY-MM'; null for anything else. */
export function monthBounds(month: string | undefined): { from: string; to: string } | null {
  const match = month ? MONTH.exec(month) : null;
  if (!match) return null;
  const [y, m] = [Number(match[1]), Number(match[2])];
  if (m < 1 || m > 12) return null;
  return { from: `${match[1]}-${match[2]}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/** The first day of the look-back that ends with `month` and spans `months` months. */
export function windowStart(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - months, 1)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both inclusive. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

export function covers(span: { from: string; until: string | null }, date: string): boolean {
  return span.from <= date && (span.until === null || span.until >= date);
}

export function overlaps(span: { from: string; until: string | null }, from: string, to: string): boolean {
  return span.from <= to && (span.until === null || span.until >= from);
}

/** Consecutive dates as runs: '02.03.2026–06.03.2026, 09.03.2026'. */
export function describeDates(dates: readonly string[]): string {
  const sorted = [...dates].sort();
  const runs: Array<[string, string]> = [];
  for (const date of sorted) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[1], 1) === date) run[1] = date;
    else runs.push([date, date]);
  }
  return runs.map(([a, b]) => (a === b ? germanDate(a) : `${germanDate(a)}–${germanDate(b)}`)).join(', ');
}

/**
 * How often the person changes over the days `from`…`to`: the person of each day (the only one
 * covering it; days without or with two are skipped) compared with the person of the last day that
 * had one. A day before `from` is the baseline, so a change on the first day of the window counts.
 */
export function personChanges<S extends { from: string; until: string | null }>(spans: readonly S[], person: (s: S) => string, from: string, to: string): { changes: number; dates: string[] } {
  let last: string | undefined;
  const dates: string[] = [];
  for (const date of datesFrom(addDays(from, -1), to)) {
    const present = [...new Set(spans.filter((s) => covers(s, date)).map(person))];
    if (present.length !== 1) continue;
    if (last !== undefined && present[0] !== last && date >= from) dates.push(date);
    last = present[0];
  }
  return { changes: dates.length, dates };
}

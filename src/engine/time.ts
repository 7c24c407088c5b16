import type { Weekday } from './types';
import { WEEKDAYS } from './types';

/** Sakamoto's day-of-week offsets per month (0 = Sunday). */
const MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** Weekday of a valid calendar date 'YYYY-MM-DD', e.g. '2026-04-03' → 'fri'. A date's weekday needs no time zone. */
export function weekdayOfDate(date: string): Weekday {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month < 3 ? 1 : 0);
  const day = Number(date.slice(8, 10));
  const sunday0 = (((year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + MONTH_OFFSET[month - 1] + day) % 7) + 7) % 7;
  return WEEKDAYS[(sunday0 + 6) % 7];
}

/** German weekday names for user-facing messages. */
export const WEEKDAY_NAMES_DE: Readonly<Record<Weekday, string>> = {
  mon: 'Montag',
  tue: 'Dienstag',
  wed: 'Mittwoch',
  thu: 'Donnerstag',
  fri: 'Freitag',
  sat: 'Samstag',
  sun: 'Sonntag',
};

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** 'HH:MM' → minutes after midnight. 24:00 is allowed (end of day, 1440); anything else → null. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Minutes after midnight → 'HH:MM' (1440 → '24:00'). */
export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Minutes → hours with a German decimal comma: one decimal, a second one only where it matters
 * (1275 → '21,25', so 21.25 h is never shown as '21,3' next to a limit of 21,5).
 */
export function formatHours(minutes: number): string {
  const hundredths = Math.round((minutes * 100) / 60);
  const text = (hundredths / 100).toFixed(2);
  return (text.endsWith('0') ? text.slice(0, -1) : text).replace('.', ',');
}

/** Minutes → hours as a number rounded to hundredths (for `measured` / `required`). */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

/** A percentage with one decimal and a German comma ('42,5'). */
export function formatPercent(value: number): string {
  return value.toFixed(1).replace('.', ',');
}

/** 'Montag', 'Montag und Mittwoch', 'Montag, Mittwoch und Freitag'. */
export function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

export function weekdayNames(days: readonly Weekday[]): string {
  return joinGerman(days.map((day) => WEEKDAY_NAMES_DE[day]));
}

/** German two-letter weekday abbreviations, as the catalog writes day lists ('Mo-Sa', 'Mo, Mi, Fr'). */
export const WEEKDAY_ABBREVIATIONS_DE: Readonly<Record<Weekday, string>> = {
  mon: 'Mo',
  tue: 'Di',
  wed: 'Mi',
  thu: 'Do',
  fri: 'Fr',
  sat: 'Sa',
  sun: 'So',
};

const ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const BY_ABBREVIATION = new Map(ORDER.map((day) => [WEEKDAY_ABBREVIATIONS_DE[day].toLowerCase(), day]));

/**
 * A German list of weekdays → the days in week order: 'Mo-Sa' (or 'Mo–Sa'), 'Mo, Mi, Fr',
 * 'Mo-Mi, Fr'. A range runs forward within one week. Anything else, or an empty list → null.
 */
export function parseWeekdays(text: string): Weekday[] | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const days = new Set<Weekday>();
  for (const part of text.split(',')) {
    const range = part.split(/[-–]/).map((t) => t.trim().toLowerCase());
    if (range.length > 2 || range.some((t) => !BY_ABBREVIATION.has(t))) return null;
    const first = ORDER.indexOf(BY_ABBREVIATION.get(range[0])!);
    const last = ORDER.indexOf(BY_ABBREVIATION.get(range[range.length - 1])!);
    if (last < first) return null;
    for (let i = first; i <= last; i++) days.add(ORDER[i]);
  }
  return ORDER.filter((day) => days.has(day));
}

/** Days in week order as people write them: 'Mo–Sa', 'Mo, Mi, Fr', 'Mo–Mi, Fr'. */
export function formatWeekdays(days: readonly Weekday[]): string {
  const sorted = ORDER.filter((day) => days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && ORDER.indexOf(run[run.length - 1]) + 1 === ORDER.indexOf(day)) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? `${WEEKDAY_ABBREVIATIONS_DE[run[0]]}–${WEEKDAY_ABBREVIATIONS_DE[run[run.length - 1]]}`
        : run.map((day) => WEEKDAY_ABBREVIATIONS_DE[day]).join(', '),
    )
    .join(', ');
}

/** '2026-06-04' → '04.06.2026'. */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

import type { Weekday } from './types';

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

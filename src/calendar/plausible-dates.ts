import { isCalendarDate } from './calendar-periods';

/**
 * The years the service accepts from clients. Real dates outside them are typing errors (0202 for
 * 2020) or would break further down: PostgreSQL has no year 0, the holiday library knows 1900–2999.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

export const isPlausibleYear = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

/** What is wrong with a date a client sent, in German, or undefined when it is fine. */
export function dateProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'muss ein Datum im Format JJJJ-MM-TT sein';
  if (!isCalendarDate(text)) return 'ist kein gültiges Kalenderdatum';
  if (!isPlausibleYear(Number(text.slice(0, 4)))) return `muss zwischen ${FIRST_YEAR} und ${LAST_YEAR} liegen`;
  return undefined;
}

export const isPlausibleDate = (text: unknown): text is string => dateProblem(text) === undefined;

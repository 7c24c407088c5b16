// @ts-check
/**
 * The one reader of typed clock times, shared by the pages (schedule form, closure upload) and the
 * API (schedule and closure DTOs import this file): clerks write times as the agreement itself
 * does ("8.00 bis 17.00 Uhr"), so "8", "08.00", "8.30", "12,30", "8:30 Uhr" and "0830" all mean a
 * time of day. Only unambiguous forms are read; "8.3" or "25" stay unread and are named as errors.
 * No imports: the service loads this file as CommonJS (compiled), the browser as a module.
 */

const HOURS_AND_MINUTES = /^(\d{1,2})(?:\s*[:.,]\s*(\d{2}))?$/;
const FOUR_DIGITS = /^(\d{2})(\d{2})$/;

/**
 * A typed time as 'HH:MM' (00:00 … 24:00), or null when it is not one.
 * @param {unknown} text
 * @returns {string | null}
 */
export function normaliseClock(text) {
  if (typeof text !== 'string') return null;
  const value = text.trim().replace(/\s*uhr$/i, '');
  const match = HOURS_AND_MINUTES.exec(value) ?? FOUR_DIGITS.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** What the API and the forms say about a time they cannot read. */
export const CLOCK_INPUT_MESSAGE = 'muss eine Uhrzeit zwischen 0 und 24 Uhr sein, z. B. 8, 8.30, 08:00 oder 12,30';

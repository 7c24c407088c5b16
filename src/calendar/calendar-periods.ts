import { DateTime } from 'luxon';
import { weekdayOfDate } from '../engine/time';
import type { Weekday } from '../engine/types';
import { WEEKDAYS } from '../engine/types';

/** Periods are Berlin wall-clock calendars: an audit week is an ISO week in Europe/Berlin. */
export const ZONE = 'Europe/Berlin';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface IsoWeek {
  year: number;
  week: number;
}

export interface CalendarMonth {
  year: number;
  month: number;
}

/** '2026-W53' → { year: 2026, week: 53 }; null for malformed strings or weeks the year lacks. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = ISO_WEEK.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1) return null;
  const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: ZONE });
  return monday.isValid && week <= monday.weeksInWeekYear ? { year, week } : null;
}

/** '2026-11' → { year: 2026, month: 11 }; null otherwise. */
export function parseMonth(text: string): CalendarMonth | null {
  const match = MONTH.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar date 'YYYY-MM-DD' (rejects 2026-02-30). Plain arithmetic on the proleptic
 * Gregorian calendar (what luxon accepts too): this runs for every judged day, so no DateTime.
 */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

/**
 * Monday..Sunday of an ISO week as YYYY-MM-DD. Throws RangeError for an invalid week. Plain date
 * arithmetic (4 January is always in week 1): a full-year audit asks for every week at its start,
 * and luxon's zoned `plus` per day held the event loop for ≈ 50 ms there (bench, gap probe).
 */
export function isoWeekDates(isoWeek: string): string[] {
  const parsed = parseIsoWeek(isoWeek);
  if (!parsed) throw new RangeError(`invalid ISO week: ${isoWeek}`);
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  const fourth = new Date(0).setUTCFullYear(parsed.year, 0, 4);
  const mondayOfWeek1 = fourth - ((new Date(fourth).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = mondayOfWeek1 + (parsed.week - 1) * 7 * DAY_MS;
  return WEEKDAYS.map((_, index) => utcDate(monday + index * DAY_MS));
}

/** Every date of a month as YYYY-MM-DD. Throws RangeError for an invalid month. */
export function monthDates(month: string): string[] {
  const parsed = parseMonth(month);
  if (!parsed) throw new RangeError(`invalid month: ${month}`);
  const days = parsed.month === 2 && isLeapYear(parsed.year) ? 29 : DAYS_IN_MONTH[parsed.month - 1];
  return Array.from({ length: days }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

const DAY_MS = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The ISO week a date belongs to, e.g. '2027-01-01' → '2026-W53'. */
export function isoWeekOf(date: string): string {
  const day = DateTime.fromISO(date, { zone: ZONE });
  if (!isCalendarDate(date)) throw new RangeError(`invalid date: ${date}`);
  return `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
}

/** Weekday of a date, e.g. '2026-04-03' → 'fri'; RangeError for anything but a real calendar date. */
export function weekdayOf(date: string): Weekday {
  if (!isCalendarDate(date)) throw new RangeError(`invalid date: ${date}`);
  return weekdayOfDate(date);
}

import { DateTime } from 'luxon';
import { isoWeekDates, isPlausibleYear, monthDates, parseIsoWeek, parseMonth, ZONE } from '../calendar';
import { DomainError } from '../common/domain-error';

/** A calendar period that is judged: an ISO week (Monday–Sunday) or a calendar month, Europe/Berlin. */
export interface JudgementPeriod {
  kind: 'week' | 'month';
  /** '2026-W52' or '2026-11' */
  id: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

export function weekPeriod(isoWeek: string): JudgementPeriod {
  const dates = isoWeekDates(isoWeek);
  return { kind: 'week', id: isoWeek, from: dates[0], to: dates[6] };
}

export function monthPeriod(month: string): JudgementPeriod {
  const dates = monthDates(month);
  return { kind: 'month', id: month, from: dates[0], to: dates[dates.length - 1] };
}

/**
 * The ISO weeks that lie in a month: those whose Thursday falls in it (the ISO rule that gives each
 * week to exactly one month, so that month reports never count a week twice).
 */
export function weeksOfMonth(month: string): string[] {
  const weeks: string[] = [];
  for (const date of monthDates(month)) {
    const day = DateTime.fromISO(date, { zone: ZONE });
    if (day.weekday === 4) weeks.push(`${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`);
  }
  return weeks;
}

/** Reads ?week= or ?month= (exactly one), with a German 400 naming the parameter. */
export function periodFromQuery(week: unknown, month: unknown): JudgementPeriod {
  if ((week === undefined) === (month === undefined)) {
    throw DomainError.validation([{ field: 'week', message: 'Bitte genau einen Zeitraum angeben: ?week=2026-W52 oder ?month=2026-11.' }]);
  }
  if (week !== undefined) {
    if (typeof week !== 'string' || !parseIsoWeek(week) || !isPlausibleYear(Number(week.slice(0, 4)))) throw DomainError.validation([{ field: 'week', message: 'muss eine ISO-Kalenderwoche im Format JJJJ-Www sein, z. B. 2026-W52' }]);
    return weekPeriod(week);
  }
  if (typeof month !== 'string' || !parseMonth(month) || !isPlausibleYear(Number(month.slice(0, 4)))) throw DomainError.validation([{ field: 'month', message: 'muss ein Monat im Format JJJJ-MM sein, z. B. 2026-11' }]);
  return monthPeriod(month);
}

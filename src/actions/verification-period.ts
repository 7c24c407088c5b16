import { DateTime } from 'luxon';
import { isoWeekOf, ZONE } from '../calendar';
import { monthPeriod, weekPeriod, type JudgementPeriod } from '../judging/judgement-period';

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

/** The judged period a period id names: '2026-W48' (ISO week) or '2026-11' (calendar month). */
export function periodOf(id: string): JudgementPeriod {
  return /-W\d{2}$/.test(id) ? weekPeriod(id) : monthPeriod(id);
}

/**
 * The first complete period of a kind that begins after a date: the evidence that decides whether a
 * measure reported done on that day worked. A measure done on a Monday has not shaped all of that
 * week, so the week after counts; done on a Sunday, the next week already does.
 */
export function firstPeriodAfter(date: string, kind: 'week' | 'month'): JudgementPeriod {
  const d = day(date);
  if (kind === 'week') return weekPeriod(isoWeekOf(d.plus({ days: 8 - d.weekday }).toISODate()!));
  return monthPeriod(d.plus({ months: 1 }).startOf('month').toFormat('yyyy-MM'));
}

/** The period right after another of the same kind. */
export function nextPeriod(id: string): JudgementPeriod {
  const p = periodOf(id);
  return firstPeriodAfter(p.to, p.kind);
}

/** The due date of a new (or reopened) action: whole weeks from the day it opens (catalog: actionDueWeeks). */
export function dueDate(openedOn: string, weeks: number): string {
  return day(openedOn).plus({ weeks }).toISODate()!;
}

import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import { monthPeriod, weekPeriod, type JudgementPeriod } from '../judging/judgement-period';

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const isoWeekId = (d: DateTime) => `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;

/**
 * The periods an audit over [from, to] judges: every ISO week and every calendar month that lies
 * wholly inside it. A week or month still running would be judged on days that have not happened
 * yet (the hotline of a future Friday is "uncovered"), so only complete periods are judged.
 */
export function periodsWithin(from: string, to: string): JudgementPeriod[] {
  const start = day(from);
  const end = day(to);
  const out: JudgementPeriod[] = [];
  let monday = start.weekday === 1 ? start : start.plus({ days: 8 - start.weekday });
  while (monday.plus({ days: 6 }) <= end) {
    out.push(weekPeriod(isoWeekId(monday)));
    monday = monday.plus({ weeks: 1 });
  }
  let first = start.day === 1 ? start : start.plus({ months: 1 }).startOf('month');
  while (first.endOf('month').startOf('day') <= end) {
    out.push(monthPeriod(first.toFormat('yyyy-MM')));
    first = first.plus({ months: 1 });
  }
  return out;
}

/**
 * What the nightly audit for a day judges ("the week and month up to yesterday"): the latest ISO
 * week and the latest calendar month that are complete on that day. Evidence often arrives late,
 * so the latest complete week is judged again each night until the next one completes; every
 * night's run is kept, nothing is overwritten.
 */
export function nightlyPeriods(yesterday: string): { from: string; to: string; periods: JudgementPeriod[] } {
  const d = day(yesterday);
  const lastSunday = d.weekday === 7 ? d : d.minus({ days: d.weekday });
  const week = weekPeriod(isoWeekId(lastSunday));
  const lastMonthEnd = d.plus({ days: 1 }).day === 1 ? d : d.startOf('month').minus({ days: 1 });
  const month = monthPeriod(lastMonthEnd.toFormat('yyyy-MM'));
  const from = week.from < month.from ? week.from : month.from;
  return { from, to: yesterday, periods: [week, month] };
}

import { DateTime } from 'luxon';
import { gaps, type DayFacts, type HotlineDayFacts, type HotlineWeekFacts, type Interval, type OpeningWeekFacts, type Weekday, type WeekSchedule } from '../engine';

/**
 * Turns what happened in one calendar week into the plain facts the engine judges. Pure: the
 * records, the schedule versions and the holidays come in as arguments.
 * All times are Europe/Berlin wall clock; instants are converted per local day, so a DST week
 * (29 March, 25 October 2026) is judged on the clock the hotline's callers see.
 */
export const ZONE = 'Europe/Berlin';

export interface DayInput {
  date: string;
  weekday: Weekday;
  /** The schedule version in force that day, if any. */
  schedule?: { id: string; week: WeekSchedule };
  closures: Array<{ id: string; from: number | null; to: number | null }>;
  /** Name of the NRW public holiday on that day. */
  holiday?: string;
}

/** A day's actual opening: the scheduled intervals minus closures; a public holiday is closed and excused. */
export function actualDay(day: DayInput): DayFacts {
  const base: DayFacts = { date: day.date, weekday: day.weekday, opening: [] };
  if (day.holiday) return { ...base, excused: day.holiday };
  const scheduled = day.schedule?.week[day.weekday] ?? [];
  const closed: Interval[] = day.closures.map((c) => ({ from: c.from ?? 0, to: c.to ?? 1440 }));
  return { ...base, opening: scheduled.flatMap((i) => gaps(i, closed)) };
}

/**
 * The week as it was actually open, or undefined when no schedule was in force on any of its days
 * (then the opening rules have no evidence and are judged insufficient_data, never compliant).
 */
export function realOpeningWeek(days: DayInput[]): OpeningWeekFacts | undefined {
  if (!days.some((d) => d.schedule)) return undefined;
  const sources = new Set<string>();
  for (const d of days) {
    if (d.schedule) sources.add(`schedule:${d.schedule.id}`);
    for (const c of d.closures) sources.add(`closure:${c.id}`);
  }
  return { days: days.map(actualDay), sources: [...sources] };
}

export interface CoverageRecord {
  id: string;
  start: Date;
  end: Date;
  coveredBy: 'staff' | 'call_centre';
}

/**
 * Wall-clock minutes of an instant on a local day: 0 at local midnight, 1440 at the next midnight.
 * Partial minutes are never credited: a start rounds up, an end rounds down.
 */
function wallClockMinutes(instant: DateTime, dayStart: DateTime, nextDayStart: DateTime, edge: 'start' | 'end'): number {
  if (instant <= dayStart) return 0;
  if (instant >= nextDayStart) return 1440;
  const partial = instant.second > 0 || instant.millisecond > 0;
  return instant.hour * 60 + instant.minute + (edge === 'start' && partial ? 1 : 0);
}

/**
 * The hotline records of Monday to Friday of a week, cut into local days. A record crossing midnight
 * counts on both days; coverage is judged to the minute.
 */
export function hotlineWeek(weekdays: Array<{ date: string; weekday: Weekday; holiday?: string }>, records: CoverageRecord[]): HotlineWeekFacts {
  const days: HotlineDayFacts[] = weekdays.map((d) => {
    const dayStart = DateTime.fromISO(d.date, { zone: ZONE }).startOf('day');
    const nextDayStart = dayStart.plus({ days: 1 }).startOf('day');
    const covered = records
      .filter((r) => r.start.getTime() < nextDayStart.toMillis() && r.end.getTime() > dayStart.toMillis())
      .map((r) => ({
        from: wallClockMinutes(DateTime.fromJSDate(r.start, { zone: ZONE }), dayStart, nextDayStart, 'start'),
        to: wallClockMinutes(DateTime.fromJSDate(r.end, { zone: ZONE }), dayStart, nextDayStart, 'end'),
        coveredBy: r.coveredBy,
      }))
      .filter((i) => i.to > i.from);
    return { date: d.date, weekday: d.weekday, covered, ...(d.holiday ? { excused: d.holiday } : {}) };
  });
  return { days, recordCount: records.length, sources: records.map((r) => `hotline:${r.id}`) };
}

import { localDay, wallClockMinute, type LocalDay } from '../calendar';
import { gaps, WORKING_WEEKDAYS, type DayFacts, type HotlineDayFacts, type HotlineWeekFacts, type Interval, type OpeningWeekFacts, type Weekday, type WeekSchedule } from '../engine';

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

/**
 * A day's actual opening: the scheduled intervals minus closures. On a public holiday the office is
 * closed; the day carries the holiday's name and what the schedule foresaw (`scheduled`), which the
 * opening rules credit (catalog parameter `creditHolidays`). Closures on a holiday change nothing.
 */
export function actualDay(day: DayInput): DayFacts {
  const base: DayFacts = { date: day.date, weekday: day.weekday, opening: [] };
  const scheduled = day.schedule?.week[day.weekday] ?? [];
  if (day.holiday) return { ...base, holiday: day.holiday, scheduled: scheduled.map((i) => ({ ...i })) };
  const closed: Interval[] = day.closures.map((c) => ({ from: c.from ?? 0, to: c.to ?? 1440 }));
  return { ...base, opening: scheduled.flatMap((i) => gaps(i, closed)) };
}

/**
 * The week as it was actually open, or undefined when the schedule in force is unknown on a day
 * that matters: on any Monday to Friday (a first schedule starting on a Wednesday says nothing
 * about Monday and Tuesday; a public holiday is credited with its schedule, so it needs one too).
 * Then the opening rules have no evidence and are judged insufficient_data: lack of evidence is
 * never a violation, nor compliance. A Saturday without a schedule counts as closed.
 */
export function realOpeningWeek(days: DayInput[]): OpeningWeekFacts | undefined {
  if (days.some((d) => !d.schedule && WORKING_DAYS.has(d.weekday))) return undefined;
  const sources = new Set<string>();
  for (const d of days) {
    if (d.schedule) sources.add(`schedule:${d.schedule.id}`);
    if (!d.holiday) for (const c of d.closures) sources.add(`closure:${c.id}`);
  }
  return { days: days.map(actualDay), sources: [...sources] };
}

/**
 * The opening the schedules in force foresee for each day of a week, closures and holidays aside:
 * what an office offers, for the district-wide core (section 2). Undefined when on some Monday to
 * Friday no schedule is in force.
 */
export function plannedWeek(days: DayInput[]): OpeningWeekFacts | undefined {
  if (days.some((d) => !d.schedule && WORKING_DAYS.has(d.weekday))) return undefined;
  const sources = new Set<string>();
  for (const d of days) if (d.schedule) sources.add(`schedule:${d.schedule.id}`);
  return {
    days: days.map((d) => ({ date: d.date, weekday: d.weekday, opening: (d.schedule?.week[d.weekday] ?? []).map((i) => ({ ...i })) })),
    sources: [...sources],
  };
}

const WORKING_DAYS: ReadonlySet<Weekday> = new Set(WORKING_WEEKDAYS);

export interface CoverageRecord {
  id: string;
  start: Date;
  end: Date;
  coveredBy: 'staff' | 'call_centre';
}

/**
 * The hotline records of Monday to Friday of a week, cut into local days. A record crossing midnight
 * counts on both days; coverage is judged to the minute (see wallClockMinute). `dayOf` supplies each
 * date's local bounds; a caller judging many weeks passes a cached one (LocalCalendar.day).
 */
export function hotlineWeek(
  weekdays: Array<{ date: string; weekday: Weekday; holiday?: string }>,
  records: CoverageRecord[],
  dayOf: (date: string) => LocalDay = localDay,
): HotlineWeekFacts {
  const days: HotlineDayFacts[] = weekdays.map((d) => {
    const local = dayOf(d.date);
    const covered: HotlineDayFacts['covered'] = [];
    for (const r of records) {
      const start = r.start.getTime();
      const end = r.end.getTime();
      if (start >= local.end || end <= local.start) continue;
      const from = wallClockMinute(local, start, 'start');
      const to = wallClockMinute(local, end, 'end');
      if (to > from) covered.push({ from, to, coveredBy: r.coveredBy });
    }
    return { date: d.date, weekday: d.weekday, covered, ...(d.holiday ? { excused: d.holiday } : {}) };
  });
  return { days, recordCount: records.length, sources: records.map((r) => `hotline:${r.id}`) };
}

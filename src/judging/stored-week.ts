import { formatClock, parseClock, type Interval, type WeekSchedule, type Weekday } from '../engine';

export const SCHEDULE_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type ScheduleDay = (typeof SCHEDULE_DAYS)[number];

/** The stored form of a week: every day Monday to Saturday present, times as HH:MM. */
export type StoredWeek = Record<ScheduleDay, Array<{ from: string; to: string }>>;

export const emptyWeek = (): WeekSchedule => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

export function storedWeek(week: WeekSchedule): StoredWeek {
  const fmt = (list: Interval[]) => list.map((i) => ({ from: formatClock(i.from), to: formatClock(i.to) }));
  return { mon: fmt(week.mon), tue: fmt(week.tue), wed: fmt(week.wed), thu: fmt(week.thu), fri: fmt(week.fri), sat: fmt(week.sat) };
}

export function weekFromStored(stored: StoredWeek): WeekSchedule {
  const out = emptyWeek();
  for (const day of SCHEDULE_DAYS) out[day as Weekday] = (stored[day] ?? []).map((i) => ({ from: parseClock(i.from)!, to: parseClock(i.to)! }));
  return out;
}

import type { ErrorDetail } from '../common/domain-error';
import { formatClock, parseClock, type Interval, type WeekSchedule, type Weekday } from '../engine';
import type { WeekDto } from './dto/schedule-submission.dto';

export const SCHEDULE_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type ScheduleDay = (typeof SCHEDULE_DAYS)[number];

/** The stored form of a week: every day Monday to Saturday present, times as HH:MM. */
export type StoredWeek = Record<ScheduleDay, Array<{ from: string; to: string }>>;

const emptyWeek = (): WeekSchedule => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/**
 * Turns the validated JSON week into minutes and checks what class-validator cannot: each interval
 * ends after it starts, and intervals of one day do not overlap. Problems name the field path.
 */
export function weekFromDto(week: WeekDto): { week: WeekSchedule; errors: ErrorDetail[] } {
  const out = emptyWeek();
  const errors: ErrorDetail[] = [];
  for (const day of SCHEDULE_DAYS) {
    const intervals = (week[day] ?? []).map((i, index) => ({ index, from: parseClock(i.from)!, to: parseClock(i.to)! }));
    for (const i of intervals) {
      if (i.to <= i.from) errors.push({ field: `week.${day}[${i.index}].to`, message: `muss nach dem Beginn (${formatClock(i.from)}) liegen` });
    }
    const valid = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
    for (let k = 1; k < valid.length; k++) {
      if (valid[k].from < valid[k - 1].to) {
        errors.push({
          field: `week.${day}[${valid[k].index}]`,
          message: `überschneidet sich mit ${formatClock(valid[k - 1].from)}–${formatClock(valid[k - 1].to)}`,
        });
      }
    }
    out[day] = valid.map(({ from, to }) => ({ from, to }));
  }
  return { week: out, errors };
}

export function storedWeek(week: WeekSchedule): StoredWeek {
  const fmt = (list: Interval[]) => list.map((i) => ({ from: formatClock(i.from), to: formatClock(i.to) }));
  return { mon: fmt(week.mon), tue: fmt(week.tue), wed: fmt(week.wed), thu: fmt(week.thu), fri: fmt(week.fri), sat: fmt(week.sat) };
}

export function weekFromStored(stored: StoredWeek): WeekSchedule {
  const out = emptyWeek();
  for (const day of SCHEDULE_DAYS) out[day as Weekday] = (stored[day] ?? []).map((i) => ({ from: parseClock(i.from)!, to: parseClock(i.to)! }));
  return out;
}

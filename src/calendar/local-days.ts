import { DateTime, IANAZone } from 'luxon';
import type { Weekday } from '../engine/types';
import { isoWeekDates, weekdayOf, ZONE } from './calendar-periods';
import { holidayNameNrw } from './nrw-holidays';

/**
 * One local calendar day in Europe/Berlin with everything judging needs that depends on the date
 * alone: weekday, NRW holiday, and the instants bounding it, so that instants can be read on the
 * wall clock with plain arithmetic instead of a zoned DateTime per instant.
 */
export interface LocalDay {
  readonly date: string;
  readonly weekday: Weekday;
  /** Name of the NRW public holiday that day. */
  readonly holiday?: string;
  /** Epoch ms of the local midnight starting the day. */
  readonly start: number;
  /** Epoch ms of the next local midnight (23, 24 or 25 hours later). */
  readonly end: number;
  /** Epoch ms of this date's midnight in UTC: the wall clock reads (instant + offset - wallOrigin). */
  readonly wallOrigin: number;
  /** UTC offset in ms at the start of the day, and from `transition` on when the day has one. */
  readonly offsetAtStart: number;
  readonly offsetAfterTransition: number;
  /** The first instant (epoch ms) with the new offset on a day the clocks change; else undefined. */
  readonly transition?: number;
}

const MINUTE = 60_000;
const zone = IANAZone.create(ZONE);

/** Computes a local day (a few luxon calls; cache the result where days repeat). */
export function localDay(date: string): LocalDay {
  const weekday = weekdayOf(date); // validates the date
  const dayStart = DateTime.fromISO(date, { zone: ZONE }).startOf('day');
  const start = dayStart.toMillis();
  const end = dayStart.plus({ days: 1 }).startOf('day').toMillis();
  const offsetAtStart = zone.offset(start) * MINUTE;
  const offsetBeforeEnd = zone.offset(end - 1) * MINUTE;
  let transition: number | undefined;
  if (offsetBeforeEnd !== offsetAtStart) {
    // A day of a clock change (Berlin: last Sunday of March and October). Zones change at most
    // once a day; find the first millisecond with the new offset by bisection.
    let lo = start;
    let hi = end - 1;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) * MINUTE === offsetAtStart) lo = mid;
      else hi = mid;
    }
    transition = hi;
  }
  const holiday = holidayNameNrw(date);
  return {
    date,
    weekday,
    ...(holiday ? { holiday } : {}),
    start,
    end,
    wallOrigin: DateTime.fromISO(date, { zone: 'utc' }).toMillis(),
    offsetAtStart,
    offsetAfterTransition: offsetBeforeEnd,
    ...(transition !== undefined ? { transition } : {}),
  };
}

/**
 * Wall-clock minutes of an instant on a local day: 0 at local midnight (and before), 1440 at the
 * next midnight (and after), otherwise hour × 60 + minute of the Berlin clock at that instant — on
 * a clock-change day that is not (instant − start) / 1 min (25 October: 02:00–03:00 runs twice).
 * Partial minutes are never credited: a start rounds up, an end rounds down.
 */
export function wallClockMinute(day: LocalDay, instant: number, edge: 'start' | 'end'): number {
  if (instant <= day.start) return 0;
  if (instant >= day.end) return 1440;
  const offset = day.transition !== undefined && instant >= day.transition ? day.offsetAfterTransition : day.offsetAtStart;
  const wall = instant + offset - day.wallOrigin;
  const minute = Math.floor(wall / MINUTE);
  return minute + (edge === 'start' && wall > minute * MINUTE ? 1 : 0);
}

/**
 * Local days and ISO weeks of one audited range, each computed once. Bounded: only dates (and
 * weeks touching) [from, to] are kept, anything else is computed afresh, so the memory is that of
 * the range however many offices and periods are judged.
 */
export class LocalCalendar {
  private readonly days = new Map<string, LocalDay>();
  private readonly weeks = new Map<string, readonly string[]>();

  constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  day(date: string): LocalDay {
    let day = this.days.get(date);
    if (!day) {
      day = localDay(date);
      if (date >= this.from && date <= this.to) this.days.set(date, day);
    }
    return day;
  }

  /** Monday..Sunday of an ISO week (shared array: do not modify). Throws RangeError like isoWeekDates. */
  weekDates(isoWeek: string): readonly string[] {
    let dates = this.weeks.get(isoWeek);
    if (!dates) {
      dates = Object.freeze(isoWeekDates(isoWeek));
      if (dates[6] >= this.from && dates[0] <= this.to) this.weeks.set(isoWeek, dates);
    }
    return dates;
  }
}

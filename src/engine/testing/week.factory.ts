import { parseClock } from '../time';
import type { DayFacts, Interval, OpeningWeekFacts, Weekday, WeekSchedule } from '../types';
import { WEEKDAYS } from '../types';

/**
 * Builds opening weeks for tests:
 *   aWeek().open(['mon', 'tue'], '08:00', '12:30').holiday('fri', 'Karfreitag').build()
 * Days not opened are closed. `startingOn(monday)` turns the regular week into a calendar week.
 */
export class WeekBuilder {
  private readonly opening = new Map<Weekday, Interval[]>(WEEKDAYS.map((day) => [day, []]));
  private readonly holidays = new Map<Weekday, string>();
  private monday?: string;
  private sourceIds: string[] = [];

  open(days: Weekday | Weekday[], from: string, to: string): this {
    for (const day of ([] as Weekday[]).concat(days)) {
      this.opening.get(day)!.push({ from: clock(from), to: clock(to) });
      this.opening.get(day)!.sort((a, b) => a.from - b.from);
    }
    return this;
  }

  /** Open Monday to Friday. */
  openWeekdays(from: string, to: string): this {
    return this.open(['mon', 'tue', 'wed', 'thu', 'fri'], from, to);
  }

  closed(days: Weekday | Weekday[]): this {
    for (const day of ([] as Weekday[]).concat(days)) this.opening.set(day, []);
    return this;
  }

  /**
   * A public holiday: the office is closed that day; what was opened for the day (before or after
   * this call) is what its schedule foresaw (`scheduled`), which the opening rules credit.
   */
  holiday(day: Weekday, name: string): this {
    this.holidays.set(day, name);
    return this;
  }

  /** Dates the days from this Monday (YYYY-MM-DD) on. */
  startingOn(monday: string): this {
    this.monday = monday;
    return this;
  }

  sources(...ids: string[]): this {
    this.sourceIds = ids;
    return this;
  }

  schedule(): WeekSchedule {
    return Object.fromEntries(WEEKDAYS.map((day) => [day, this.opening.get(day)!.map((i) => ({ ...i }))])) as WeekSchedule;
  }

  build(): OpeningWeekFacts {
    return {
      days: WEEKDAYS.map((weekday, index): DayFacts => {
        const planned = this.opening.get(weekday)!.map((i) => ({ ...i }));
        const holiday = this.holidays.get(weekday);
        const day: DayFacts = holiday ? { weekday, opening: [], holiday, scheduled: planned } : { weekday, opening: planned };
        if (this.monday) day.date = addDays(this.monday, index);
        return day;
      }),
      sources: [...this.sourceIds],
    };
  }
}

export function aWeek(): WeekBuilder {
  return new WeekBuilder();
}

export function clock(text: string): number {
  const minutes = parseClock(text);
  if (minutes === null) throw new Error(`not a time: ${text}`);
  return minutes;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

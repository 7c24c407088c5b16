import type { HotlineDayFacts, HotlineWeekFacts, Weekday } from '../types';
import { WORKING_WEEKDAYS } from '../types';
import { addDays, clock } from './week.factory';

type CoveredBy = 'staff' | 'call_centre';

/**
 * Builds hotline weeks for tests:
 *   aHotlineWeek().covered('mon', '08:00', '12:00', 'staff').covered('mon', '12:00', '17:00', 'call_centre').build()
 * Every `covered` call is one record; `recordCount` defaults to their number.
 */
export class HotlineWeekBuilder {
  private readonly days = new Map<Weekday, HotlineDayFacts>();
  private records = 0;
  private recordCountOverride?: number;
  private sourceIds: string[] = [];

  constructor(monday: string) {
    WORKING_WEEKDAYS.forEach((weekday, index) =>
      this.days.set(weekday, { date: addDays(monday, index), weekday, covered: [] }),
    );
  }

  covered(days: Weekday | Weekday[], from: string, to: string, coveredBy: CoveredBy = 'staff'): this {
    for (const day of ([] as Weekday[]).concat(days)) {
      this.days.get(day)!.covered.push({ from: clock(from), to: clock(to), coveredBy });
      this.records += 1;
    }
    return this;
  }

  coveredEveryWeekday(from: string, to: string, coveredBy: CoveredBy = 'staff'): this {
    return this.covered([...WORKING_WEEKDAYS], from, to, coveredBy);
  }

  holiday(day: Weekday, name: string): this {
    this.days.get(day)!.excused = name;
    return this;
  }

  /** Leaves a weekday out of the facts entirely. */
  without(day: Weekday): this {
    this.days.delete(day);
    return this;
  }

  recordCount(count: number): this {
    this.recordCountOverride = count;
    return this;
  }

  sources(...ids: string[]): this {
    this.sourceIds = ids;
    return this;
  }

  build(): HotlineWeekFacts {
    return {
      days: [...this.days.values()].map((day) => ({ ...day, covered: day.covered.map((c) => ({ ...c })) })),
      recordCount: this.recordCountOverride ?? this.records,
      sources: [...this.sourceIds],
    };
  }
}

/** A hotline week starting on the given Monday (default: ISO week 2026-W03). */
export function aHotlineWeek(monday = '2026-01-12'): HotlineWeekBuilder {
  return new HotlineWeekBuilder(monday);
}

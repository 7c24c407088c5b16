import type { OpeningWeekFacts, WeekSchedule } from './types';
import { WEEKDAYS } from './types';

/**
 * Facts for a regular weekly schedule (the schedule pre-check): no dates, no holidays, every day
 * as scheduled. Real calendar weeks are assembled by the service with dates, closures and holidays.
 */
export function regularOpeningWeek(schedule: WeekSchedule, sources: string[] = []): OpeningWeekFacts {
  return {
    days: WEEKDAYS.map((weekday) => ({ weekday, opening: schedule[weekday].map((i) => ({ ...i })) })),
    sources,
  };
}

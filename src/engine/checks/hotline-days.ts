import type { HotlineDayFacts, HotlineWeekFacts } from '../types';
import { WORKING_WEEKDAYS } from '../types';

/** A hotline day; `date` is unknown for a weekday the facts do not mention. */
export type HotlineDay = Omit<HotlineDayFacts, 'date'> & { date?: string };

/**
 * Monday to Friday of the hotline week. A weekday without any record is a day on which nobody
 * was reachable (section 4.2 requires reachability "von Montag bis Freitag").
 */
export function hotlineWorkingDays(week: HotlineWeekFacts): HotlineDay[] {
  return WORKING_WEEKDAYS.map((weekday) => week.days.find((day) => day.weekday === weekday) ?? { weekday, covered: [] });
}

import { DateTime } from 'luxon';
import { ZONE } from '../calendar/calendar-periods';

/** The current instant, injected so that tests can pin a night or a day ("the clock is an input"). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/** Today in Berlin (ISO date) by a clock: the day every "has it ended", "is it due" and default week is counted from. */
export function berlinToday(clock: Clock): string {
  return DateTime.fromJSDate(clock(), { zone: ZONE }).toISODate()!;
}

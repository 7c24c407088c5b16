import type { HotlineDayFacts, HotlineWeekFacts, Interval } from '../types';
import type { CheckOutcome } from './check-definition';
import type { ParamReader } from '../params/param-reader';
import type { ParamSchema } from '../params/param-schema';
import { insufficientData } from './outcomes';
import { WORKING_WEEKDAYS, type Weekday } from '../types';
import { WEEKDAY_NAMES_DE, joinGerman } from '../time';

/** A hotline day; `date` is unknown for a weekday the facts do not mention. */
export type HotlineDay = Omit<HotlineDayFacts, 'date'> & { date?: string };

/**
 * Monday to Friday of the hotline week. A weekday without any record is a day on which nobody
 * was reachable (section 4.2 requires reachability "von Montag bis Freitag").
 */
export function hotlineWorkingDays(week: HotlineWeekFacts): HotlineDay[] {
  return WORKING_WEEKDAYS.map((weekday) => week.days.find((day) => day.weekday === weekday) ?? { weekday, covered: [] });
}

/** Both hotline checks judge the same window of the day (section 4.2: 8.00 bis 17.00 Uhr). */
export const HOTLINE_WINDOW_PARAMS: ParamSchema = {
  windowStart: { type: 'time', required: true },
  windowEnd: { type: 'time', required: true },
};

export function validateHotlineWindow(params: ParamReader): string[] {
  return params.clock('windowStart') < params.clock('windowEnd') ? [] : ['windowStart muss vor windowEnd liegen'];
}

export function hotlineWindow(params: ParamReader): Interval {
  return { from: params.clock('windowStart'), to: params.clock('windowEnd') };
}

/** Without a single record for the week there is nothing to judge: never "compliant". */
export function noHotlineRecords(unit: string, week: HotlineWeekFacts | undefined): CheckOutcome {
  return insufficientData(unit, 'Für diese Woche liegen keine Aufzeichnungen zur telefonischen Erreichbarkeit vor.', week?.sources);
}

/**
 * Section 4.2 asks for reachability "von Montag bis Freitag"; on a public holiday the office is
 * closed and nobody calls, so the hotline rules do not require coverage on it.
 * 'Karfreitag (Freitag)' etc. for the messages.
 */
export function describeExcused(days: Readonly<Array<{ weekday: Weekday; excused?: string }>>): string {
  return joinGerman(days.filter((day) => day.excused).map((day) => `${day.excused} (${WEEKDAY_NAMES_DE[day.weekday]})`));
}

/** Message when every weekday of the week is a public holiday: there is nothing to judge. */
export function allExcusedMessage(days: Readonly<Array<{ weekday: Weekday; excused?: string }>>): string {
  return `Alle Werktage dieses Zeitraums sind Feiertage (${describeExcused(days)}); die Regel ist hier nicht anzuwenden.`;
}

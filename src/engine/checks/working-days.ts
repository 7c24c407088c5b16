import type { DayFacts, OpeningWeekFacts, Weekday } from '../types';
import { WORKING_WEEKDAYS } from '../types';
import { WEEKDAY_NAMES_DE, joinGerman } from '../time';

/**
 * Monday to Friday of a week. A weekday the facts do not mention counts as closed: that can only
 * make a finding stricter, never falsely compliant.
 */
export function workingDays(week: OpeningWeekFacts): DayFacts[] {
  return WORKING_WEEKDAYS.map((weekday) => dayOf(week, weekday));
}

export function dayOf(week: OpeningWeekFacts, weekday: Weekday): DayFacts {
  return week.days.find((day) => day.weekday === weekday) ?? { weekday, opening: [] };
}

/** 'Karfreitag (Freitag)' etc. for the messages. */
export function describeExcused(days: Readonly<Array<{ weekday: Weekday; excused?: string }>>): string {
  return joinGerman(
    days.filter((day) => day.excused).map((day) => `${day.excused} (${WEEKDAY_NAMES_DE[day.weekday]})`),
  );
}

/** Message when every weekday of the period is a public holiday: there is nothing to judge. */
export function allExcusedMessage(days: Readonly<Array<{ weekday: Weekday; excused?: string }>>): string {
  return `Alle Werktage dieses Zeitraums sind Feiertage (${describeExcused(days)}); die Regel ist hier nicht anzuwenden.`;
}

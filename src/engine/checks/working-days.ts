import type { DayFacts, Interval, OpeningWeekFacts, Weekday } from '../types';
import { WORKING_WEEKDAYS } from '../types';
import { totalMinutes } from '../intervals';
import { WEEKDAY_NAMES_DE, formatHours, germanDate, joinGerman } from '../time';
import type { ParamDefinition } from '../params/param-schema';

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

/**
 * Section 2 names no exception for public holidays, and a holiday is not the office's choice. Our
 * reading (parameter `creditHolidays`, default true): on a public holiday the opening the schedule
 * in force foresaw counts as if the office had been open, so a week with holidays is judged like
 * the regular week of its schedule, minus real closures on the other days. With false the holiday
 * counts as it was: closed.
 */
export const CREDIT_HOLIDAYS_PARAM: ParamDefinition = { type: 'boolean', required: false, default: true };

/** The opening a rule counts for a day: the schedule's on a credited holiday, else the actual one. */
export function countedOpening(day: DayFacts, creditHolidays: boolean): Interval[] {
  return day.holiday && creditHolidays ? (day.scheduled ?? []) : day.opening;
}

/** Evidence of the holidays among the days: which, and how many hours were credited. */
export function holidayEvidence(days: readonly DayFacts[], creditHolidays: boolean) {
  return days
    .filter((day) => day.holiday)
    .map((day) => ({
      date: day.date ?? null,
      weekday: day.weekday,
      name: day.holiday!,
      credited: creditHolidays,
      creditedHours: creditHolidays ? Math.round((totalMinutes(day.scheduled ?? []) * 100) / 60) / 100 : 0,
    }));
}

/**
 * ' Feiertage wie im Öffnungsplan angerechnet: Fronleichnam (Donnerstag, 04.06.2026) mit 9,0 Std.'
 * or, without credit, ' Feiertage zählen als geschlossen: …'; '' without holidays.
 */
export function holidayNote(days: readonly DayFacts[], creditHolidays: boolean, withHours = true): string {
  const holidays = days.filter((day) => day.holiday);
  if (holidays.length === 0) return '';
  const named = joinGerman(
    holidays.map((day) => {
      const when = day.date ? `${WEEKDAY_NAMES_DE[day.weekday]}, ${germanDate(day.date)}` : WEEKDAY_NAMES_DE[day.weekday];
      const hours = withHours && creditHolidays ? ` mit ${formatHours(totalMinutes(day.scheduled ?? []))} Std.` : '';
      return `${day.holiday} (${when})${hours}`;
    }),
  );
  const end = named.endsWith('.') ? '' : '.';
  return creditHolidays ? ` Feiertage wie im Öffnungsplan angerechnet: ${named}${end}` : ` Feiertage zählen als geschlossen: ${named}${end}`;
}

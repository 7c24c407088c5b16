import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { CREDIT_HOLIDAYS_PARAM, countedOpening, dayOf, holidayEvidence, holidayNote } from './working-days';
import { totalMinutes } from '../intervals';
import { formatHours, minutesToHours } from '../time';
import { periodLabel } from '../vocabulary';
import type { Weekday } from '../types';

/** Section 2 counts opening per week; Saturday adds to the total, Sunday is not an office day. */
const COUNTED_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const UNIT = 'Std.';

/**
 * Section 2: "Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten."
 * Every week, holiday weeks included: a public holiday is credited with the hours the schedule in
 * force foresaw that day (`creditHolidays`), so the requirement never shrinks and a Saturday holiday
 * is credited like a weekday one. Comparisons are in whole minutes: 21,5 Std. is compliant, 21,25
 * Std. is not.
 */
export const weeklyHoursCheck: OfficeCheckDefinition = {
  kind: 'weekly-hours',
  unit: UNIT,
  needs: ['schedule'],
  cadence: 'week',
  scope: 'office',
  params: {
    minimumHours: { type: 'number', required: true, min: 0, max: 168 },
    creditHolidays: CREDIT_HOLIDAYS_PARAM,
  },
  evaluate(facts, params, context) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');

    const minimum = params.hoursAsMinutes('minimumHours');
    const credit = params.boolean('creditHolidays');
    const days = COUNTED_DAYS.map((weekday) => dayOf(week, weekday));
    const minutesPerDay = days.map((day) => ({ weekday: day.weekday, minutes: totalMinutes(countedOpening(day, credit)) }));
    const measured = minutesPerDay.reduce((sum, d) => sum + d.minutes, 0);
    const compliant = measured >= minimum;

    const subject =
      context.period && context.period !== 'regular-week'
        ? `Die Öffnungszeit in der ${periodLabel(context.period)} beträgt`
        : week.days.some((d) => d.date)
          ? 'Die Öffnungszeit in dieser Woche beträgt'
          : 'Die regelmäßige Öffnungszeit beträgt';
    const holidays = holidayNote(days, credit);
    const message = compliant
      ? `${subject} ${formatHours(measured)} Std. je Woche und erfüllt den Mindestwert von ${formatHours(minimum)} Std.${holidays}`
      : `${subject} ${formatHours(measured)} Std. je Woche und liegt ${formatHours(minimum - measured)} Std. unter dem Mindestwert von ${formatHours(minimum)} Std.${holidays} Die Öffnungszeit ist um mindestens ${formatHours(minimum - measured)} Std. zu erweitern.`;

    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: minutesToHours(measured),
      required: minutesToHours(minimum),
      unit: UNIT,
      message,
      evidence: {
        hoursPerDay: Object.fromEntries(minutesPerDay.map((d) => [d.weekday, minutesToHours(d.minutes)])),
        holidays: holidayEvidence(days, credit),
      },
      sources: week.sources,
    };
  },
};

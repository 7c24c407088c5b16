import type { CheckDefinition } from './check-definition';
import { insufficientData, notApplicable } from './outcomes';
import { allExcusedMessage, dayOf, describeExcused, workingDays } from './working-days';
import { totalMinutes } from '../intervals';
import { formatHours, minutesToHours } from '../time';
import type { Weekday } from '../types';

/** Section 2 counts opening per week; Saturday adds to the total, Sunday is not an office day. */
const COUNTED_DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const UNIT = 'Std.';

/**
 * Section 2: "Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten."
 * With `proRataForExcusedWeekdays` (an interpretation), a week with public holidays on weekdays
 * requires minimumHours × (weekdays without holiday) ÷ 5. All comparisons are in whole minutes
 * (required × 5 never needs a fraction), so 21,5 Std. is compliant and 21,25 Std. is not.
 */
export const weeklyHoursCheck: CheckDefinition = {
  kind: 'weekly-hours',
  unit: UNIT,
  params: {
    minimumHours: { type: 'number', required: true, min: 0, max: 168 },
    proRataForExcusedWeekdays: { type: 'boolean', required: false, default: true },
  },
  evaluate(facts, params, context) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');

    const minimum = params.hoursAsMinutes('minimumHours');
    const proRata = params.boolean('proRataForExcusedWeekdays');
    const weekdays = workingDays(week);
    const excused = weekdays.filter((day) => day.excused);
    const dueWeekdays = proRata ? weekdays.length - excused.length : weekdays.length;

    const minutesPerDay = COUNTED_DAYS.map((weekday) => {
      const day = dayOf(week, weekday);
      return { weekday, date: day.date, excused: day.excused, minutes: totalMinutes(day.opening) };
    });
    const evidence = {
      hoursPerDay: Object.fromEntries(minutesPerDay.map((d) => [d.weekday, minutesToHours(d.minutes)])),
      excusedDays: excused.map((d) => ({ weekday: d.weekday, date: d.date, name: d.excused })),
      dueWeekdays,
    };
    if (dueWeekdays === 0) return notApplicable(UNIT, allExcusedMessage(weekdays), evidence, week.sources);

    const measured = minutesPerDay.reduce((sum, d) => sum + d.minutes, 0);
    // required = minimum × due ÷ 5, compared as measured × 5 ≥ minimum × due to stay in integers.
    const compliant = measured * 5 >= minimum * dueWeekdays;
    const requiredMinutes = (minimum * dueWeekdays) / 5;

    const subject =
      context.period && context.period !== 'regular-week'
        ? `Die Öffnungszeit in der Woche ${context.period} beträgt`
        : week.days.some((d) => d.date)
          ? 'Die Öffnungszeit in dieser Woche beträgt'
          : 'Die regelmäßige Öffnungszeit beträgt';
    const proRataNote =
      dueWeekdays < 5 && proRata
        ? `, anteilig aus ${formatHours(minimum)} Std. für ${dueWeekdays} von 5 Werktagen wegen ${describeExcused(weekdays)}.`
        : '';
    const message = compliant
      ? `${subject} ${formatHours(measured)} Std. je Woche und erfüllt den Mindestwert von ${formatHours(requiredMinutes)} Std.${proRataNote}`
      : `${subject} ${formatHours(measured)} Std. je Woche und liegt ${formatHours(requiredMinutes - measured)} Std. unter dem Mindestwert von ${formatHours(requiredMinutes)} Std.${proRataNote} Die Öffnungszeit ist um mindestens ${formatHours(requiredMinutes - measured)} Std. zu erweitern.`;

    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: minutesToHours(measured),
      required: minutesToHours(requiredMinutes),
      unit: UNIT,
      message,
      evidence,
      sources: week.sources,
    };
  },
};

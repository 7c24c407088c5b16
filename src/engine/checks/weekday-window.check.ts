import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { CREDIT_HOLIDAYS_PARAM, countedOpening, dayOf, holidayEvidence, holidayNote } from './working-days';
import { clip, totalMinutes } from '../intervals';
import { WEEKDAY_NAMES_DE, formatClock, formatHours, formatWeekdays, parseWeekdays, weekdayNames } from '../time';
import type { Weekday } from '../types';

const UNIT = 'Tage';

/**
 * Counts the days of a week (parameter `days`) that have an opening inside a time window:
 * "tägliche Öffnungszeiten von Montags bis Freitags" and "an jedem Vormittag" (every day),
 * "mindestens an einen Nachmittag" (≥ 1 day), tandem minor "mindestens an drei Tagen vormittags"
 * (≥ 3 days). Which days count is the catalog's reading per rule: Monday to Friday where the text
 * says so, Monday to Saturday for the afternoon (the text does not limit it to weekdays).
 *
 * A day qualifies when
 *  - it has more than 0 minutes of opening inside [windowStart, windowEnd) (a closed day never
 *    qualifies, so `minimumHours: 0` means "any opening at all": the text names no minimum length),
 *  - at least `minimumHours` of them, and
 *  - with `openUntilAtLeast`, one opening interval overlapping the window lasts until that time.
 *
 * A public holiday counts with the opening its schedule foresaw (`creditHolidays`), so a holiday
 * week demands and gets exactly what the regular week does.
 */
export const weekdayWindowCheck: OfficeCheckDefinition = {
  kind: 'weekday-window',
  unit: UNIT,
  needs: ['schedule'],
  cadence: 'week',
  scope: 'office',
  params: {
    windowStart: { type: 'time', required: true },
    windowEnd: { type: 'time', required: true },
    minimumHours: { type: 'number', required: false, default: 0, min: 0, max: 24 },
    openUntilAtLeast: { type: 'time', required: false },
    minimumDays: { type: 'number', required: false, min: 1, max: 7, integer: true },
    everyDay: { type: 'boolean', required: false },
    days: { type: 'weekdays', required: false, default: 'Mo-Fr' },
    creditHolidays: CREDIT_HOLIDAYS_PARAM,
  },
  validate(params) {
    const problems: string[] = [];
    const start = params.clock('windowStart');
    const end = params.clock('windowEnd');
    if (start >= end) problems.push('windowStart muss vor windowEnd liegen');
    if (params.hoursAsMinutes('minimumHours') > end - start) {
      problems.push('minimumHours ist länger als das Zeitfenster windowStart–windowEnd');
    }
    if (params.has('openUntilAtLeast')) {
      const until = params.clock('openUntilAtLeast');
      if (until <= start || until > end) problems.push('openUntilAtLeast muss im Zeitfenster windowStart–windowEnd liegen');
    }
    const everyDay = params.has('everyDay') && params.boolean('everyDay');
    if (everyDay === params.has('minimumDays')) {
      problems.push('genau eines von minimumDays oder everyDay: true ist anzugeben');
    }
    const days = parseWeekdays(params.string('days')) ?? [];
    if (params.has('minimumDays') && params.number('minimumDays') > days.length) {
      problems.push(`minimumDays ist größer als die Zahl der Tage in days (${days.length})`);
    }
    return problems;
  },
  evaluate(facts, params) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');

    const window = { from: params.clock('windowStart'), to: params.clock('windowEnd') };
    const minimum = params.hoursAsMinutes('minimumHours');
    const until = params.has('openUntilAtLeast') ? params.clock('openUntilAtLeast') : undefined;
    const credit = params.boolean('creditHolidays');
    const dueDays = params.weekdays('days').map((weekday) => dayOf(week, weekday));

    const perDay = dueDays.map((day) => {
      const opening = countedOpening(day, credit);
      const insideWindow = totalMinutes(clip(opening, window));
      const lastsUntil =
        until === undefined || opening.some((i) => i.from < window.to && i.to > window.from && i.to >= until);
      return {
        weekday: day.weekday,
        date: day.date,
        ...(day.holiday ? { holiday: day.holiday, credited: credit } : {}),
        minutesInWindow: insideWindow,
        qualifies: insideWindow > 0 && insideWindow >= minimum && lastsUntil,
      };
    });
    const evidence = {
      window: `${formatClock(window.from)}–${formatClock(window.to)}`,
      days: perDay,
      holidays: holidayEvidence(dueDays, credit),
    };

    const everyDay = params.has('everyDay') && params.boolean('everyDay');
    const required = everyDay ? dueDays.length : params.number('minimumDays');
    const qualifying = perDay.filter((day) => day.qualifies).map((day) => day.weekday);
    const missing = perDay.filter((day) => !day.qualifies).map((day) => day.weekday);
    const compliant = qualifying.length >= required;
    const what = describeOpening(window.from, window.to, minimum, until);
    const range = `${formatWeekdays(dueDays.map((d) => d.weekday))}`;

    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: qualifying.length,
      required,
      unit: UNIT,
      message:
        (everyDay
          ? everyDayMessage(what, missing, dueDays.length, range)
          : minimumDaysMessage(what, qualifying, missing, required, dueDays.length, range)) +
        holidayNote(dueDays, credit, false),
      evidence,
      sources: week.sources,
    };
  },
};

function everyDayMessage(what: string, missing: Weekday[], dueCount: number, range: string): string {
  if (missing.length === 0) return `An allen ${dueCount} Tagen (${range}) besteht eine ${what}.`;
  return `Am ${weekdayNames(missing)} fehlt eine ${what}.`;
}

function minimumDaysMessage(
  what: string,
  qualifying: Weekday[],
  missing: Weekday[],
  required: number,
  dueCount: number,
  range: string,
): string {
  const found = qualifying.length > 0 ? `: ${weekdayNames(qualifying)}` : '';
  const status = `An ${qualifying.length} von ${dueCount} Tagen (${range}${found}) besteht eine ${what}; erforderlich ${days(required)}.`;
  if (qualifying.length >= required) return status;
  const lacking = required - qualifying.length;
  const candidates = missing.map((day) => WEEKDAY_NAMES_DE[day]).join(', ');
  return `${status} Es ${lacking === 1 ? 'fehlt 1 weiterer Tag' : `fehlen ${lacking} weitere Tage`}; in Frage kommen ${candidates}.`;
}

function days(count: number): string {
  return count === 1 ? 'ist mindestens 1 Tag' : `sind mindestens ${count} Tage`;
}

/** 'Öffnung von mindestens 2,0 Std. zwischen 07:00 und 13:00 Uhr'. */
function describeOpening(start: number, end: number, minimum: number, until?: number): string {
  let text = 'Öffnung';
  if (minimum > 0) text += ` von mindestens ${formatHours(minimum)} Std.`;
  if (start > 0 || end < 1440) text += ` zwischen ${formatClock(start)} und ${formatClock(end)} Uhr`;
  if (until !== undefined) text += `, die bis mindestens ${formatClock(until)} Uhr reicht`;
  return text;
}

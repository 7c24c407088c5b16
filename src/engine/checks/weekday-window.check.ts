import type { CheckDefinition } from './check-definition';
import { insufficientData, notApplicable } from './outcomes';
import { allExcusedMessage, describeExcused, workingDays } from './working-days';
import { clip, totalMinutes } from '../intervals';
import { WEEKDAY_NAMES_DE, formatClock, formatHours, weekdayNames } from '../time';
import type { Weekday } from '../types';

const UNIT = 'Tage';

/**
 * Counts weekdays (Mon–Fri, public holidays skipped) that have an opening inside a time window:
 * "an jedem Vormittag" (every day), "mindestens an einen Nachmittag" (≥ 1 day), tandem minor
 * "mindestens an drei Tagen vormittags" (≥ 3 days). Saturday never counts: section 2 speaks of
 * "Montags bis Freitags" and a Saturday must not stand in for a missing weekday morning.
 *
 * A day qualifies when
 *  - it has more than 0 minutes of opening inside [windowStart, windowEnd) (a closed day never
 *    qualifies, so `minimumHours: 0` means "any opening at all"), and
 *  - at least `minimumHours` of them, and
 *  - with `openUntilAtLeast`, one opening interval overlapping the window lasts until that time.
 *
 * Required: every weekday without a holiday (`everyDay: true`) or `minimumDays`, capped at the
 * number of weekdays without a holiday (interpretation: a holiday week cannot demand more days than
 * it has). A week in which every weekday is a holiday is `not_applicable`: nothing can be judged.
 */
export const weekdayWindowCheck: CheckDefinition = {
  kind: 'weekday-window',
  unit: UNIT,
  params: {
    windowStart: { type: 'time', required: true },
    windowEnd: { type: 'time', required: true },
    minimumHours: { type: 'number', required: false, default: 0, min: 0, max: 24 },
    openUntilAtLeast: { type: 'time', required: false },
    minimumDays: { type: 'number', required: false, min: 1, max: 5, integer: true },
    everyDay: { type: 'boolean', required: false },
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
    return problems;
  },
  evaluate(facts, params) {
    const week = facts.openingWeek;
    if (!week) return insufficientData(UNIT, 'Für diesen Zeitraum sind keine Öffnungszeiten bekannt.');

    const window = { from: params.clock('windowStart'), to: params.clock('windowEnd') };
    const minimum = params.hoursAsMinutes('minimumHours');
    const until = params.has('openUntilAtLeast') ? params.clock('openUntilAtLeast') : undefined;

    const weekdays = workingDays(week);
    const perDay = weekdays.map((day) => {
      const insideWindow = totalMinutes(clip(day.opening, window));
      const lastsUntil =
        until === undefined ||
        day.opening.some((i) => i.from < window.to && i.to > window.from && i.to >= until);
      return {
        weekday: day.weekday,
        date: day.date,
        excused: day.excused,
        minutesInWindow: insideWindow,
        qualifies: !day.excused && insideWindow > 0 && insideWindow >= minimum && lastsUntil,
      };
    });
    const due = perDay.filter((day) => !day.excused);
    const evidence = { window: describeWindow(window.from, window.to), days: perDay };
    if (due.length === 0) return notApplicable(UNIT, allExcusedMessage(weekdays), evidence, week.sources);

    const everyDay = params.has('everyDay') && params.boolean('everyDay');
    const required = everyDay ? due.length : Math.min(params.number('minimumDays'), due.length);
    const qualifying = due.filter((day) => day.qualifies).map((day) => day.weekday);
    const missing = due.filter((day) => !day.qualifies).map((day) => day.weekday);
    const compliant = qualifying.length >= required;
    const what = describeOpening(window.from, window.to, minimum, until);
    const holidayNote = due.length < 5 ? ` Feiertage zählen nicht mit: ${describeExcused(weekdays)}.` : '';

    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: qualifying.length,
      required,
      unit: UNIT,
      message: (everyDay
        ? everyDayMessage(what, missing, due.length)
        : minimumDaysMessage(what, qualifying, missing, required, due.length)) + holidayNote,
      evidence,
      sources: week.sources,
    };
  },
};

function everyDayMessage(what: string, missing: Weekday[], dueCount: number): string {
  if (missing.length === 0) {
    return `An allen ${dueCount} Werktagen besteht eine ${what}.`;
  }
  return `Am ${weekdayNames(missing)} fehlt eine ${what}.`;
}

function minimumDaysMessage(
  what: string,
  qualifying: Weekday[],
  missing: Weekday[],
  required: number,
  dueCount: number,
): string {
  const found = qualifying.length > 0 ? ` (${weekdayNames(qualifying)})` : '';
  const status = `An ${qualifying.length} von ${dueCount} Werktagen${found} besteht eine ${what}; erforderlich ${days(required)}.`;
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

function describeWindow(start: number, end: number): string {
  return `${formatClock(start)}–${formatClock(end)}`;
}

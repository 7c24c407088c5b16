import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { WINDOW_MONTHS_PARAM, covers, datesFrom, describeDates, monthBounds, personChanges, windowStart } from './register-days';
import { formatWeekdays, joinGerman, weekdayOfDate } from '../time';
import { TEAMS, type Team, type Weekday } from '../types';
import { TEAM_LABELS, periodLabel } from '../vocabulary';

const UNIT = 'Tage';

/**
 * Section 4.1: "Jede Regionalstelle entsendet hierzu jeweils eine feste teilnehmende Person in die
 * Teams." Judged per calendar month from the team membership register:
 *
 * - "jeweils eine … Person in die Teams": on every due day of the month the office has exactly one
 *   delegate in each of the two multiplier teams (placement, specialist advice). A day without a
 *   delegate or with two is reported, by team and date. Which days are due is the catalog's reading:
 *   without `dueDays` and `exceptHolidays` every calendar day (catalog 2026.1, as judged); with them
 *   e.g. Monday to Friday without public holidays, so that a handover from a Friday to the next
 *   Monday, or a gap on 1 May, is no missing delegate (the teams do not meet on those days).
 * - "feste": the text names no period. Our reading (parameters `maximumChanges`, `changeWindowMonths`):
 *   more changes of person in one team than `maximumChanges` within the months ending with the judged
 *   one are reported as not "fest".
 *
 * Persons reach the engine only as opaque keys; messages never name them.
 */
export const teamDelegatesCheck: OfficeCheckDefinition = {
  kind: 'team-delegates',
  unit: UNIT,
  needs: ['team-membership'],
  cadence: 'month',
  scope: 'office',
  params: {
    maximumChanges: { type: 'number', required: false, default: 1, integer: true, min: 0 },
    changeWindowMonths: WINDOW_MONTHS_PARAM(12),
    // Optional, without a default: absent means every calendar day is due (2026.1 as judged).
    dueDays: { type: 'weekdays', required: false },
    exceptHolidays: { type: 'boolean', required: false },
  },
  evaluate(facts, params, context) {
    const month = monthBounds(context.period);
    if (!month) return insufficientData(UNIT, 'Die Entsendung in die Multiplikatorenteams wird je Kalendermonat beurteilt.');
    const register = facts.teamMembership;
    const memberships = register?.memberships ?? [];
    if (memberships.length === 0) {
      return insufficientData(UNIT, `Für die Regionalstelle ${facts.office.name} ist bis ${periodLabel(context.period!)} keine Teammitgliedschaft in den Multiplikatorenteams eingetragen.`);
    }
    const maximumChanges = params.number('maximumChanges');
    const windowMonths = params.number('changeWindowMonths');
    const since = windowStart(context.period!, windowMonths);
    const dueDays = params.has('dueDays') ? new Set(params.weekdays('dueDays')) : undefined;
    const holidays = params.has('exceptHolidays') && params.boolean('exceptHolidays') ? (register?.holidays ?? {}) : undefined;
    const dates = datesFrom(month.from, month.to).filter((date) => (!dueDays || dueDays.has(weekdayOfDate(date))) && !holidays?.[date]);
    const which = dueDays || holidays ? dueDayText(dueDays, holidays !== undefined) : undefined;

    const teams = TEAMS.map((team) => {
      const spans = memberships.filter((m) => m.team === team);
      const without: string[] = [];
      const several: string[] = [];
      for (const date of dates) {
        const present = new Set(spans.filter((s) => covers(s, date)).map((s) => s.person)).size;
        if (present === 0) without.push(date);
        else if (present > 1) several.push(date);
      }
      const changes = personChanges(spans, (s) => s.person, since, month.to);
      return { team, without, several, changes: changes.changes, changeDates: changes.dates };
    });

    const dayProblems = teams.reduce((sum, t) => sum + t.without.length + t.several.length, 0);
    const unsteady = teams.filter((t) => t.changes > maximumChanges);
    const label = (team: Team) => `Team ${TEAM_LABELS[team]}`;
    const problems = [
      ...teams.filter((t) => t.without.length > 0).map((t) => `im ${label(t.team)} ohne teilnehmende Person am ${describeDates(t.without)}`),
      ...teams.filter((t) => t.several.length > 0).map((t) => `im ${label(t.team)} mit mehr als einer teilnehmenden Person am ${describeDates(t.several)}`),
      ...unsteady.map(
        (t) =>
          `im ${label(t.team)} ${t.changes} Wechsel der Person in den ${windowMonths} Monaten bis ${periodLabel(context.period!)} (höchstens ${maximumChanges}; die Person ist nicht „fest“)`,
      ),
    ];
    const evidence = {
      teams: teams.map((t) => ({
        team: TEAM_LABELS[t.team],
        daysWithout: t.without.length,
        daysWithSeveral: t.several.length,
        changes: t.changes,
        changeDates: t.changeDates,
      })),
      windowFrom: since,
      ...(which ? { dueDays: which, dueDayCount: dates.length } : {}),
    };
    const compliant = problems.length === 0;
    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured: dayProblems,
      required: 0,
      unit: UNIT,
      message: compliant
        ? `Im ${periodLabel(context.period!)} hat die Regionalstelle ${facts.office.name} an jedem Tag${which ? ` (${which})` : ''} genau eine teilnehmende Person in jedem Multiplikatorenteam (${joinGerman(TEAMS.map(label))}); ` +
          `in den ${windowMonths} Monaten bis dahin wechselte die Person höchstens ${maximumChanges === 1 ? 'einmal' : `${maximumChanges}-mal`} je Team.`
        : `Im ${periodLabel(context.period!)} hat die Regionalstelle ${facts.office.name} nicht durchgehend${which ? ` (${which})` : ''} genau eine feste teilnehmende Person in den Multiplikatorenteams: ${problems.join('; ')}. ` +
          'Je Team ist eine feste Person zu entsenden und im Register der Teammitgliedschaften lückenlos einzutragen.',
      evidence,
      sources: register?.sources ?? [],
    };
  },
};

/** 'Mo–Fr, ohne gesetzliche Feiertage' for the messages. */
function dueDayText(days: ReadonlySet<Weekday> | undefined, exceptHolidays: boolean): string {
  const list = days ? formatWeekdays([...days]) : 'alle Kalendertage';
  return exceptHolidays ? `${list}, ohne gesetzliche Feiertage` : list;
}

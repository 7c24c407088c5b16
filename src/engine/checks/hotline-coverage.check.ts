import type { OfficeCheckDefinition } from './check-definition';
import { notApplicable } from './outcomes';
import { HOTLINE_WINDOW_PARAMS, allExcusedMessage, hotlineWindow, hotlineWorkingDays, validateHotlineWindow, noHotlineRecords } from './hotline-days';
import { gaps } from '../intervals';
import type { Interval } from '../types';
import { WEEKDAY_NAMES_DE, formatClock } from '../time';

const UNIT = 'Min.';

/**
 * Section 4.2: "Der Unternehmensservice ist in der Zeit von Montag bis Freitag 8.00 bis 17.00 Uhr
 * für wirtschaftliche Kundinnen und Kunden telefonisch erreichbar." Staff and the call centre
 * ("Weiterleitung an einen externen Dienstleister") both count as reachable; every minute of the
 * window on a weekday without a public holiday must be covered by at least one of them.
 */
export const hotlineCoverageCheck: OfficeCheckDefinition = {
  kind: 'hotline-coverage',
  unit: UNIT,
  needs: ['hotline'],
  cadence: 'week',
  scope: 'office',
  params: HOTLINE_WINDOW_PARAMS,
  validate: validateHotlineWindow,
  evaluate(facts, params) {
    const week = facts.hotlineWeek;
    if (!week || week.recordCount === 0) return noHotlineRecords(UNIT, week);
    const window = hotlineWindow(params);
    const windowText = `${formatClock(window.from)} bis ${formatClock(window.to)} Uhr`;
    const weekdays = hotlineWorkingDays(week);

    const perDay = weekdays.map((day) => {
      const open = day.excused ? [] : gaps(window, day.covered);
      return {
        weekday: day.weekday,
        date: day.date,
        excused: day.excused,
        uncoveredMinutes: minutes(open),
        gaps: open.map(formatGap),
      };
    });
    const evidence = { window: `${formatClock(window.from)}–${formatClock(window.to)}`, days: perDay };
    if (perDay.every((day) => day.excused)) return notApplicable(UNIT, allExcusedMessage(perDay), evidence, week.sources);

    const uncovered = perDay.reduce((sum, day) => sum + day.uncoveredMinutes, 0);
    const failing = perDay.filter((day) => day.uncoveredMinutes > 0);
    const message =
      uncovered === 0
        ? `Der Unternehmensservice war an allen Werktagen von ${windowText} telefonisch erreichbar.`
        : `Der Unternehmensservice war nicht durchgehend von ${windowText} telefonisch erreichbar; es fehlen insgesamt ${uncovered} Min.: ` +
          failing.map((day) => `${WEEKDAY_NAMES_DE[day.weekday]} ${day.gaps.join(', ')}`).join('; ') +
          '. Diese Zeiten sind durch Personal oder die Weiterleitung an das Call Center abzudecken.';

    return {
      status: uncovered === 0 ? 'compliant' : 'non_compliant',
      measured: uncovered,
      required: 0,
      unit: UNIT,
      message,
      evidence,
      sources: week.sources,
    };
  },
};

function minutes(intervals: Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.to - i.from), 0);
}

function formatGap(gap: Interval): string {
  return `${formatClock(gap.from)}–${formatClock(gap.to)}`;
}

import type { OfficeCheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { HOTLINE_WINDOW_PARAMS, hotlineWindow, hotlineWorkingDays, validateHotlineWindow, noHotlineRecords } from './hotline-days';
import { clip, totalMinutes } from '../intervals';
import { formatClock, formatPercent } from '../time';

const UNIT = '%';

/**
 * Section 4.2: "Die Koordinierungsstelle beobachtet die Erfahrungen mit dieser Verfahrensweise …"
 * (the forwarding to the call centre). A monitoring figure, never a violation: the share of the
 * reachable minutes inside the window (weekdays without holiday) that only the call centre
 * covered, i.e. when no staff member was available. Minutes covered by both count as staff.
 */
export const coverageShareCheck: OfficeCheckDefinition = {
  kind: 'coverage-share',
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
    const perDay = hotlineWorkingDays(week)
      .filter((day) => !day.excused)
      .map((day) => {
        const covered = totalMinutes(clip(day.covered, window));
        const staff = totalMinutes(clip(day.covered.filter((c) => c.coveredBy === 'staff'), window));
        return { weekday: day.weekday, date: day.date, coveredMinutes: covered, callCentreOnlyMinutes: covered - staff };
      });
    const covered = perDay.reduce((sum, day) => sum + day.coveredMinutes, 0);
    const callCentre = perDay.reduce((sum, day) => sum + day.callCentreOnlyMinutes, 0);
    if (covered === 0) {
      return insufficientData(
        UNIT,
        `Im Zeitfenster ${formatClock(window.from)}–${formatClock(window.to)} Uhr ist keine erreichbare Minute aufgezeichnet; ein Anteil lässt sich nicht berechnen.`,
        week.sources,
      );
    }
    const share = Math.round((callCentre * 1000) / covered) / 10;
    return {
      status: 'observed',
      measured: share,
      required: null,
      unit: UNIT,
      message: `Beobachtungswert: ${formatPercent(share)} % der erreichbaren Zeit wurde allein über die Weiterleitung an das Call Center abgedeckt (${callCentre} von ${covered} Min.).`,
      evidence: { coveredMinutes: covered, callCentreOnlyMinutes: callCentre, days: perDay },
      sources: week.sources,
    };
  },
};

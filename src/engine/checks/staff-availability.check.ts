import type { OfficeCheckDefinition } from './check-definition';
import { notApplicable } from './outcomes';
import { HOTLINE_WINDOW_PARAMS, allExcusedMessage, hotlineWindow, hotlineWorkingDays, noHotlineRecords, validateHotlineWindow } from './hotline-days';
import { clip, totalMinutes } from '../intervals';
import { WEEKDAY_NAMES_DE, formatClock, formatPercent, joinGerman } from '../time';

const UNIT = 'Tage';

/**
 * Section 4.2: "Die Regionalstelle stellt sicher, dass Unternehmen innerhalb dieses Zeitraumes
 * kompetente Ansprechpartnerinnen und Ansprechpartner zur Verfügung stehen. Sofern
 * Arbeitsvermittlerinnen und Arbeitsvermittler Gespräche nicht selbst entgegen nehmen können,
 * erfolgt die Weiterleitung an einen externen Dienstleister (Call Center)." The call centre is the
 * fallback, not the service: on every weekday without a public holiday the office's own staff must
 * cover at least `minimumStaffPercent` of the window (a reading: the text sets no figure). A week
 * covered only by the call centre is therefore non_compliant, however complete its coverage.
 */
export const staffAvailabilityCheck: OfficeCheckDefinition = {
  kind: 'staff-availability',
  unit: UNIT,
  needs: ['hotline'],
  cadence: 'week',
  scope: 'office',
  params: {
    ...HOTLINE_WINDOW_PARAMS,
    minimumStaffPercent: { type: 'number', required: true, min: 0, max: 100 },
  },
  validate: validateHotlineWindow,
  evaluate(facts, params) {
    const week = facts.hotlineWeek;
    if (!week || week.recordCount === 0) return noHotlineRecords(UNIT, week);
    const window = hotlineWindow(params);
    const windowMinutes = window.to - window.from;
    const percent = params.number('minimumStaffPercent');
    const windowText = `${formatClock(window.from)} bis ${formatClock(window.to)} Uhr`;

    const weekdays = hotlineWorkingDays(week);
    const perDay = weekdays.map((day) => {
      const staffMinutes = day.excused ? 0 : totalMinutes(clip(day.covered.filter((c) => c.coveredBy === 'staff'), window));
      return {
        weekday: day.weekday,
        date: day.date,
        ...(day.excused ? { excused: day.excused } : {}),
        staffMinutes,
        staffPercent: Math.round((staffMinutes * 1000) / windowMinutes) / 10,
        // staff ÷ window ≥ percent ÷ 100, kept free of division so that exactly 50 % is enough.
        enough: day.excused !== undefined || staffMinutes * 100 >= percent * windowMinutes,
      };
    });
    const evidence = { window: `${formatClock(window.from)}–${formatClock(window.to)}`, minimumStaffPercent: percent, days: perDay };
    const due = perDay.filter((day) => !day.excused);
    if (due.length === 0) return notApplicable(UNIT, allExcusedMessage(weekdays), evidence, week.sources);

    const short = due.filter((day) => !day.enough);
    const message =
      short.length === 0
        ? `An allen ${due.length} Werktagen war der Unternehmensservice von ${windowText} mindestens ${formatPercent(percent)} % der Zeit mit eigenem Personal erreichbar.`
        : `An ${short.length} von ${due.length} Werktagen war eigenes Personal weniger als ${formatPercent(percent)} % der Zeit von ${windowText} erreichbar: ` +
          joinGerman(short.map((day) => `${WEEKDAY_NAMES_DE[day.weekday]} ${formatPercent(day.staffPercent)} %`)) +
          '. Das Call Center übernimmt nur Gespräche, die Arbeitsvermittlerinnen und Arbeitsvermittler nicht selbst annehmen können; an diesen Tagen muss die Regionalstelle selbst kompetente Ansprechpartnerinnen und Ansprechpartner stellen.';

    return {
      status: short.length === 0 ? 'compliant' : 'non_compliant',
      measured: short.length,
      required: 0,
      unit: UNIT,
      message,
      evidence,
      sources: week.sources,
    };
  },
};

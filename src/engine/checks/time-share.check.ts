import type { OfficeCheckDefinition } from './check-definition';
import { MINIMUM_GROUP_SIZE_PARAM, officerMonth } from './officer-month';
import { formatPercent } from '../time';

const UNIT = '%';

/**
 * Section 4.2: "Für den Unternehmensservice gilt das Ziel, dass die Arbeitsvermittlerinnen und
 * Arbeitsvermittler grundsätzlich die Hälfte ihrer Arbeitszeit hierfür aufwenden." The aim is about
 * each placement officer, not the office's total (one officer at 100 % does not make up for two at
 * 0 %). Our reading of "grundsätzlich" (both parameters): the aim is met when at least
 * `minimumOfficersPercent` of the officers spend at least `minimumPercent` of their month on the
 * employer service. Officers are only counted, never identified; the office's total share is kept
 * as evidence.
 */
export const timeShareCheck: OfficeCheckDefinition = {
  kind: 'time-share',
  unit: UNIT,
  needs: ['time-records'],
  cadence: 'month',
  scope: 'office',
  params: {
    minimumPercent: { type: 'number', required: true, min: 0, max: 100 },
    minimumOfficersPercent: { type: 'number', required: true, min: 0, max: 100 },
    minimumGroupSize: MINIMUM_GROUP_SIZE_PARAM,
  },
  evaluate(facts, params, context) {
    const input = officerMonth(facts, params, context, UNIT);
    if ('outcome' in input) return input.outcome;
    const { officers, month, recordCount } = input;
    const percent = params.number('minimumPercent');
    const officersPercent = params.number('minimumOfficersPercent');

    // employer ÷ working ≥ percent ÷ 100, kept free of division so that exactly 45 % counts.
    const reaching = officers.filter((o) => o.employerServiceMinutes * 100 >= percent * o.workingMinutes).length;
    const compliant = reaching * 100 >= officersPercent * officers.length;
    const measured = Math.round((reaching * 1000) / officers.length) / 10;
    const employer = officers.reduce((sum, o) => sum + o.employerServiceMinutes, 0);
    const working = officers.reduce((sum, o) => sum + o.workingMinutes, 0);
    const officeShare = Math.round((employer * 1000) / working) / 10;

    const counted = `${reaching} von ${officers.length} Arbeitsvermittlerinnen und Arbeitsvermittlern (${formatPercent(measured)} %)`;
    const aim = `Ziel: mindestens ${formatPercent(officersPercent)} % von ihnen`;
    const total = `Anteil der Regionalstelle insgesamt: ${formatPercent(officeShare)} %.`;
    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured,
      required: officersPercent,
      unit: UNIT,
      message: compliant
        ? `Im ${month} haben ${counted} mindestens ${formatPercent(percent)} % ihrer Arbeitszeit für den Unternehmensservice aufgewendet; ${aim}. ${total}`
        : `Im ${month} haben nur ${counted} mindestens ${formatPercent(percent)} % ihrer Arbeitszeit für den Unternehmensservice aufgewendet; ${aim}. ${total} Die Arbeitszeit der Vermittlung ist so zu verteilen, dass mehr von ihnen den Unternehmensservice zur Hälfte übernehmen.`,
      evidence: {
        officerCount: officers.length,
        officersReaching: reaching,
        officersBelow: officers.length - reaching,
        officeSharePercent: officeShare,
        employerServiceMinutes: employer,
        workingMinutes: working,
        recordCount,
      },
      sources: [],
    };
  },
};

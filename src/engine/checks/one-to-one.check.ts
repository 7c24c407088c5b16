import type { OfficeCheckDefinition } from './check-definition';
import { MINIMUM_GROUP_SIZE_PARAM, officerMonth, officersWord } from './officer-month';
import { formatPercent } from '../time';

const UNIT = 'Personen';

/**
 * Section 4.2: "Die Arbeitvermittlung arbeitet grundsätzlich nach dem Konzept der
 * 1: 1-Vermittlung, d.h. die Arbeitsvermittlerin bzw. der Arbeitsvermittler ist gleichermaßen
 * Ansprechpartnerin bzw. Ansprechpartner für die sozialen wie für die wirtschaftlichen Kundinnen
 * und Kunden …". Every placement officer serves both sides: each spends at least
 * `minimumSidePercent` of the month's working time on the employer service and on the jobseekers
 * (a reading: the text sets no figure). Officers outside that band are counted, never identified.
 */
export const oneToOneCheck: OfficeCheckDefinition = {
  kind: 'one-to-one',
  unit: UNIT,
  needs: ['time-records'],
  cadence: 'month',
  scope: 'office',
  params: {
    minimumSidePercent: { type: 'number', required: true, min: 0, max: 50 },
    minimumGroupSize: MINIMUM_GROUP_SIZE_PARAM,
  },
  evaluate(facts, params, context) {
    const input = officerMonth(facts, params, context, UNIT);
    if ('outcome' in input) return input.outcome;
    const { officers, month, recordCount } = input;
    const percent = params.number('minimumSidePercent');
    const below = (minutes: number, working: number) => minutes * 100 < percent * working;
    const fewEmployers = officers.filter((o) => below(o.employerServiceMinutes, o.workingMinutes)).length;
    const fewJobseekers = officers.filter((o) => below(o.jobseekerServiceMinutes, o.workingMinutes)).length;
    const outside = officers.filter((o) => below(o.employerServiceMinutes, o.workingMinutes) || below(o.jobseekerServiceMinutes, o.workingMinutes)).length;
    const band = `je mindestens ${formatPercent(percent)} % ihrer Arbeitszeit für Unternehmen und für Arbeitsuchende`;

    return {
      status: outside === 0 ? 'compliant' : 'non_compliant',
      measured: outside,
      required: 0,
      unit: UNIT,
      message:
        outside === 0
          ? `Im ${month} haben alle ${officers.length} Arbeitsvermittlerinnen und Arbeitsvermittler beide Seiten betreut, ${band}.`
          : `Im ${month} haben ${outside} von ${officers.length} ${officersWord(officers.length)} nicht beide Seiten betreut (${band} verlangt). ` +
            'Nach dem Konzept der 1:1-Vermittlung ist jede Vermittlungsfachkraft Ansprechperson für Unternehmen wie für Arbeitsuchende; die Aufgaben sind entsprechend zu verteilen.',
      evidence: { officerCount: officers.length, officersOutside: outside, tooLittleEmployerService: fewEmployers, tooLittleJobseekerService: fewJobseekers, recordCount },
      sources: [],
    };
  },
};

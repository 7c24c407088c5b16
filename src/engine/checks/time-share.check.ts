import type { CheckDefinition } from './check-definition';
import { insufficientData } from './outcomes';
import { formatPercent } from '../time';

const UNIT = '%';

/**
 * Section 4.2: "Für den Unternehmensservice gilt das Ziel, dass die Arbeitsvermittlerinnen und
 * Arbeitsvermittler grundsätzlich die Hälfte ihrer Arbeitszeit hierfür aufwenden." Judged for the
 * office as a whole ("grundsätzlich"): sum of employer-service time ÷ sum of working time. Officers
 * below the target are only counted, never identified.
 */
export const timeShareCheck: CheckDefinition = {
  kind: 'time-share',
  unit: UNIT,
  params: {
    minimumPercent: { type: 'number', required: true, min: 0, max: 100 },
    minimumGroupSize: { type: 'number', required: false, default: 3, integer: true, min: 1 },
  },
  evaluate(facts, params, context) {
    const share = facts.timeShare;
    const officers = (share?.officers ?? []).filter((o) => o.workingMinutes > 0);
    if (!share || share.recordCount === 0 || officers.length === 0) {
      return insufficientData(UNIT, 'Für diesen Monat liegen keine Zeitaufzeichnungen der Arbeitsvermittlung vor.');
    }
    const percent = params.number('minimumPercent');
    const employer = officers.reduce((sum, o) => sum + o.employerServiceMinutes, 0);
    const working = officers.reduce((sum, o) => sum + o.workingMinutes, 0);
    // employer ÷ working ≥ percent ÷ 100, kept free of division so exactly 50 % is compliant.
    const compliant = employer * 100 >= percent * working;
    const below = officers.filter((o) => o.employerServiceMinutes * 100 < percent * o.workingMinutes).length;
    const measured = Math.round((employer * 1000) / working) / 10;
    const month = context.period ?? share.month;
    // Privacy: in a group this small a count or a sum would tell about a person; only the office's
    // share is reported then.
    const groupSize = params.number('minimumGroupSize');
    const small = officers.length < groupSize;
    const belowText = small
      ? `Angaben zu einzelnen Personen werden bei weniger als ${groupSize} Personen nicht ausgewiesen`
      : below === 0
        ? `keine von ${officers.length} Personen liegt einzeln darunter`
        : `${below} von ${officers.length} Personen ${below === 1 ? 'liegt' : 'liegen'} einzeln darunter`;

    return {
      status: compliant ? 'compliant' : 'non_compliant',
      measured,
      required: percent,
      unit: UNIT,
      message: compliant
        ? `Die Arbeitsvermittlung hat im Monat ${month} ${formatPercent(measured)} % ihrer Arbeitszeit für den Unternehmensservice aufgewendet und erreicht das Ziel von ${formatPercent(percent)} % (${belowText}).`
        : `Die Arbeitsvermittlung hat im Monat ${month} nur ${formatPercent(measured)} % ihrer Arbeitszeit für den Unternehmensservice aufgewendet; Ziel sind ${formatPercent(percent)} % (${belowText}). Der Anteil des Unternehmensservice an der Arbeitszeit ist zu erhöhen.`,
      evidence: small
        ? { officerCount: `weniger als ${groupSize}`, officersBelowTarget: null, recordCount: share.recordCount }
        : {
            officerCount: officers.length,
            officersBelowTarget: below,
            employerServiceMinutes: employer,
            workingMinutes: working,
            recordCount: share.recordCount,
          },
      sources: [],
    };
  },
};

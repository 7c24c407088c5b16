import type { CheckOutcome } from './check-definition';
import { insufficientData } from './outcomes';
import type { ParamDefinition } from '../params/param-schema';
import type { ParamReader } from '../params/param-reader';
import type { EvaluationContext, Facts, OfficerMonth } from '../types';
import { periodLabel } from '../vocabulary';

/**
 * Privacy: in a group smaller than this a count or a sum tells about a person. The monthly rules on
 * placement officers then give no verdict and no figures at all.
 */
export const MINIMUM_GROUP_SIZE_PARAM: ParamDefinition = { type: 'number', required: false, default: 3, integer: true, min: 1 };

export type OfficerMonthInput = { officers: OfficerMonth[]; month: string; recordCount: number } | { outcome: CheckOutcome };

/**
 * The placement officers of the month who recorded working time, or the outcome when there is
 * nothing to judge: no records (insufficient data), or fewer officers than `minimumGroupSize`
 * (insufficient data with a message that says why, without any figure about the group).
 */
export function officerMonth(facts: Facts, params: ParamReader, context: EvaluationContext, unit: string): OfficerMonthInput {
  const share = facts.timeShare;
  const officers = (share?.officers ?? []).filter((o) => o.workingMinutes > 0);
  if (!share || share.recordCount === 0 || officers.length === 0) {
    return { outcome: insufficientData(unit, 'Für diesen Monat liegen keine Zeitaufzeichnungen der Arbeitsvermittlung vor.') };
  }
  const month = periodLabel(context.period ?? share.month);
  const groupSize = params.number('minimumGroupSize');
  if (officers.length < groupSize) {
    return {
      outcome: insufficientData(
        unit,
        `Im ${month} haben weniger Arbeitsvermittlerinnen und Arbeitsvermittler Arbeitszeit erfasst, als die Mindestgruppengröße von ${groupSize} Personen verlangt. ` +
          'Zum Schutz der einzelnen Personen wird der Standard für diese Gruppe nicht beurteilt und es werden keine Zahlen ausgewiesen.',
      ),
    };
  }
  return { officers, month, recordCount: share.recordCount };
}

/** 'Arbeitsvermittlerin bzw. Arbeitsvermittler' in the number the count asks for. */
export function officersWord(count: number): string {
  return count === 1 ? 'Arbeitsvermittlerin bzw. Arbeitsvermittler' : 'Arbeitsvermittlerinnen und Arbeitsvermittler';
}

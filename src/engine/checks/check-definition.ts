import type { Cadence, CheckKind, DistrictFacts, EvaluationContext, Facts, FindingStatus, Need } from '../types';
import type { ParamReader } from '../params/param-reader';
import type { ParamSchema } from '../params/param-schema';

/** What a check decides; `evaluate()` adds the rule's identity, citation and catalog version. */
export interface CheckOutcome {
  status: FindingStatus;
  measured: number | null;
  required: number | null;
  unit: string;
  message: string;
  evidence: Record<string, unknown>;
  sources: string[];
}

/**
 * A kind of check: a small pure function from facts and rule parameters to an outcome, plus the
 * schema of the parameters it understands (used to reject catalog entries and deviations early)
 * and what it declares about itself: the evidence it `needs`, the `cadence` at which it is judged
 * and its `scope`. Rule selection (which rules a schedule pre-check, a week, a month or the district
 * judges) follows these declarations only; no service keeps its own list.
 */
interface CheckBase {
  kind: CheckKind;
  /** German unit of measured/required: 'Std.', 'Tage', '%', 'Min.' */
  unit: string;
  params: ParamSchema;
  needs: readonly Need[];
  cadence: Cadence;
  /** Constraints between parameters (German messages); types are already checked. */
  validate?(params: ParamReader): string[];
}

/** Judged for one office and period. */
export interface OfficeCheckDefinition extends CheckBase {
  scope: 'office';
  evaluate(facts: Facts, params: ParamReader, context: EvaluationContext): CheckOutcome;
}

/**
 * Judged once per period over all offices of the district. `facts.offices` holds only the offices
 * of the roles the rule names in `appliesTo` (e.g. without the smaller tandem locations).
 */
export interface DistrictCheckDefinition extends CheckBase {
  scope: 'district';
  evaluate(facts: DistrictFacts, params: ParamReader, context: EvaluationContext): CheckOutcome;
}

export type CheckDefinition = OfficeCheckDefinition | DistrictCheckDefinition;

import type { CheckKind, EvaluationContext, Facts, FindingStatus } from '../types';
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
 * schema of the parameters it understands (used to reject catalog entries and deviations early).
 */
export interface CheckDefinition {
  kind: CheckKind;
  /** German unit of measured/required: 'Std.', 'Tage', '%', 'Min.' */
  unit: string;
  params: ParamSchema;
  /** Constraints between parameters (German messages); types are already checked. */
  validate?(params: ParamReader): string[];
  evaluate(facts: Facts, params: ParamReader, context: EvaluationContext): CheckOutcome;
}

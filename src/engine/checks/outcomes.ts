import type { CheckOutcome } from './check-definition';

/** Facts the check needs are missing: never reported as compliant. */
export function insufficientData(unit: string, message: string, sources: string[] = []): CheckOutcome {
  return { status: 'insufficient_data', measured: null, required: null, unit, message, evidence: {}, sources };
}

export function notApplicable(
  unit: string,
  message: string,
  evidence: Record<string, unknown> = {},
  sources: string[] = [],
): CheckOutcome {
  return { status: 'not_applicable', measured: null, required: null, unit, message, evidence, sources };
}

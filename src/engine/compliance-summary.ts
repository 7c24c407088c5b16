import type { Finding, FindingStatus } from './types';

/**
 * Worst first: the status shown when the periods of one office and rule disagree (the overview's
 * matrix, the reports). A missing verdict outranks a kept standard; an observation ranks below both.
 */
export const STATUS_SEVERITY: Readonly<Record<FindingStatus, number>> = { non_compliant: 6, insufficient_data: 5, waived: 4, compliant: 3, observed: 2, not_applicable: 1 };

/**
 * A judgement passes when no binding rule (must, should) is violated. Aims and observations
 * inform the coordination office but never fail a schedule or a week.
 */
export function isCompliant(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.status === 'non_compliant' && (f.obligation === 'must' || f.obligation === 'should'));
}

import type { Finding } from './types';

/**
 * A judgement passes when no binding rule (must, should) is violated. Aims and observations
 * inform the coordination office but never fail a schedule or a week.
 */
export function isCompliant(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.status === 'non_compliant' && (f.obligation === 'must' || f.obligation === 'should'));
}

import { RuleTextIndex, type FindingRow, type RunRuleText } from '../../src/audits/audit-finding.codec';
import type { AuditRunRepository } from '../../src/audits/audit-run.repository';
import type { Finding } from '../../src/engine';

/** A finding as tests write it: the engine's finding with where it belongs, flat. */
export type FlatFinding = Omit<FindingRow, 'finding'> & Finding;

/**
 * Stores hand-made findings through the repository as an audit does: the rule texts they share
 * once for the run (taken from the findings themselves), then the findings.
 */
export async function appendFindings(runs: AuditRunRepository, runId: string, flat: FlatFinding[]): Promise<void> {
  const texts = new Map<string, RunRuleText>();
  for (const f of flat) {
    const params = (f.evidence as { params?: Record<string, unknown> }).params ?? {};
    texts.set(`${f.catalogVersion} ${f.ruleId}`, { catalogVersion: f.catalogVersion, ruleId: f.ruleId, title: f.title, citation: f.citation, params });
  }
  await runs.recordRuleTexts(runId, [...texts.values()]);
  const rows: FindingRow[] = flat.map(({ seq, officeId, scope, period, periodKind, ...finding }) => ({ seq, officeId, scope, period, periodKind, finding: { ...finding, period } }));
  await runs.appendFindings(runId, rows, new RuleTextIndex([...texts.values()]));
}

import { paramValues, type Citation, type Finding, type FindingStatus, type Obligation, type Rule } from '../engine';
import type { AuditFindingView, FindingScope } from './audit-run.view';

/**
 * How a finding is stored compactly (migration 1764450000000) and rebuilt for the API, unchanged
 * for clients. What every finding of a rule in a run shares (title, citation, the catalog's
 * parameters) is stored once per run as a `RunRuleText`; a finding keeps its columns and `detail`:
 * only what differs from its rule's text. Under a deviation the parameters judged with differ, so
 * they stay in the detail; a rule's own parameters are added back on reading.
 */

/** What every finding of one rule (of one catalog version) in a run shares. */
export interface RunRuleText {
  catalogVersion: string;
  ruleId: string;
  title: string;
  citation: Citation;
  params: Record<string, unknown>;
}

/** One finding as the audit hands it to the store: the engine's finding and where it belongs. */
export interface FindingRow {
  seq: number;
  officeId: string | null;
  scope: FindingScope;
  period: string;
  periodKind: 'week' | 'month';
  finding: Finding;
}

/** The stored detail: only keys whose value is not the rule's shared text or an empty default. */
export interface FindingDetail {
  evidence?: Record<string, unknown>;
  sources?: string[];
  title?: string;
  citation?: Citation;
  deviation?: Finding['deviation'];
  standard?: Finding['standard'];
}

/** A row of audit_finding as read back (compact, or a document from before compaction). */
export interface StoredFindingRow {
  seq: number;
  office_id: string | null;
  scope: FindingScope;
  period: string;
  period_kind: 'week' | 'month';
  rule_id: string;
  obligation: Obligation;
  status: FindingStatus;
  measured: number | null;
  required: number | null;
  unit: string;
  message: string;
  catalog_version: string | null;
  detail: FindingDetail | null;
  finding: (AuditFindingView & { seq?: number }) | null;
  title: string | null;
  citation: Citation | null;
  params: Record<string, unknown> | null;
}

/** The columns to select for `decodeFinding`, `f` being audit_finding and `t` the run's rule text joined on. */
export const STORED_FINDING_COLUMNS =
  'f.seq, f.office_id, f.scope, f.period, f.period_kind, f.rule_id, f.obligation, f.status, f.measured, f.required, f.unit, f.message, f.catalog_version, f.detail, f.finding, t.title, t.citation, t.params';

/** Joins a finding to its run's rule text (none for findings stored as documents). */
export const RUN_RULE_JOIN = 'LEFT JOIN audit_run_rule t ON t.run_id = f.run_id AND t.catalog_version = f.catalog_version AND t.rule_id = f.rule_id';

/** The shared text of every rule of a catalog version, stored once per run. */
export function runRuleTexts(version: string, rules: readonly Rule[]): RunRuleText[] {
  return rules.map((rule) => ({ catalogVersion: version, ruleId: rule.id, title: rule.title, citation: rule.citation, params: paramValues(rule) }));
}

/**
 * Turns shared texts into a lookup that compares cheaply: a finding's parameters are compared by
 * their JSON, computed once per rule here rather than once per finding.
 */
export class RuleTextIndex {
  private readonly byKey = new Map<string, RunRuleText & { paramsJson: string }>();

  constructor(texts: readonly RunRuleText[]) {
    for (const t of texts) this.byKey.set(`${t.catalogVersion}\u0000${t.ruleId}`, { ...t, paramsJson: JSON.stringify(t.params) });
  }

  /** The detail of a finding: what it does not share with its rule's text. */
  detail(f: Finding): FindingDetail | null {
    const text = this.byKey.get(`${f.catalogVersion}\u0000${f.ruleId}`);
    if (!text) throw new Error(`Kein Regeltext für ${f.ruleId} (${f.catalogVersion}) im Prüflauf.`);
    const detail: FindingDetail = {};
    const { params, ...evidence } = f.evidence as { params?: unknown };
    // The rule's own parameters are added back on reading; a deviation's (or none) are kept.
    const own = params !== undefined && (params === text.params || JSON.stringify(params) === text.paramsJson);
    const kept = own ? evidence : f.evidence;
    if (Object.keys(kept).length > 0 || !own) detail.evidence = kept;
    if (f.sources.length > 0) detail.sources = f.sources;
    if (f.title !== text.title) detail.title = f.title;
    if (f.citation !== text.citation && JSON.stringify(f.citation) !== JSON.stringify(text.citation)) detail.citation = f.citation;
    if (f.deviation) detail.deviation = f.deviation;
    if (f.standard) detail.standard = f.standard;
    return Object.keys(detail).length > 0 ? detail : null;
  }
}

/** Rebuilds the finding the API has always served from a stored row. */
export function decodeFinding(r: StoredFindingRow): AuditFindingView {
  if (r.finding) {
    // Stored as a document before compaction; those from before district findings carry no scope.
    return r.finding.scope ? r.finding : { ...r.finding, scope: 'office' };
  }
  const d = r.detail ?? {};
  const evidence = d.evidence ?? {};
  return {
    ruleId: r.rule_id,
    title: d.title ?? r.title!,
    status: r.status,
    obligation: r.obligation,
    measured: r.measured,
    required: r.required,
    unit: r.unit,
    message: r.message,
    citation: d.citation ?? r.citation!,
    // Kept where it was (last) when the finding was made; a deviation's parameters were stored.
    evidence: 'params' in evidence ? evidence : { ...evidence, params: r.params ?? {} },
    catalogVersion: r.catalog_version!,
    period: r.period,
    sources: d.sources ?? [],
    ...(d.deviation ? { deviation: d.deviation } : {}),
    ...(d.standard ? { standard: d.standard } : {}),
    seq: r.seq,
    officeId: r.office_id,
    scope: r.scope,
    periodKind: r.period_kind,
  } as AuditFindingView;
}

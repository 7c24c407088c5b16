import { evaluate, type Catalog, type Facts, type Finding } from '../engine';
import { officeFacts } from '../engine/testing/facts.factory';
import { realCatalog } from '../engine/testing/standards-files.fixture';
import { aWeek } from '../engine/testing/week.factory';
import { decodeFinding, RuleTextIndex, runRuleTexts, type FindingRow, type StoredFindingRow } from './audit-finding.codec';

/** What the database gives back for a compact row: its columns, the detail through JSON, the run's rule text joined on. */
function storeAndRead(row: FindingRow, index: RuleTextIndex, catalog: Catalog): StoredFindingRow {
  const f = row.finding;
  const detail = index.detail(f);
  const rule = runRuleTexts(catalog.version, catalog.rules).find((t) => t.ruleId === f.ruleId)!;
  return {
    seq: row.seq,
    office_id: row.officeId,
    scope: row.scope,
    period: row.period,
    period_kind: row.periodKind,
    rule_id: f.ruleId,
    obligation: f.obligation,
    status: f.status,
    measured: f.measured,
    required: f.required,
    unit: f.unit,
    message: f.message,
    catalog_version: f.catalogVersion,
    detail: detail === null ? null : JSON.parse(JSON.stringify(detail)),
    finding: null,
    title: rule.title,
    citation: JSON.parse(JSON.stringify(rule.citation)),
    params: JSON.parse(JSON.stringify(rule.params)),
  };
}

/** The document the audit stored before compaction: the finding spread with where it belongs. */
function asDocument(row: FindingRow): unknown {
  return JSON.parse(JSON.stringify({ ...row.finding, seq: row.seq, officeId: row.officeId, scope: row.scope, period: row.period, periodKind: row.periodKind }));
}

describe('compact findings', () => {
  const catalog = realCatalog();
  const index = new RuleTextIndex(runRuleTexts(catalog.version, catalog.rules));
  const week: Facts = officeFacts('standalone', { openingWeek: aWeek().startingOn('2026-11-02').open(['mon', 'wed', 'thu'], '08:00', '12:00').open('tue', '08:00', '16:00').holiday('fri', 'Test').build() }, 'witten');

  function rows(findings: Finding[]): FindingRow[] {
    return findings.map((finding, seq) => ({ seq, officeId: 'witten', scope: 'office', period: '2026-W45', periodKind: 'week', finding: { ...finding, period: '2026-W45' } }));
  }

  it('rebuilds every finding exactly as the document it used to store, in the same key order', () => {
    const written = rows(evaluate(catalog, week, { period: '2026-W45' }));
    expect(written.length).toBeGreaterThan(3);
    for (const row of written) {
      const rebuilt = decodeFinding(storeAndRead(row, index, catalog));
      expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(asDocument(row)));
    }
  });

  it('keeps out of the detail what the rule text holds, and keeps what a deviation changed', () => {
    const plain = rows(evaluate(catalog, week, { period: '2026-W45' })).find((r) => r.finding.ruleId === 'opening.weekly-minimum')!;
    const detail = index.detail(plain.finding)!;
    expect(detail).not.toHaveProperty('title');
    expect(detail).not.toHaveProperty('citation');
    expect(detail.evidence).not.toHaveProperty('params');

    const deviation = { id: 'd1', kind: 'parameters' as const, params: { minimumHours: 18 }, reason: 'Umbau', ruleId: 'opening.weekly-minimum', validFrom: '2026-11-01', validUntil: '2026-11-30' };
    const deviated = rows(evaluate(catalog, week, { period: '2026-W45', deviations: [deviation] })).find((r) => r.finding.ruleId === 'opening.weekly-minimum')!;
    expect(deviated.finding.deviation).toBeDefined();
    const stored = index.detail(deviated.finding)!;
    expect((stored.evidence as { params: Record<string, unknown> }).params).toMatchObject({ minimumHours: 18 });
    expect(JSON.stringify(decodeFinding(storeAndRead(deviated, index, catalog)))).toBe(JSON.stringify(asDocument(deviated)));
  });

  it('reads findings stored as documents before compaction as they are, those without scope as office findings', () => {
    const [row] = rows(evaluate(catalog, week, { period: '2026-W45' }));
    const document = asDocument(row) as Record<string, unknown>;
    delete document.scope;
    const old = { ...storeAndRead(row, index, catalog), catalog_version: null, detail: null, title: null, citation: null, params: null, finding: document } as unknown as StoredFindingRow;
    expect(decodeFinding(old)).toEqual({ ...document, scope: 'office' });
  });

  it('refuses a finding whose rule has no text in the run', () => {
    const [row] = rows(evaluate(catalog, week, { period: '2026-W45' }));
    expect(() => new RuleTextIndex([]).detail(row.finding)).toThrow(/Kein Regeltext/);
  });
});

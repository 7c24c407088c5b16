import { randomUUID } from 'node:crypto';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { appendFindings, type FlatFinding } from '../support/stored-findings';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Findings name their run and office. Per-row foreign keys cost a third of a full-year run's write
 * time, so one check per statement (migration 1764450000000) refuses what they refused: a finding of
 * an unknown run or office. Written through the repository, so the server's COPY and the embedded
 * INSERT are both covered (whichever database this file runs on).
 */
describe('findings refer to existing runs and offices', () => {
  let t: TestApp;
  let runs: AuditRunRepository;

  const finding = (officeId: string | null, seq = 0): FlatFinding => ({
    seq,
    officeId,
    scope: officeId === null ? 'district' : 'office',
    period: '2026-W45',
    periodKind: 'week',
    ruleId: 'opening.every-weekday',
    title: 'Öffnung an jedem Werktag',
    status: 'compliant',
    obligation: 'must',
    measured: 5,
    required: 5,
    unit: 'Tage',
    message: 'Tab\tund\nZeilenumbruch und \\Backslash',
    citation: { section: '2', passage: 'p' },
    evidence: { params: {} },
    catalogVersion: 'x',
    sources: [],
  });

  async function newRun(): Promise<string> {
    return (await runs.create({ trigger: 'cli', from: '2026-11-02', to: '2026-11-08', periods: ['2026-W45'], officeIds: ['wetter'], catalogVersion: 'x' }))!;
  }

  beforeAll(async () => {
    t = await startTestApp();
    runs = t.app.get(AuditRunRepository);
  });
  afterAll(() => t?.close());

  it('stores findings of known offices and the district, text with tabs and line breaks intact', async () => {
    const runId = await newRun();
    await appendFindings(runs, runId, [finding('wetter', 0), finding(null, 1)]);
    const stored = await runs.findings(runId, {});
    expect(stored.map((f) => [f.officeId, f.message])).toEqual([
      ['wetter', 'Tab\tund\nZeilenumbruch und \\Backslash'],
      [null, 'Tab\tund\nZeilenumbruch und \\Backslash'],
    ]);
  });

  it('writes a page larger than one piece of the COPY stream whole and in order', async () => {
    // ~1,500 findings with long messages: several 64 KiB pieces on a server, several slices embedded.
    const runId = await newRun();
    const many = Array.from({ length: 1500 }, (_, seq) => ({ ...finding(seq % 7 === 0 ? null : 'wetter', seq), message: `Nr. ${seq}: ${'lang '.repeat(20)}\tEnde` }));
    await appendFindings(runs, runId, many);
    const stored = await runs.findings(runId, { limit: 5000 });
    expect(stored).toHaveLength(1500);
    expect(stored.map((f) => f.message)).toEqual(many.map((f) => f.message));
  });

  it('refuses a large page when its last finding names an unknown office, and writes none of it', async () => {
    const runId = await newRun();
    const many = Array.from({ length: 1500 }, (_, seq) => ({ ...finding('wetter', seq), message: 'x'.repeat(100) }));
    many.push(finding('atlantis', 1500));
    await expect(appendFindings(runs, runId, many)).rejects.toThrow(/Regionalstelle, die es nicht gibt/);
    expect(await t.count(`audit_finding WHERE run_id = '${runId}'`)).toBe(0);
  });

  it('refuses a page naming an office that does not exist, and writes none of it', async () => {
    const runId = await newRun();
    await expect(appendFindings(runs, runId, [finding('wetter', 0), finding('atlantis', 1)])).rejects.toThrow(/Regionalstelle, die es nicht gibt/);
    expect(await t.count(`audit_finding WHERE run_id = '${runId}'`)).toBe(0);
  });

  it('refuses findings of a run that does not exist', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO audit_finding (run_id, seq, office_id, scope, period, period_kind, rule_id, obligation, status, unit, message, catalog_version)
         VALUES ($1, 0, 'wetter', 'office', '2026-W45', 'week', 'r', 'must', 'compliant', '', '', 'x')`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/Prüflauf, den es nicht gibt/);
    const runId = await newRun();
    await appendFindings(runs, runId, [finding('wetter', 0)]);
    await expect(t.dataSource.query(`UPDATE audit_finding SET run_id = $2 WHERE run_id = $1`, [runId, randomUUID()])).rejects.toThrow(/Prüflauf, den es nicht gibt/);
  });
});

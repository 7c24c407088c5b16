import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { AuditService } from '../../src/audits/audit.service';
import { JUDGEMENTS, selectRules, type RuleSelection } from '../../src/engine';
import { realCatalog } from '../../src/engine/testing/standards-files.fixture';
import { JudgingService } from '../../src/judging/judging.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedNovember } from './audit-fixtures';

const rules = (selection: RuleSelection) => selectRules(realCatalog(), selection).length;
/** Findings of one office in November 2026: 4 weeks × the weekly office rules + the monthly ones. */
const OFFICE_NOVEMBER = 4 * rules(JUDGEMENTS.officeWeek) + rules(JUDGEMENTS.officeMonth);
/** The district rules: the weekly ones (the common core) 4 times, the monthly ones (the surveys) once. */
const DISTRICT_NOVEMBER = 4 * rules(JUDGEMENTS.districtWeek) + rules(JUDGEMENTS.districtMonth);
/** 9 offices, plus the district rules (a run over every office). */
const NOVEMBER_FINDINGS = 9 * OFFICE_NOVEMBER + DISTRICT_NOVEMBER;

describe('audit runs and reports', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;
  let runId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
    await seedNovember(t, coordination);
    const res = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
    runId = res.body.id;
  });
  afterAll(() => t?.close());

  it('stores an immutable report of the complete weeks and month in the period', async () => {
    const res = await t.http().get('/api/v1/audits').set(auth(coordination)).expect(200);
    expect(res.body[0]).toMatchObject({
      id: runId,
      trigger: 'manual',
      status: 'succeeded',
      from: '2026-11-01',
      to: '2026-11-30',
      periods: ['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-11'],
      findingCount: NOVEMBER_FINDINGS,
      error: null,
    });
    expect(res.body[0].catalogVersion).toEqual(expect.any(String));
    expect(await t.count('audit_finding')).toBe(NOVEMBER_FINDINGS);
  });

  it('creates a new run when re-run and keeps the first', async () => {
    const again = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30', offices: ['witten'] }).expect(201);
    expect(again.body.id).not.toBe(runId);
    // A run for some offices judges no district rule: it says nothing about the district as a whole.
    expect(again.body.findingCount).toBe(OFFICE_NOVEMBER);
    const first = await t.http().get(`/api/v1/audits/${runId}`).set(auth(coordination)).expect(200);
    expect(first.body.run.findingCount).toBe(NOVEMBER_FINDINGS);
  });

  it('summarises an office × rule matrix with counts per obligation level', async () => {
    const res = await t.http().get(`/api/v1/audits/${runId}`).set(auth(coordination)).expect(200);
    const cell = (office: string, rule: string) => res.body.matrix.find((c: { officeId: string; ruleId: string }) => c.officeId === office && c.ruleId === rule);
    expect(cell('witten', 'opening.weekly-minimum')).toMatchObject({ status: 'compliant', obligation: 'must', counts: { compliant: 4 } });
    expect(cell('herdecke', 'opening.weekly-minimum')).toMatchObject({ status: 'non_compliant', counts: { non_compliant: 4 } });
    expect(cell('witten', 'hotline.employer-service-hours').status).toBe('compliant');
    expect(cell('herdecke', 'hotline.employer-service-hours').status).toBe('insufficient_data');
    expect(cell('witten', 'employer-service.time-share')).toMatchObject({ status: 'compliant', obligation: 'aim' });
    expect(cell('sprockhoevel', 'opening.weekly-minimum').status).toBe('not_applicable');
    expect(res.body.offices).toHaveLength(9);
    // The district rule has a row of its own, not a cell per office; without schedules for every
    // office its core cannot be determined.
    expect(res.body.matrix.some((c: { ruleId: string }) => c.ruleId === 'opening.district-core-hours')).toBe(false);
    expect(res.body.district.find((c: { ruleId: string }) => c.ruleId === 'opening.district-core-hours')).toEqual({
      officeId: null,
      scope: 'district',
      ruleId: 'opening.district-core-hours',
      obligation: 'aim',
      status: 'insufficient_data',
      counts: { insufficient_data: 4 },
      deviations: [],
    });
    // No survey round was held: both survey rules are violated, once for November.
    expect(res.body.district.find((c: { ruleId: string }) => c.ruleId === 'satisfaction.staff-survey')).toMatchObject({ obligation: 'should', status: 'non_compliant', counts: { non_compliant: 1 } });
    // No practice meeting recorded: no verdict on the meetings (Daten fehlen), once for November.
    expect(res.body.district.find((c: { ruleId: string }) => c.ruleId === 'practice-meetings.regular')).toMatchObject({ obligation: 'should', status: 'insufficient_data', counts: { insufficient_data: 1 } });
    expect(res.body.rules.find((r: { id: string }) => r.id === 'opening.district-core-hours')).toMatchObject({ scope: 'district', shortTitle: 'Kreis-Kernzeit' });
    expect(res.body.byObligation.must.non_compliant).toBeGreaterThan(0);
    const total = Object.values(res.body.byObligation as Record<string, Record<string, number>>).flatMap((l) => Object.values(l)).reduce((a, b) => a + b, 0);
    expect(total).toBe(NOVEMBER_FINDINGS);
  });

  it('filters findings by office, rule, status and obligation', async () => {
    const get = (q: string) => t.http().get(`/api/v1/audits/${runId}/findings?${q}`).set(auth(coordination)).expect(200);
    const byOfficeRule = await get('office=herdecke&rule=opening.weekly-minimum');
    expect(byOfficeRule.body.map((f: { period: string }) => f.period)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(byOfficeRule.body[0]).toMatchObject({ officeId: 'herdecke', ruleId: 'opening.weekly-minimum', status: 'non_compliant', periodKind: 'week' });
    expect(byOfficeRule.body[0].message).toContain('Std.');
    const violations = await get('status=non_compliant&obligation=must');
    expect(violations.body.length).toBeGreaterThan(0);
    for (const f of violations.body) expect(f).toMatchObject({ status: 'non_compliant', obligation: 'must' });
    await t.http().get(`/api/v1/audits/${runId}/findings?status=bad`).set(auth(coordination)).expect(400);
  });

  it('says what is wrong with a findings filter, in the words of the filter', async () => {
    const refused = async (q: string) => (await t.http().get(`/api/v1/audits/${runId}/findings?${q}`).set(auth(coordination)).expect(400)).body.details;
    // The German message quotes the English values a client has to send; it is not replaced by a generic one.
    expect(await refused('obligation=x')).toEqual([{ field: 'obligation', message: 'muss must, should, aim oder observe sein' }]);
    // Not a whole number in decimal digits: named as such before any range check.
    for (const q of ['limit=abc', 'limit=NaN', 'limit=1&limit=2', 'limit=0x10', 'limit=1e3', 'limit=', 'limit=1.5', 'offset=0x10']) {
      expect({ q, details: await refused(q) }).toEqual({ q, details: [{ field: q.slice(0, q.indexOf('=')), message: 'muss eine ganze Zahl sein' }] });
    }
    expect(await refused('limit=10001')).toEqual([{ field: 'limit', message: 'darf höchstens 10000 sein' }]);
    expect(await refused('limit=0')).toEqual([{ field: 'limit', message: 'muss mindestens 1 sein' }]);
    const page = await t.http().get(`/api/v1/audits/${runId}/findings?limit=3&offset=2`).set(auth(coordination)).expect(200);
    expect(page.body).toHaveLength(3);
  });

  it('shows a regional office only its own rows', async () => {
    const list = await t.http().get('/api/v1/audits').set(auth(witten)).expect(200);
    expect(list.body[0].officeIds).toEqual(['witten']);
    const summary = await t.http().get(`/api/v1/audits/${runId}`).set(auth(witten)).expect(200);
    expect(new Set(summary.body.matrix.map((c: { officeId: string }) => c.officeId))).toEqual(new Set(['witten']));
    const findings = await t.http().get(`/api/v1/audits/${runId}/findings`).set(auth(witten)).expect(200);
    // Witten's own findings, and the district findings, which concern every office.
    expect(findings.body).toHaveLength(OFFICE_NOVEMBER + DISTRICT_NOVEMBER);
    expect(findings.body.every((f: { officeId: string | null }) => f.officeId === 'witten' || f.officeId === null)).toBe(true);
    expect(findings.body.filter((f: { scope: string; ruleId: string }) => f.scope === 'district' && f.ruleId === 'opening.district-core-hours')).toHaveLength(4);
    expect(summary.body.district).toHaveLength(rules(JUDGEMENTS.districtWeek) + rules(JUDGEMENTS.districtMonth));
    await t.http().get(`/api/v1/audits/${runId}/findings?office=herdecke`).set(auth(witten)).expect(403);
    const csv = await t.http().get(`/api/v1/audits/${runId}/export?format=csv`).set(auth(witten)).expect(200);
    expect(csv.text).not.toContain('herdecke');
    await t.http().post('/api/v1/audits').set(auth(witten)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(403);
    await t.http().get('/api/v1/offices/herdecke/trend?rule=opening.weekly-minimum').set(auth(witten)).expect(403);
  });

  it('exports CSV that opens cleanly in German Excel', async () => {
    const res = await t.http().get(`/api/v1/audits/${runId}/export?format=csv`).set(auth(coordination)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="pruefung-2026-11-01-2026-11-30-/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Regionalstelle;Zeitraum;Regel;Titel;Verbindlichkeit;Status;Gemessen;Gefordert;Einheit;Abweichung;Erläuterung;Fundstelle;Kennung Regionalstelle;Kennung Zeitraum');
    expect(lines).toHaveLength(NOVEMBER_FINDINGS + 1);
    // Office names and periods as people read them (issue 13); the codes follow at the end.
    const weekly = lines.find((l) => l.startsWith('Witten;KW 45/2026;opening.weekly-minimum;Mindestöffnungszeit von 21,5 Stunden pro Woche;'))!;
    expect(weekly).toContain(';Muss;erfüllt;26,5;21,5;Std.;');
    expect(weekly.endsWith(';witten;2026-W45')).toBe(true);
    expect(lines.some((l) => l.startsWith('Witten;November 2026;'))).toBe(true);
    for (const line of lines) expect(line.split(';').length).toBeGreaterThanOrEqual(14);
  });

  it('exports JSON', async () => {
    const res = await t.http().get(`/api/v1/audits/${runId}/export?format=json`).set(auth(coordination)).expect(200);
    const body = JSON.parse(res.text);
    expect(body.run.id).toBe(runId);
    expect(body.findings).toHaveLength(NOVEMBER_FINDINGS);
    await t.http().get(`/api/v1/audits/${runId}/export?format=xml`).set(auth(coordination)).expect(400);
  });

  it("shows one rule's status over the stored weeks", async () => {
    const res = await t.http().get('/api/v1/offices/herdecke/trend?rule=opening.weekly-minimum').set(auth(coordination)).expect(200);
    expect(res.body.map((p: { period: string; status: string }) => [p.period, p.status])).toEqual([
      ['2026-W45', 'non_compliant'],
      ['2026-W46', 'non_compliant'],
      ['2026-W47', 'non_compliant'],
      ['2026-W48', 'non_compliant'],
    ]);
    await t.http().get('/api/v1/offices/herdecke/trend?rule=no.such-rule').set(auth(coordination)).expect(400);
    await t.http().get('/api/v1/offices/herdecke/trend').set(auth(coordination)).expect(400);
  });

  it('rejects bad audit requests and writes nothing', async () => {
    const before = await t.count('audit_run');
    const bad: Array<Record<string, unknown>> = [
      { from: '2026-11-30', to: '2026-11-01' },
      { from: '2026-02-30', to: '2026-03-31' },
      { from: '2026-11-01' },
      { from: '2026-11-01', to: '2026-11-30', offices: ['atlantis'] },
      { from: '2026-11-01', to: '2026-11-30', extra: true },
      { from: '2026-11-24', to: '2026-11-26' },
      { from: '2025-12-01', to: '2025-12-28' },
    ];
    for (const body of bad) {
      const res = await t.http().post('/api/v1/audits').set(auth(coordination)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(await t.count('audit_run')).toBe(before);
    await t.http().get('/api/v1/audits/00000000-0000-4000-8000-000000000000').set(auth(coordination)).expect(404);
    await t.http().get('/api/v1/audits/not-a-uuid').set(auth(coordination)).expect(404);
  });

  it('judges only the periods the catalog applies to', async () => {
    const res = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2025-12-01', to: '2026-01-11', offices: ['witten'] }).expect(201);
    expect(res.body.periods).toEqual(['2026-W01', '2026-W02']);
  });

  it('marks a run that fails half-way as failed with its error and keeps no partial report', async () => {
    const judging = t.app.get(JudgingService);
    const audits = t.app.get(AuditService);
    const pageSize = audits.flushEvery;
    audits.flushEvery = 50; // so that findings are written before the failure
    const appended = jest.spyOn(t.app.get(AuditRunRepository), 'appendFindings');
    const original = judging.judgeMany.bind(judging);
    const spy = jest.spyOn(judging, 'judgeMany').mockImplementation((offices, periods, sink) => {
      let calls = 0;
      return original(offices, periods, async (office, period, findings) => {
        if (++calls === 20) throw new Error('Datenbankverbindung verloren');
        await sink(office, period, findings);
      });
    });
    try {
      const res = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' });
      expect(res.status).toBe(500);
      expect(res.body.message).toContain(res.body.correlationId);
    } finally {
      spy.mockRestore();
      audits.flushEvery = pageSize;
    }
    // Findings of the failed run had been written before it failed, and are gone now.
    expect(appended.mock.calls.some(([, rows]) => rows.length > 0)).toBe(true);
    appended.mockRestore();
    const list = await t.http().get('/api/v1/audits').set(auth(coordination)).expect(200);
    const failed = list.body.find((r: { status: string }) => r.status === 'failed');
    expect(failed).toMatchObject({ status: 'failed', error: 'Datenbankverbindung verloren', findingCount: null });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_finding WHERE run_id = $1', [failed.id]);
    expect(n).toBe(0);
    await t.http().get(`/api/v1/audits/${failed.id}`).set(auth(coordination)).expect(200);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { seedNovember } from './audit-fixtures';

/** Section 6: agreed deviations change verdicts in real weeks, months and audit runs, and the reports say so. */
describe('deviations in real weeks and audits', () => {
  let t: TestApp;
  let coordination: string;
  let herdecke: string;
  let deviationId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    herdecke = await t.token('regional', ['herdecke']);
    await seedNovember(t, coordination); // Herdecke opens 14 h a week
    const proposed = await t.http().post('/api/v1/deviations').set(auth(herdecke)).send({
      officeId: 'herdecke',
      ruleId: 'opening.weekly-minimum',
      validFrom: '2026-11-09',
      validUntil: '2026-11-22',
      kind: 'parameters',
      params: { minimumHours: 12 },
      reason: 'Erprobung: Terminsprechstunden statt offener Sprechzeit',
    }).expect(201);
    deviationId = proposed.body.id;
  });
  afterAll(() => t?.close());

  const weekly = async (week: string) =>
    (await t.http().get(`/api/v1/offices/herdecke/compliance?week=${week}`).set(auth(coordination)).expect(200)).body;

  it('lists a pending proposal with a judgement but does not apply it', async () => {
    const body = await weekly('2026-W46');
    expect(body.pendingDeviations.map((d: { id: string }) => d.id)).toEqual([deviationId]);
    const f = body.findings.find((x: { ruleId: string }) => x.ruleId === 'opening.weekly-minimum');
    expect(f).toMatchObject({ status: 'non_compliant', required: 21.5 });
    expect(f.deviation).toBeUndefined();
  });

  it('applies the agreed deviation in the weeks it covers, keeping the standard beside it', async () => {
    await t.http().post(`/api/v1/deviations/${deviationId}/consent`).set(auth(coordination)).send({}).expect(200);
    const inside = (await weekly('2026-W46')).findings.find((x: { ruleId: string }) => x.ruleId === 'opening.weekly-minimum');
    expect(inside).toMatchObject({ status: 'compliant', measured: 14, required: 12, deviation: { id: deviationId, kind: 'parameters' } });
    expect(inside.standard).toMatchObject({ required: 21.5, status: 'non_compliant' });
    const before = (await weekly('2026-W45')).findings.find((x: { ruleId: string }) => x.ruleId === 'opening.weekly-minimum');
    expect(before).toMatchObject({ status: 'non_compliant', required: 21.5 });
    expect(before.deviation).toBeUndefined();
  });

  it('marks the deviation in an audit run: findings, matrix and CSV', async () => {
    const run = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30', offices: ['herdecke'] }).expect(201);
    const findings = await t.http().get(`/api/v1/audits/${run.body.id}/findings?rule=opening.weekly-minimum`).set(auth(coordination)).expect(200);
    expect(findings.body.map((f: { period: string; status: string; deviation?: { id: string } }) => [f.period, f.status, f.deviation?.id ?? null])).toEqual([
      ['2026-W45', 'non_compliant', null],
      ['2026-W46', 'compliant', deviationId],
      ['2026-W47', 'compliant', deviationId],
      ['2026-W48', 'non_compliant', null],
    ]);
    const summary = await t.http().get(`/api/v1/audits/${run.body.id}`).set(auth(coordination)).expect(200);
    const cell = summary.body.matrix.find((c: { ruleId: string }) => c.ruleId === 'opening.weekly-minimum');
    expect(cell).toMatchObject({ status: 'non_compliant', counts: { compliant: 2, non_compliant: 2 }, deviations: [deviationId] });
    const csv = await t.http().get(`/api/v1/audits/${run.body.id}/export?format=csv`).set(auth(coordination)).expect(200);
    // The deviation is described by what it changed and why, not by its id (issue 13).
    const line = csv.text.split('\r\n').find((l) => l.startsWith('Herdecke;KW 46/2026;opening.weekly-minimum;'))!;
    expect(line).toContain(';Mindestöffnungszeit je Woche 12 Std. statt 21,5 Std.: ');
    expect(line).not.toContain(deviationId);
  });
});

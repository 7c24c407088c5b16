import { ActionRunProcessor } from '../../src/actions/action-run.processor';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import type { FindingStatus } from '../../src/engine';
import { appendFindings, type FlatFinding } from '../support/stored-findings';
import { startTestApp, type TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * District rules (another team's work in progress) judge all offices at once: their findings carry
 * officeId null. No such rule exists yet, so this file lets audit_finding take a null office in its
 * own database (as that team's migration will) and feeds runs through the repository.
 */
describe('corrective actions for a district rule (office null)', () => {
  let t: TestApp;
  let now = new Date('2026-12-01T10:00:00+01:00');
  let coordination: string;
  let witten: string;

  async function districtRun(period: string, status: FindingStatus): Promise<string> {
    const runs = t.app.get(AuditRunRepository);
    const runId = (await runs.create({ trigger: 'manual', from: '2026-11-01', to: '2026-12-31', periods: [period], officeIds: [], catalogVersion: 'x' }))!;
    const finding = {
      seq: 0, officeId: null, scope: 'district', period, periodKind: 'week', ruleId: 'opening.district-core-hours', title: 'Kreiseinheitliche Kernöffnungszeit', status, obligation: 'aim',
      measured: null, required: null, unit: '', message: 'm', citation: { section: '1', passage: 'p' }, evidence: {}, catalogVersion: 'x', sources: [],
    } as FlatFinding;
    await appendFindings(runs, runId, [finding]);
    await runs.succeed(runId, 1);
    await t.app.get(ActionRunProcessor).processPending();
    return runId;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
  });
  afterAll(() => t?.close());

  it('opens an action for the district with the coordination office responsible', async () => {
    await districtRun('2026-W47', 'non_compliant');
    const res = await t.http().get('/api/v1/actions?scope=district').set(auth(coordination)).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ officeId: null, scope: 'district', responsibleSide: 'coordination', status: 'open', findingCount: 1 })]);
    await districtRun('2026-W48', 'non_compliant');
    const again = await t.http().get('/api/v1/actions?scope=district').set(auth(coordination)).expect(200);
    expect(again.body).toEqual([expect.objectContaining({ findingCount: 2 })]);
  });

  it('is not shown to a regional office, nor changeable by it', async () => {
    const [action] = (await t.http().get('/api/v1/actions?scope=district').set(auth(coordination))).body;
    const own = await t.http().get('/api/v1/actions').set(auth(witten)).expect(200);
    expect(own.body).toEqual([]);
    await t.http().get(`/api/v1/actions/${action.id}`).set(auth(witten)).expect(403);
    await t.http().post(`/api/v1/actions/${action.id}/plan`).set(auth(witten)).send({ measure: 'x' }).expect(403);
  });

  it('is planned and reported done by the coordination office, and verified by the next compliant district week', async () => {
    const [action] = (await t.http().get('/api/v1/actions?scope=district').set(auth(coordination))).body;
    await t.http().post(`/api/v1/actions/${action.id}/plan`).set(auth(coordination)).send({ measure: 'Bezirksweite Vertretungsregel' }).expect(200);
    const done = await t.http().post(`/api/v1/actions/${action.id}/done`).set(auth(coordination)).send({}).expect(200);
    expect(done.body).toMatchObject({ status: 'done', verifyPeriod: '2026-W50' });
    now = new Date('2026-12-14T03:00:00+01:00');
    await districtRun('2026-W50', 'compliant');
    const verified = (await t.http().get(`/api/v1/actions/${action.id}`).set(auth(coordination)).expect(200)).body;
    expect(verified.status).toBe('verified');
    expect(verified.findings.find((f: { role: string }) => f.role === 'evidence')).toMatchObject({ period: '2026-W50', status: 'compliant' });
    // The district's notices went to the coordination office's inbox only.
    const kinds = await t.dataSource.query(`SELECT side, kind FROM notification WHERE action_id = $1 ORDER BY created_at`, [action.id]);
    expect(kinds.every((k: { side: string }) => k.side === 'coordination')).toBe(true);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(expect.arrayContaining(['action_opened', 'action_done', 'action_verified']));
  });
});

import { DemoDataService } from '../../src/demo/demo-data.service';
import { TokenService } from '../../src/auth/token.service';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('fills a fresh database with schedules, evidence and an audit, and prints a working coordination token', async () => {
    const { coordinationToken } = await t.app.get(DemoDataService).prepare();
    expect(await t.app.get(TokenService).authenticate(coordinationToken)).toMatchObject({ role: 'coordination' });
    expect(await t.count('schedule_version')).toBe(9);
    expect(await t.count('hotline_coverage')).toBeGreaterThan(0);
    expect(await t.count('staff_time_record')).toBeGreaterThan(0);
    const runs = await t.dataSource.query(`SELECT trigger, status FROM audit_run`);
    expect(runs).toEqual([{ trigger: 'manual', status: 'succeeded' }, { trigger: 'manual', status: 'succeeded' }]);
    const statuses = await t.dataSource.query(`SELECT DISTINCT status FROM audit_finding ORDER BY 1`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(expect.arrayContaining(['compliant', 'non_compliant', 'insufficient_data', 'not_applicable']));
  });

  it('gives every rule on the registers of sections 4.1 and 4.2 a verdict for last month', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM audit_run ORDER BY started_at DESC LIMIT 1`);
    const rows: Array<{ office_id: string | null; rule_id: string; status: string; period: string }> = await t.dataSource.query(
      `SELECT office_id, rule_id, status, period FROM audit_finding
        WHERE run_id = $1 AND rule_id IN ('multiplier-teams.delegate', 'practice-meetings.regular', 'employer-contact.fixed') ORDER BY rule_id, office_id`,
      [id],
    );
    const status = (rule: string, office: string | null) => rows.filter((r) => r.rule_id === rule && r.office_id === office).map((r) => r.status);
    expect(status('practice-meetings.regular', null)).toEqual(['compliant']);
    expect(status('multiplier-teams.delegate', 'witten')).toEqual(['compliant']);
    expect(status('multiplier-teams.delegate', 'herdecke')).toEqual(['non_compliant']);
    expect(status('multiplier-teams.delegate', 'wetter')).toEqual(['compliant']);
    expect(status('employer-contact.fixed', 'witten')).toEqual(['compliant']);
    expect(status('employer-contact.fixed', 'hattingen')).toEqual(['non_compliant']);
    expect(status('employer-contact.fixed', 'schwelm')).toEqual(['non_compliant']);
    expect(rows.filter((r) => r.status === 'insufficient_data')).toEqual([]);
  });

  it('fills the office registers so that every rule on them has a verdict for the last full month (issue 15)', async () => {
    const rows: Array<{ office_id: string; rule_id: string; status: string }> = await t.dataSource.query(
      `SELECT f.office_id, f.rule_id, f.status FROM audit_finding f
        WHERE f.rule_id IN ('appointments.outside-opening-hours', 'appointments.by-arrangement', 'staff.continuity')
          AND f.period_kind = 'month' AND f.period = to_char((now() AT TIME ZONE 'Europe/Berlin') - interval '1 month', 'YYYY-MM')
          AND f.run_id = (SELECT id FROM audit_run ORDER BY started_at DESC LIMIT 1)`,
    );
    const statuses = (rule: string) => rows.filter((r) => r.rule_id === rule).map((r) => r.status);
    for (const rule of ['appointments.outside-opening-hours', 'appointments.by-arrangement', 'staff.continuity']) {
      expect({ rule, offices: statuses(rule).length, unjudged: statuses(rule).filter((s) => s === 'insufficient_data' || s === 'not_applicable').length }).toEqual({ rule, offices: 9, unjudged: 0 });
    }
    expect(rows.find((r) => r.office_id === 'herdecke' && r.rule_id === 'appointments.outside-opening-hours')?.status).toBe('non_compliant');
    expect(await t.count('appointment_slot')).toBeGreaterThan(0);
  });

  it('renews the demo token on the next start and adds no second copy of the data', async () => {
    const first = await t.dataSource.query(`SELECT count(*)::int AS n FROM api_token WHERE label = 'demo' AND revoked_at IS NULL`);
    expect(first[0].n).toBe(1);
    const { coordinationToken } = await t.app.get(DemoDataService).prepare();
    const active = await t.dataSource.query(`SELECT count(*)::int AS n FROM api_token WHERE label = 'demo' AND revoked_at IS NULL`);
    expect(active[0].n).toBe(1);
    expect(await t.app.get(TokenService).authenticate(coordinationToken)).toBeDefined();
    expect(await t.count('schedule_version')).toBe(9);
    expect(await t.count('audit_run')).toBe(2);
  });

  it('shows corrective actions in each state of the cycle, verified and reopened by the second audit', async () => {
    const rows: Array<{ office_id: string; rule_id: string; status: string }> = await t.dataSource.query('SELECT office_id, rule_id, status FROM corrective_action');
    const status = (office: string, rule: string) => rows.find((r) => r.office_id === office && r.rule_id === rule)?.status;
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'planned', 'done', 'verified', 'dismissed']));
    expect(status('witten', 'opening.every-morning')).toBe('verified');
    expect(status('herdecke', 'opening.weekly-minimum')).toBe('planned');
    expect(status('hattingen', 'hotline.employer-service-hours')).toBe('done');
    expect(status('wetter', 'opening.every-morning')).toBe('dismissed');
    const [reopened] = await t.dataSource.query(
      `SELECT e.note FROM corrective_action_event e JOIN corrective_action a ON a.id = e.action_id
        WHERE a.office_id = 'herdecke' AND a.rule_id = 'opening.every-weekday' AND e.kind = 'reopened'`,
    );
    expect(reopened.note).toContain('wieder nicht erfüllt');
    // The token that signed the demo's steps cannot be used.
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM api_token WHERE label = 'demo-regional' AND revoked_at IS NULL`)).toEqual([{ n: 0 }]);
  });
});

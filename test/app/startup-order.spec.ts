import { StartupService } from '../../src/app/startup.service';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 13, point 7: on a fresh demo the start-up catch-up of the nightly audit ran before the demo
 * data was seeded, so the first nightly run said "Daten fehlen" everywhere.
 */
describe('start-up order', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A cron that does not fire during the test: only the start-up catch-up runs.
    t = await startTestApp({ config: { demoData: true, nightlyAudit: { enabled: true, cron: '0 0 1 1 *', catchUpDays: 7 } } });
    await t.app.get(StartupService).caughtUp;
  }, 120_000);
  afterAll(() => t?.close());

  it('seeds the demo data first and then audits the missed night on it', async () => {
    const runs: Array<{ id: string; trigger: string; started_at: Date }> = await t.dataSource.query(`SELECT id, trigger, started_at FROM audit_run WHERE status = 'succeeded' ORDER BY started_at`);
    // The demo audits twice (before and after the offices' work on corrective actions), then the
    // start-up catch-up audits the missed night on that data: the nightly run comes last.
    expect(runs.map((r) => r.trigger)).toEqual(['manual', 'manual', 'nightly']);
    const nightly = runs[runs.length - 1];
    const statuses: Array<{ status: string; n: number }> = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM audit_finding WHERE run_id = $1 GROUP BY status`,
      [nightly.id],
    );
    const by = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(by.compliant).toBeGreaterThan(by.insufficient_data ?? 0);
  });

  it('names the nightly run by the week and month it judged', async () => {
    const token = await t.token('coordination');
    const res = await t.http().get('/api/v1/audits').set('Authorization', `Bearer ${token}`).expect(200);
    const nightly = res.body.find((r: { trigger: string }) => r.trigger === 'nightly');
    expect(nightly.periods).toHaveLength(2);
    expect(nightly.label).toMatch(/^KW \d{1,2}\/\d{4} und (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/);
  });
});

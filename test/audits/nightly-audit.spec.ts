import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '../../src/app/app-options';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { AuditService } from '../../src/audits/audit.service';
import { NightlyAuditJob } from '../../src/audits/nightly-audit.job';
import type { AppConfig } from '../../src/config/app-config';
import { ServiceInstance } from '../../src/instances/service-instance';
import { CatalogService } from '../../src/standards/catalog.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedNovember } from './audit-fixtures';

/** A nightly job of an application instance, with its clock pinned to a night in Berlin. */
function jobOf(t: TestApp, now: string, catchUpDays = 7): NightlyAuditJob {
  const config = t.app.get<AppConfig>(APP_CONFIG);
  return new NightlyAuditJob(
    t.app.get(AuditService),
    t.app.get(AuditRunRepository),
    t.app.get(SchedulerRegistry),
    { ...config, nightlyAudit: { ...config.nightlyAudit, catchUpDays } },
    'service',
    () => new Date(now),
    t.app.get(ServiceInstance),
    { embedded: !process.env.TEST_DATABASE_URL },
    t.app.get(CatalogService),
  );
}

const nightlyRuns = (t: TestApp): Promise<Array<{ nightly_date: string; status: string; n: number }>> =>
  t.dataSource.query(
    `SELECT r.nightly_date, r.status, (SELECT count(*)::int FROM audit_finding f WHERE f.run_id = r.id) AS n
       FROM audit_run r WHERE r.trigger = 'nightly' ORDER BY r.nightly_date, r.started_at`,
  );

describe('nightly audits', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    await seedNovember(t, await t.token('coordination'));
  });
  afterEach(() => t?.close());

  it('audits yesterday: the latest complete week and month, for every office', async () => {
    const done = await jobOf(t, '2026-11-30T02:30:00+01:00').catchUp();
    expect(done).toEqual(['2026-11-29']);
    const [run] = await t.dataSource.query(`SELECT periods, office_ids, status FROM audit_run WHERE trigger = 'nightly'`);
    expect(run).toMatchObject({ periods: ['2026-W48', '2026-10'], status: 'succeeded' });
    expect(run.office_ids).toHaveLength(9);
  });

  it('audits the nights it missed while it was down, and only those', async () => {
    await jobOf(t, '2026-11-21T02:30:00+01:00').catchUp(); // night of the 20th
    const done = await jobOf(t, '2026-11-24T09:00:00+01:00').catchUp();
    expect(done).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect((await nightlyRuns(t)).map((r) => r.nightly_date)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(await jobOf(t, '2026-11-24T10:00:00+01:00').catchUp()).toEqual([]);
  });

  it('catches up at most the configured number of nights', async () => {
    await jobOf(t, '2026-11-02T02:30:00+01:00').catchUp();
    const done = await jobOf(t, '2026-11-24T02:30:00+01:00', 3).catchUp();
    expect(done).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('runs a night exactly once when several jobs of one instance race', async () => {
    const jobs = [0, 1, 2].map(() => jobOf(t, '2026-11-24T02:30:00+01:00'));
    const results = await Promise.all(jobs.map((j) => j.runNight('2026-11-23')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await nightlyRuns(t)).toHaveLength(1);
  });

  it('redoes a night whose run was killed half-way, leaving no partial report', async () => {
    // A process died while auditing the night of the 22nd: its run is still "running", with a stale heartbeat and some findings.
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date, heartbeat_at)
       VALUES ('nightly', '2026-11-01', '2026-11-22', '{2026-W47,2026-10}', '{witten}', 'x', 'running', '2026-11-22', now() - interval '1 hour')
       RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO audit_finding (run_id, seq, office_id, period, period_kind, rule_id, obligation, status, unit, message, finding)
       VALUES ($1, 0, 'witten', '2026-W47', 'week', 'opening.weekly-minimum', 'must', 'compliant', 'Std.', '-', '{}')`,
      [id],
    );
    const done = await jobOf(t, '2026-11-23T02:30:00+01:00').catchUp();
    expect(done).toEqual(['2026-11-22']);
    const runs = await nightlyRuns(t);
    expect(runs.map((r) => [r.nightly_date, r.status])).toEqual([
      ['2026-11-22', 'failed'],
      ['2026-11-22', 'succeeded'],
    ]);
    expect(runs[0].n).toBe(0);
    expect(runs[1].n).toBeGreaterThan(0);
    const [killed] = await t.dataSource.query('SELECT error FROM audit_run WHERE id = $1', [id]);
    expect(killed.error).toContain('Abgebrochen');
  });

  it('redoes a night that failed even when later nights succeeded', async () => {
    await jobOf(t, '2026-11-21T02:30:00+01:00').catchUp(); // the 20th
    await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date, error)
       VALUES ('nightly', '2026-11-01', '2026-11-21', '{2026-W47}', '{witten}', 'x', 'failed', '2026-11-21', 'Verbindung verloren')`,
    );
    await jobOf(t, '2026-11-23T02:30:00+01:00').runNight('2026-11-22');
    const done = await jobOf(t, '2026-11-23T09:00:00+01:00').catchUp();
    expect(done).toEqual(['2026-11-21']);
    expect((await nightlyRuns(t)).filter((r) => r.status === 'succeeded').map((r) => r.nightly_date)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('leaves a fresh running run of another instance alone', async () => {
    await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date)
       VALUES ('nightly', '2026-11-01', '2026-11-22', '{2026-W47}', '{witten}', 'x', 'running', '2026-11-22')`,
    );
    expect(await jobOf(t, '2026-11-23T02:30:00+01:00').catchUp()).toEqual([]);
    expect((await nightlyRuns(t)).map((r) => r.status)).toEqual(['running']);
  });
});

describe('nightly audit across three application instances on one database', () => {
  // The embedded database serves one connection, so several instances exist only on a server;
  // there the three are separate Nest applications with their own pools.
  const onServer = !!process.env.TEST_DATABASE_URL;

  it('produces one run for a night', async () => {
    const first = await startTestApp();
    const others: TestApp[] = [];
    try {
      if (onServer) others.push(await startTestApp({ sharedDatabase: first.db }), await startTestApp({ sharedDatabase: first.db }));
      const instances = onServer ? [first, ...others] : [first, first, first];
      const done = await Promise.all(instances.map((i) => jobOf(i, '2026-11-24T02:30:00+01:00').catchUp()));
      expect(done.flat()).toEqual(['2026-11-23']);
      expect(await nightlyRuns(first)).toHaveLength(1);
    } finally {
      for (const o of others) await o.close();
      await first.close();
    }
  });
});

import type { AppConfig } from '../../src/config/app-config';
import { seedNovember } from '../audits/audit-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

const onServer = !!process.env.TEST_DATABASE_URL;
/** How long the instances run; each minute is one cron slot (and, on their clock, one night). */
const MINUTES = Number(process.env.FAULTS_CRON_MINUTES ?? 2);

/**
 * Three instances of the service on one server database, each with the nightly audit on a
 * per-minute cron (issue 10, item 5). Their shared clock runs a day per real minute, so every cron
 * slot has a new night to audit. Exactly one run per night, no night left out, none left running.
 * The embedded database admits one process per data folder: there is nothing to test without a server.
 */
(onServer ? describe : describe.skip)('three instances on one server database with a per-minute cron', () => {
  let db: TestDatabase;
  const instances: TestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    await db?.drop();
  });

  it(`audits every night exactly once over ${MINUTES} cron slots`, async () => {
    const startedAt = Date.now();
    const start = Date.parse('2026-11-20T02:30:00+01:00');
    const clock = () => new Date(start + (Date.now() - startedAt) * 1440);
    const config: Partial<AppConfig> = { nightlyAudit: { enabled: true, cron: '* * * * *', catchUpDays: 7 } };
    const first = await startTestApp({ sharedDatabase: db, config, clock });
    instances.push(first);
    await seedNovember(first, await first.token('coordination'));
    instances.push(await startTestApp({ sharedDatabase: db, config, clock }), await startTestApp({ sharedDatabase: db, config, clock }));

    const deadline = startedAt + MINUTES * 60_000 + 20_000;
    while (Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
    for (const i of instances.splice(0)) await i.close(); // graceful: a pass under way finishes first

    const check = await startTestApp({ sharedDatabase: db });
    instances.push(check);
    const runs: Array<{ nightly_date: string; status: string; n: number }> = await check.dataSource.query(
      `SELECT nightly_date, status, count(*) OVER (PARTITION BY nightly_date)::int AS n FROM audit_run WHERE trigger = 'nightly' ORDER BY nightly_date`,
    );
    const nights = runs.map((r) => r.nightly_date);
    expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(runs.filter((r) => r.n !== 1)).toEqual([]);
    expect(runs.length).toBeGreaterThanOrEqual(MINUTES);
    // consecutive nights, beginning with the night before the first instance started
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(nights[0]).toBe('2026-11-19');
    expect(nights.map((n, i) => day(n) - day(nights[0]) - i).filter((gap) => gap !== 0)).toEqual([]);
  }, (MINUTES + 3) * 60_000);
});

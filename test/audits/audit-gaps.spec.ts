import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '../../src/app/app-options';
import { AuditGaps } from '../../src/audits/audit-gaps';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { AuditService } from '../../src/audits/audit.service';
import { NightlyAuditJob } from '../../src/audits/nightly-audit.job';
import { runCliCommand } from '../../src/cli/cli-commands';
import type { AppConfig } from '../../src/config/app-config';
import { ServiceInstance } from '../../src/instances/service-instance';
import { CatalogService } from '../../src/standards/catalog.service';
import { startTestApp, type TestApp } from '../support/test-app';

function jobOf(t: TestApp, now: string, catchUpDays: number): NightlyAuditJob {
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

const nights = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);

/**
 * A night older than NIGHTLY_CATCH_UP_DAYS when the service came back was skipped silently
 * (issue 10). It is now recorded as a missed nightly run, listed with how to audit it by hand.
 */
describe('nights the nightly audit could not catch up', () => {
  let t: TestApp;
  let coordination: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    await jobOf(t, '2026-11-03T02:30:00+01:00', 7).catchUp(); // the night of the 2nd: the first nightly run
    // Down until the 24th, catching up three nights: the 3rd … the 20th are too old.
    expect(await jobOf(t, '2026-11-24T02:30:00+01:00', 3).catchUp()).toEqual(nights(21, 23));
  });
  afterAll(() => t?.close());

  it('records every night it will not catch up as a missed nightly run, with the command that audits it', async () => {
    const runs = (await t.http().get('/api/v1/audits').set(auth(coordination)).expect(200)).body as Array<Record<string, unknown>>;
    const missed = runs.filter((r) => r.missed).sort((a, b) => String(a.nightlyDate).localeCompare(String(b.nightlyDate)));
    expect(missed.map((r) => r.nightlyDate)).toEqual(nights(3, 20));
    expect(missed[0]).toMatchObject({ trigger: 'nightly', status: 'failed', findingCount: null, findingsWritten: 0, periods: ['2026-W44', '2026-10'] });
    // dated when the night's run was due, so real runs stay on top of the newest-first list
    expect(missed[0].startedAt).toBe('2026-11-03T23:00:00.000Z');
    expect(runs[0].missed).toBe(false);
    expect(missed[0].error).toMatch(/^Nicht geprüft: .*mehr als 3 Nächte zurück \(NIGHTLY_CATCH_UP_DAYS\).*Nachholen mit: npm run --silent cli -- audit --night 2026-11-03$/);
  });

  it('lists the open gaps for the coordination office, and only for it', async () => {
    const gaps = (await t.http().get('/api/v1/audits/gaps').set(auth(coordination)).expect(200)).body;
    expect(gaps.map((g: { night: string }) => g.night)).toEqual(nights(3, 20));
    expect(gaps[0]).toEqual({
      night: '2026-11-03',
      runId: expect.any(String),
      from: '2026-10-01',
      to: '2026-11-03',
      periods: ['2026-W44', '2026-10'],
      command: 'npm run --silent cli -- audit --night 2026-11-03',
    });
    const witten = await t.token('regional', ['witten']);
    await t.http().get('/api/v1/audits/gaps').set(auth(witten)).expect(403);
    const theirs = (await t.http().get('/api/v1/audits').set(auth(witten)).expect(200)).body.find((r: { missed: boolean }) => r.missed);
    expect(theirs.error).toBe('Diese Nacht wurde nicht geprüft; die Koordinierungsstelle kann die Prüfung nachholen.');
  });

  it('records a night once, however often and by however many instances it is found', async () => {
    await Promise.all([1, 2, 3].map(() => jobOf(t, '2026-11-24T09:00:00+01:00', 3).catchUp()));
    expect(await t.count(`audit_run WHERE missed`)).toBe(18);
  });

  it('closes a gap when the night is audited by hand with the CLI, and audits a night only once', async () => {
    const res = await runCliCommand(t.app, ['audit', '--night', '2026-11-10', '--format', 'json']);
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout).run).toMatchObject({ trigger: 'nightly', nightlyDate: '2026-11-10', status: 'succeeded', missed: false });
    expect((await t.app.get(AuditGaps).open()).map((g) => g.night)).toEqual(nights(3, 20).filter((n) => n !== '2026-11-10'));
    const again = await runCliCommand(t.app, ['audit', '--night', '2026-11-10']);
    expect(again).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/bereits geprüft/) });
    expect((await runCliCommand(t.app, ['audit', '--night', '2026-11-11', '--office', 'witten'])).exitCode).toBe(2);
    expect((await runCliCommand(t.app, ['audit', '--night', '11.11.2026'])).exitCode).toBe(2);
  });

  it('serves no report for a missed night', async () => {
    const [gap] = await t.app.get(AuditGaps).open();
    const summary = await t.http().get(`/api/v1/audits/${gap.runId}`).set(auth(coordination)).expect(200);
    expect(summary.body).toMatchObject({ run: { status: 'failed', missed: true }, matrix: [] });
    await t.http().get(`/api/v1/audits/${gap.runId}/export`).set(auth(coordination)).expect(409);
  });
});

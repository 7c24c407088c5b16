import { runCliCommand } from '../../src/cli/cli-commands';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An audit judges only weeks and months that have ended (Berlin). A run over a week still running
 * judged its remaining days as missing evidence, and the corrective actions of the run then counted
 * as verified or reopened by a week that had not happened. "Today" is the service clock's: pinned
 * here to Wednesday 18 November 2026, 00:30 in Berlin (23:30 UTC the day before).
 */
describe('audits judge only ended periods', () => {
  let t: TestApp;
  let coordination: string;
  const auth = () => ({ Authorization: `Bearer ${coordination}` });
  const counts = async () => ({ runs: await t.count('audit_run'), findings: await t.count('audit_finding') });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-11-17T23:30:00Z') });
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('judges up to yesterday (the boundary)', async () => {
    const res = await t.http().post('/api/v1/audits').set(auth()).send({ from: '2026-11-09', to: '2026-11-17', offices: ['witten'] }).expect(201);
    expect(res.body.periods).toEqual(['2026-W46']);
  });

  it.each([
    ['today', { from: '2026-11-09', to: '2026-11-18' }],
    ['the end of the running week', { from: '2026-11-16', to: '2026-11-22' }],
    ['the end of the running month', { from: '2026-11-01', to: '2026-11-30' }],
    ['a year ahead', { from: '2027-01-01', to: '2027-12-31' }],
  ])('refuses a period up to %s, in German, and writes nothing', async (_label, body) => {
    const before = await counts();
    const res = await t.http().post('/api/v1/audits').set(auth()).send(body).expect(400);
    expect(res.body.details).toEqual([
      { field: 'to', message: 'Beurteilt werden nur abgeschlossene Wochen und Monate: Der Zeitraum darf höchstens bis gestern (17.11.2026) reichen.' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('the CLI refuses the same, and a nightly audit of a night that has not passed', async () => {
    const before = await counts();
    const run = await runCliCommand(t.app, ['audit', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain('höchstens bis gestern (17.11.2026)');
    const night = await runCliCommand(t.app, ['audit', '--night', '2026-11-18']);
    expect(night.exitCode).not.toBe(0);
    expect(night.stderr).toContain('höchstens bis gestern (17.11.2026)');
    expect(await counts()).toEqual(before);
  });

  it('audits last night by hand', async () => {
    const night = await runCliCommand(t.app, ['audit', '--night', '2026-11-17', '--format', 'json']);
    expect(night.stderr).toBe('');
    expect([0, 1]).toContain(night.exitCode); // 1: a must rule not met, still a run
    const runs = await t.http().get('/api/v1/audits').set(auth()).expect(200);
    expect(runs.body[0]).toMatchObject({ trigger: 'nightly', status: 'succeeded', periods: ['2026-W46', '2026-10'] });
  });
});

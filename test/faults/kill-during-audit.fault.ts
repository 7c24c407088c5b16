import type { ServiceProcess } from '../../bench/service-process';
import { call, serviceTarget, sleep, until, type ServiceTarget } from './support/service-target';

/**
 * kill -9 of the service while it audits (issue 10): afterwards a "running" run served 42 057 of
 * 50 880 findings as a report and exported them, and stayed "running" for ever with
 * NIGHTLY_AUDIT=false. Now the restarted service (or, on a server, the dead instance's missing
 * heartbeat) fails the run, removes its findings, and nothing partial is visible.
 */
describe('kill -9 during an audit', () => {
  let target: ServiceTarget;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    target = await serviceTarget();
  });
  afterAll(async () => {
    await service?.kill();
    await target?.drop();
  });

  it('leaves no partial report after a restart, also with the nightly audit off', async () => {
    // A fast heartbeat so that on a server the dead instance is noticed within seconds.
    const env = { INSTANCE_HEARTBEAT_SECONDS: '1' };
    service = await target.start(env);
    // More offices make the run long enough to be caught half-way (an audit ends yesterday at the
    // latest, so its length comes from the offices: 2026 up to now over about a hundred of them).
    for (let i = 0; i < 90; i++) {
      const res = await call(service, 'POST', '/api/v1/offices', { id: `stelle-${i}`, name: `Stelle ${i}`, role: 'standalone' });
      expect(res.status).toBe(201);
    }
    // Two days ago by UTC is before today in Berlin at any hour.
    const to = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const started = call(service, 'POST', '/api/v1/audits', { from: '2026-01-01', to }).catch(() => ({ status: 0, body: null }));
    const running = await until(
      async () => {
        const runs = (await call(service!, 'GET', '/api/v1/audits')).body as Array<{ id: string; status: string; trigger: string; findingsWritten: number }>;
        return runs.find((r) => r.trigger === 'manual' && r.status === 'running' && r.findingsWritten >= 1000);
      },
      90_000,
      'a running audit with findings written',
    );
    // While it runs: status and progress, never a partial report.
    const midway = await call(service, 'GET', `/api/v1/audits/${running.id}`);
    expect(midway.body.matrix).toEqual([]);
    expect((await call(service, 'GET', `/api/v1/audits/${running.id}/export?format=csv`)).status).toBe(409);

    await service.kill();
    expect((await started).status).toBe(0);
    service = await target.start(env);

    const failed = await until(
      async () => {
        const summary = await call(service!, 'GET', `/api/v1/audits/${running.id}`);
        expect(summary.status).toBe(200);
        // Between restart and failing (a server waits for six missed beats) still no matrix.
        expect(summary.body.matrix).toEqual([]);
        return summary.body.run.status === 'failed' ? summary.body.run : undefined;
      },
      30_000,
      'the killed run to be failed',
    );
    expect(failed.error).toMatch(/^Abgebrochen: Der ausführende Prozess wurde beendet/);
    expect(failed.findingsWritten).toBeGreaterThanOrEqual(1000);
    expect(failed.findingCount).toBeNull();
    for (const path of [`/api/v1/audits/${running.id}/findings`, `/api/v1/audits/${running.id}/export?format=csv`, `/api/v1/audits/${running.id}/export?format=json`]) {
      const res = await call(service, 'GET', path);
      expect({ path, status: res.status }).toEqual({ path, status: 409 });
    }
    if (!target.embedded) {
      const [{ n }] = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_finding WHERE run_id = $1', [running.id]);
      expect(n).toBe(0);
    }
    // The service works on: a new audit succeeds.
    const again = await call(service, 'POST', '/api/v1/audits', { from: '2026-11-01', to: '2026-11-30', offices: ['witten'] });
    expect(again.body).toMatchObject({ status: 'succeeded' });
    await sleep(0);
  });
});

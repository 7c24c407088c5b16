import { hotlineCsv } from '../../bench/import-csv';
import { startTestApp, type TestApp } from '../support/test-app';
import { evidencePath, postCsv } from './evidence-requests';
import { watchLoopGaps } from '../support/loop-gaps';

/**
 * A maximum-size import must not stall the service (issue 10, item 3): reading and validating
 * ~50 000 rows held the event loop for ~10 s, and /health answered after 8.7 s. The exact latency
 * target (p99 < 200 ms) is measured by `npm run bench:imports` against a separate process; here the
 * bounds are loose enough for a loaded test machine and still an order of magnitude below the stall.
 */
describe('a maximum-size import and the other requests', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('keeps the event loop turning and /health answering while 2 MB of CSV are read, validated and stored', async () => {
    const csv = hotlineCsv();
    expect(csv.rows).toBeGreaterThan(49_000);
    const gaps = watchLoopGaps(10);
    let longestGap: number;
    const health: number[] = [];
    let importing = true;
    const probing = (async () => {
      while (importing) {
        const t0 = performance.now();
        await t.http().get('/health').expect(200);
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    try {
      const res = await postCsv(t, evidencePath('witten', 'hotline-coverage'), token, csv.text);
      importing = false;
      await probing;
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ rows: csv.rows, inserted: csv.rows });
    } finally {
      importing = false;
      longestGap = gaps.stop();
    }
    expect(health.length).toBeGreaterThan(5);
    // Before: one gap of ~10 s. A machine shared by several test runs deschedules a process for a
    // second or more at times, so the bounds leave room for that and nothing else.
    expect(Math.max(...health)).toBeLessThan(4000);
    expect(longestGap).toBeLessThan(3000);
  }, 180_000);
});

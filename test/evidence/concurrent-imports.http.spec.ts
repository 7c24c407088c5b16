import { startTestApp, type TestApp } from '../support/test-app';
import { evidencePath, postJson } from './evidence-requests';

type Row = { staffRef: string; role: string; date: string; minutes: number; activity: string };

/** The same records in a different order for each clerk: what two offices' exports of one system look like. */
function shuffled<T>(rows: T[], seed: number): T[] {
  const out = [...rows];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Overlapping imports at the same time (issue 10, item 1). On a server each request has its own
 * connection, and rows written in file order took their unique-index locks in different orders:
 * most answered 500 "deadlock detected". Now every import succeeds (or gets a clear 409) and the
 * rows are stored once. On the embedded database imports queue on its one connection.
 */
describe('overlapping imports at the same time', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('stores the same time records sent by many clerks in different orders once, with no 500', async () => {
    const rows: Row[] = Array.from({ length: 1500 }, (_, i) => ({
      staffRef: `VM-${i % 50}`,
      role: 'placement_officer',
      date: `2026-03-${String(2 + Math.floor(i / 50) % 28).padStart(2, '0')}`,
      minutes: 60 + (i % 7),
      activity: i % 2 ? 'employer_service' : 'jobseeker_service',
    }));
    const distinct = new Set(rows.map((r) => `${r.staffRef}|${r.date}|${r.activity}`)).size;
    const clerks = 12;
    const responses = await Promise.all(Array.from({ length: clerks }, (_, k) => postJson(t, evidencePath('witten', 'time-records'), token, shuffled(rows, k + 1))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/gleichzeitig/);
    const stored = responses.filter((r) => r.status === 201);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.reduce((sum, r) => sum + r.body.inserted, 0)).toBe(distinct);
    expect(await t.count(`staff_time_record WHERE office_id = 'witten'`)).toBe(distinct);
    expect(await t.count(`evidence_import WHERE office_id = 'witten'`)).toBe(stored.length);
  });

  it('stores overlapping closures and hotline coverage from parallel uploads once', async () => {
    const closures = Array.from({ length: 300 }, (_, i) => ({ date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, reason: 'Schulung' }));
    const coverage = Array.from({ length: 300 }, (_, i) => {
      const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`;
      return { start: `${day}T08:00`, end: `${day}T17:00`, coveredBy: 'staff' };
    });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        k % 2
          ? postJson(t, evidencePath('hattingen', 'closures'), token, shuffled(closures, k + 7))
          : postJson(t, evidencePath('hattingen', 'hotline-coverage'), token, shuffled(coverage, k + 7)),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await t.count(`closure WHERE office_id = 'hattingen'`)).toBe(300);
    expect(await t.count(`hotline_coverage WHERE office_id = 'hattingen'`)).toBe(300);
  });
});

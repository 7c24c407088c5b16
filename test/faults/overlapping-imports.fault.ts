import { startTestApp, type TestApp } from '../support/test-app';

type Row = Record<string, string | number>;

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

const toCsv = (rows: Row[]) => {
  const columns = Object.keys(rows[0]);
  return [columns.join(';'), ...rows.map((r) => columns.map((c) => r[c]).join(';'))].join('\r\n') + '\r\n';
};

const day = (i: number) => new Date(Date.UTC(2026, 0, 5) + i * 86_400_000).toISOString().slice(0, 10);
const timeRecords: Row[] = Array.from({ length: 2000 }, (_, i) => ({ staffRef: `vm-${i % 40}`, role: 'placement_officer', date: day(Math.floor(i / 40)), minutes: 120, activity: 'employer_service' }));
const coverage: Row[] = Array.from({ length: 1500 }, (_, i) => ({ start: `${day(i)}T08:00`, end: `${day(i)}T17:00`, coveredBy: 'staff' }));
const closures: Row[] = Array.from({ length: 400 }, (_, i) => ({ date: day(i), reason: 'Betriebsversammlung' }));

/**
 * Parallel overlapping imports (issue 10): the same records from many clerks at once, in different
 * orders, as JSON and CSV, with a few bad files among them. Never a 5xx; each record stored once;
 * a rejected file writes nothing.
 */
describe('parallel overlapping imports', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('answers every upload with 201, 400 or 409 and stores each record exactly once', async () => {
    const kinds: Array<[string, Row[]]> = [
      ['time-records', timeRecords],
      ['hotline-coverage', coverage],
      ['closures', closures],
    ];
    const uploads = Array.from({ length: 24 }, (_, k) => {
      const [kind, rows] = kinds[k % 3];
      const office = k % 2 ? 'witten' : 'hattingen';
      const order = shuffled(rows, k + 1);
      const bad = k % 8 === 7; // one row breaks the file: all of it is refused
      const broken = kind === 'hotline-coverage' ? 'start' : 'date';
      const payload = bad ? [...order.slice(0, 50), { ...order[50], [broken]: 'kein Datum' }, ...order.slice(51)] : order;
      const req = t.http().post(`/api/v1/offices/${office}/${kind}`).set('Authorization', `Bearer ${token}`);
      return { bad, send: () => (k % 4 < 2 ? req.set('Content-Type', 'application/json').send(JSON.stringify(payload)) : req.set('Content-Type', 'text/csv').send(toCsv(payload))) };
    });
    const responses = await Promise.all(uploads.map((u) => u.send()));
    const outcome = responses.map((r, k) => ({ k, status: r.status, bad: uploads[k].bad }));
    expect(outcome.filter((o) => o.status >= 500)).toEqual([]);
    for (const o of outcome) expect(o.bad ? [400] : [201, 409]).toContain(o.status);
    for (const office of ['witten', 'hattingen']) {
      expect(await t.count(`staff_time_record WHERE office_id = '${office}'`)).toBe(timeRecords.length);
      expect(await t.count(`hotline_coverage WHERE office_id = '${office}'`)).toBe(coverage.length);
      expect(await t.count(`closure WHERE office_id = '${office}'`)).toBe(closures.length);
    }
    expect(await t.count('evidence_import')).toBe(outcome.filter((o) => o.status === 201).length);
  });
});

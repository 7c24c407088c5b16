import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where, type Detail } from './evidence-requests';

describe('hotline coverage API', () => {
  let t: TestApp;
  let coordination: string;
  const path = (office: string) => evidencePath(office, 'hotline-coverage');

  /** The stored intervals on the Berlin wall clock and in UTC, read back with SQL. */
  const stored = (office: string): Promise<Array<{ berlin: string; utc: string; by: string }>> =>
    t.dataSource.query(
      `SELECT to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') || ' – ' || to_char(ends_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS berlin,
              to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' – ' || to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc,
              covered_by AS by
         FROM hotline_coverage WHERE office_id = $1 ORDER BY starts_at, covered_by`,
      [office],
    );

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('stores UTC instants, offsets and Berlin local times as the same instants', async () => {
    const res = await postJson(t, path('witten'), coordination, [
      { start: '2026-03-02T07:00:00Z', end: '2026-03-02T11:00:00Z', coveredBy: 'staff' },
      { start: '2026-03-03T08:00+01:00', end: '2026-03-03T12:00+01:00', coveredBy: 'call_centre' },
      { start: '2026-07-01T08:00', end: '2026-07-01T12:30', coveredBy: 'staff' },
    ]).expect(201);
    expect(res.body).toEqual({ importId: expect.any(String), kind: 'hotline-coverage', format: 'json', rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(await stored('witten')).toEqual([
      { berlin: '2026-03-02 08:00 – 2026-03-02 12:00', utc: '2026-03-02 07:00 – 2026-03-02 11:00', by: 'staff' },
      { berlin: '2026-03-03 08:00 – 2026-03-03 12:00', utc: '2026-03-03 07:00 – 2026-03-03 11:00', by: 'call_centre' },
      { berlin: '2026-07-01 08:00 – 2026-07-01 12:30', utc: '2026-07-01 06:00 – 2026-07-01 10:30', by: 'staff' },
    ]);
  });

  it('reads local times on the day clocks go forward (2026-03-29) on the right side of the gap', async () => {
    await postJson(t, path('hattingen'), coordination, [
      // 01:00 CET to 04:00 CEST: three wall-clock hours, two real ones
      { start: '2026-03-29T01:00', end: '2026-03-29T04:00', coveredBy: 'staff' },
      { start: '2026-03-29T08:00', end: '2026-03-29T12:00', coveredBy: 'call_centre' },
    ]).expect(201);
    expect(await stored('hattingen')).toEqual([
      { berlin: '2026-03-29 01:00 – 2026-03-29 04:00', utc: '2026-03-29 00:00 – 2026-03-29 02:00', by: 'staff' },
      { berlin: '2026-03-29 08:00 – 2026-03-29 12:00', utc: '2026-03-29 06:00 – 2026-03-29 10:00', by: 'call_centre' },
    ]);
  });

  it('reads an ambiguous local time on the day clocks go back (2026-10-25) as the first occurrence', async () => {
    await postJson(t, path('herdecke'), coordination, [
      { start: '2026-10-25T02:30', end: '2026-10-25T08:00', coveredBy: 'staff' },
      { start: '2026-10-25T02:30+01:00', end: '2026-10-25T03:00+01:00', coveredBy: 'call_centre' },
    ]).expect(201);
    expect(await stored('herdecke')).toEqual([
      { berlin: '2026-10-25 02:30 – 2026-10-25 08:00', utc: '2026-10-25 00:30 – 2026-10-25 07:00', by: 'staff' },
      // the second 02:30, written with its offset
      { berlin: '2026-10-25 02:30 – 2026-10-25 03:00', utc: '2026-10-25 01:30 – 2026-10-25 02:00', by: 'call_centre' },
    ]);
  });

  it('rejects a local time that does not exist in Berlin, explaining why, and stores nothing', async () => {
    const before = { coverage: await t.count('hotline_coverage'), imports: await t.count('evidence_import') };
    const res = await postCsv(t, path('wetter'), coordination, csv('start;end;coveredBy', '2026-03-29T01:00;2026-03-29T02:30;staff', '2026-03-29T02:00;2026-03-29T06:00;staff')).expect(400);
    expect(where(res.body.details)).toEqual(['2:end', '3:start']);
    expect(res.body.details[0].message).toMatch(/02:30 Uhr am 29\.03\.2026 gibt es in Berlin nicht \(Umstellung auf Sommerzeit/);
    expect(await t.count('hotline_coverage')).toBe(before.coverage);
    expect(await t.count('evidence_import')).toBe(before.imports);
  });

  it('lists every bad row of a file: order, length, format, value, unknown field', async () => {
    const res = await postJson(t, path('wetter'), coordination, [
      { start: '2026-03-02T12:00', end: '2026-03-02T08:00', coveredBy: 'staff' },
      { start: '2026-03-02T08:00', end: '2026-03-03T08:01', coveredBy: 'staff' },
      { start: '2026/03/02 08:00', end: '2026-03-02T12:00', coveredBy: 'staff' },
      { start: '2026-03-02T08:00', end: '2026-03-02T12:00', coveredBy: 'volunteers' },
      { start: '2026-03-02T08:00', end: '2026-03-02T12:00', coveredBy: 'staff', staff: 'Erika' },
      { start: '2026-03-02T08:00', coveredBy: 'staff' },
      { start: '2026-03-02T08:00', end: '2026-03-03T08:00', coveredBy: 'staff' },
    ]).expect(400);
    expect(where(res.body.details)).toEqual(['1:end', '2:end', '3:start', '4:coveredBy', '5:staff', '6:end']);
    const messages = res.body.details.map((d: Detail) => d.message);
    expect(messages[0]).toMatch(/nach dem Beginn/);
    expect(messages[1]).toMatch(/mehr als 24 Stunden/);
    expect(messages[2]).toMatch(/JJJJ-MM-TTTHH:MM/);
    expect(messages[3]).toBe('muss einer dieser Werte sein: Personal, Call Center');
    expect(messages[5]).toBe('fehlt');
  });

  it('takes a CSV with commas and counts the same interval written three ways once', async () => {
    const file = csv('start,end,coveredBy', '2026-04-06T08:00,2026-04-06T12:00,staff', '2026-04-06T06:00:00Z,2026-04-06T10:00:00Z,staff', '"2026-04-06T08:00+02:00","2026-04-06T12:00+02:00",staff');
    const res = await postCsv(t, path('schwelm'), coordination, file).expect(201);
    expect(res.body).toMatchObject({ format: 'csv', rows: 3, inserted: 1, updated: 0, unchanged: 2 });
    expect(await stored('schwelm')).toHaveLength(1);
  });

  it('stores a file sent twice once', async () => {
    const file = '\uFEFF' + csv('start;end;coveredBy', '2026-04-13T08:00;2026-04-13T12:00;staff', '2026-04-13T12:00;2026-04-13T16:00;call_centre');
    await postCsv(t, path('ennepetal'), coordination, file).expect(201);
    const count = await t.count('hotline_coverage');
    const second = await postCsv(t, path('ennepetal'), coordination, file).expect(201);
    expect(second.body).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await t.count('hotline_coverage')).toBe(count);
  });

  it('lists stored intervals with the Berlin offset of their day, filtered by Berlin days', async () => {
    await postJson(t, path('gevelsberg'), coordination, [
      { start: '2026-03-28T22:00', end: '2026-03-29T03:00', coveredBy: 'call_centre' },
      { start: '2026-03-30T08:00', end: '2026-03-30T12:00', coveredBy: 'staff' },
    ]).expect(201);
    const all = await t.http().get(path('gevelsberg')).set(auth(coordination)).expect(200);
    expect(all.body).toEqual([
      { id: expect.any(String), start: '2026-03-28T22:00:00+01:00', end: '2026-03-29T03:00:00+02:00', coveredBy: 'call_centre' },
      { id: expect.any(String), start: '2026-03-30T08:00:00+02:00', end: '2026-03-30T12:00:00+02:00', coveredBy: 'staff' },
    ]);
    // crossing midnight (and the spring gap): listed on both Berlin days
    const onSunday = await t.http().get(`${path('gevelsberg')}?from=2026-03-29&to=2026-03-29`).set(auth(coordination)).expect(200);
    expect(onSunday.body.map((c: { coveredBy: string }) => c.coveredBy)).toEqual(['call_centre']);
    const onSaturday = await t.http().get(`${path('gevelsberg')}?to=2026-03-28`).set(auth(coordination)).expect(200);
    expect(onSaturday.body.map((c: { coveredBy: string }) => c.coveredBy)).toEqual(['call_centre']);
    const onMonday = await t.http().get(`${path('gevelsberg')}?from=2026-03-30`).set(auth(coordination)).expect(200);
    expect(onMonday.body.map((c: { coveredBy: string }) => c.coveredBy)).toEqual(['staff']);
  });

  it('refuses a regional token for another office on POST and GET, storing nothing', async () => {
    const witten = await t.token('regional', ['witten']);
    const before = await t.count('hotline_coverage');
    await postJson(t, path('sprockhoevel'), witten, [{ start: '2026-05-04T08:00', end: '2026-05-04T12:00', coveredBy: 'staff' }]).expect(403);
    await t.http().get(path('sprockhoevel')).set(auth(witten)).expect(403);
    expect(await t.count('hotline_coverage')).toBe(before);
  });
});

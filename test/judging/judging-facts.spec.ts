import { JudgingFactsRepository } from '../../src/judging/judging-facts.repository';
import { startTestApp, type TestApp } from '../support/test-app';
import { evidencePath, postJson } from '../evidence/evidence-requests';

/** The queries every judgement (API and audits) reads evidence with, for one or many offices. */
describe('judging facts', () => {
  let t: TestApp;
  let evidence: JudgingFactsRepository;

  beforeAll(async () => {
    t = await startTestApp();
    evidence = t.app.get(JudgingFactsRepository);
    const token = await t.token('coordination');
    await postJson(t, evidencePath('witten', 'closures'), token, [
      { date: '2026-03-01', reason: 'vorher' },
      { date: '2026-03-02', reason: 'Personalversammlung' },
      { date: '2026-03-04', from: '08:00', to: '10:00', reason: 'Schulung' },
      { date: '2026-03-06', reason: 'letzter Tag' },
      { date: '2026-03-07', reason: 'nachher' },
    ]).expect(201);
    await postJson(t, evidencePath('hattingen', 'closures'), token, [{ date: '2026-03-03', reason: 'andere Stelle' }]).expect(201);
    await postJson(t, evidencePath('witten', 'hotline-coverage'), token, [
      { start: '2026-03-01T20:00', end: '2026-03-02T08:00', coveredBy: 'call_centre' },
      { start: '2026-03-02T08:00', end: '2026-03-02T12:00', coveredBy: 'staff' },
      { start: '2026-03-06T22:00', end: '2026-03-07T02:00', coveredBy: 'call_centre' },
      { start: '2026-03-07T08:00', end: '2026-03-07T12:00', coveredBy: 'staff' },
    ]).expect(201);
    const rec = (staffRef: string, role: string, date: string, activity: string, minutes: number) => ({ staffRef, role, date, activity, minutes });
    await postJson(t, evidencePath('witten', 'time-records'), token, [
      rec('A', 'placement_officer', '2026-03-02', 'employer_service', 240),
      rec('A', 'placement_officer', '2026-03-02', 'jobseeker_service', 240),
      rec('A', 'placement_officer', '2026-03-03', 'employer_service', 60),
      rec('B', 'placement_officer', '2026-03-02', 'jobseeker_service', 480),
      rec('C', 'specialist_adviser', '2026-03-02', 'employer_service', 480),
      rec('D', 'placement_officer', '2026-03-09', 'employer_service', 480),
      rec('E', 'placement_officer', '2026-03-01', 'employer_service', 480),
    ]).expect(201);
  });
  afterAll(() => t?.close());

  it('reads the closures of the requested offices on the days of a range, both ends included, times in minutes', async () => {
    const rows = await evidence.closures(['witten'], '2026-03-02', '2026-03-06');
    expect(rows.sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { id: expect.any(String), office_id: 'witten', date: '2026-03-02', from: null, to: null },
      { id: expect.any(String), office_id: 'witten', date: '2026-03-04', from: 480, to: 600 },
      { id: expect.any(String), office_id: 'witten', date: '2026-03-06', from: null, to: null },
    ]);
    expect((await evidence.closures(['witten', 'hattingen'], '2026-03-02', '2026-03-06')).map((c) => c.office_id).sort()).toEqual(['hattingen', 'witten', 'witten', 'witten']);
  });

  it('reads hotline intervals overlapping the range, as Dates', async () => {
    const from = new Date('2026-03-02T00:00:00+01:00');
    const to = new Date('2026-03-07T00:00:00+01:00');
    const rows = await evidence.hotline(['witten'], from, to);
    expect(rows.map((r) => [r.start.toISOString(), r.end.toISOString(), r.coveredBy])).toEqual([
      // crosses the start of the range: included
      ['2026-03-01T19:00:00.000Z', '2026-03-02T07:00:00.000Z', 'call_centre'],
      ['2026-03-02T07:00:00.000Z', '2026-03-02T11:00:00.000Z', 'staff'],
      // crosses the end of the range: included
      ['2026-03-06T21:00:00.000Z', '2026-03-07T01:00:00.000Z', 'call_centre'],
    ]);
    expect(rows[0].start).toBeInstanceOf(Date);
    expect(rows[0].id).toEqual(expect.any(String));
    // an interval ending exactly where the range starts does not overlap it
    expect(await evidence.hotline(['witten'], new Date('2026-03-02T11:00:00Z'), new Date('2026-03-02T12:00:00Z'))).toEqual([]);
  });

  it('reads a long range a few offices at a time, each office complete and in order of start', async () => {
    const token = await t.token('coordination');
    await postJson(t, evidencePath('hattingen', 'hotline-coverage'), token, [
      { start: '2026-06-01T08:00', end: '2026-06-01T12:00', coveredBy: 'staff' },
      { start: '2026-01-05T08:00', end: '2026-01-05T17:00', coveredBy: 'call_centre' },
    ]).expect(201);
    const year = [new Date('2026-01-01T00:00:00+01:00'), new Date('2027-01-01T00:00:00+01:00')] as const;
    const ds = t.dataSource;
    const query = jest.spyOn(ds, 'query');
    let rows;
    try {
      rows = await evidence.hotline(['witten', 'hattingen', 'herdecke'], ...year);
      // 1,000 office-days per read: two offices of a year in the first, the third in the second.
      expect(query.mock.calls.filter(([sql]) => /FROM hotline_coverage/.test(sql)).length).toBe(2);
    } finally {
      query.mockRestore();
    }
    const byOffice = (office: string) => rows.filter((r) => r.office_id === office).map((r) => r.start.toISOString());
    expect(byOffice('hattingen')).toEqual(['2026-01-05T07:00:00.000Z', '2026-06-01T06:00:00.000Z']);
    expect(byOffice('witten')).toEqual((await evidence.hotline(['witten'], ...year)).map((r) => r.start.toISOString()));
    expect(byOffice('witten')).toHaveLength(4);
  });

  it('sums placement officers per month and person without saying who, end date excluded', async () => {
    const result = await evidence.officerMonths(['witten'], '2026-03-02', '2026-03-09');
    expect(result).toEqual([
      { office_id: 'witten', month: '2026-03', employerServiceMinutes: 0, jobseekerServiceMinutes: 480, workingMinutes: 480, records: 1 },
      { office_id: 'witten', month: '2026-03', employerServiceMinutes: 300, jobseekerServiceMinutes: 240, workingMinutes: 540, records: 3 },
    ]);
    for (const row of result) expect(Object.keys(row).sort()).toEqual(['employerServiceMinutes', 'jobseekerServiceMinutes', 'month', 'office_id', 'records', 'workingMinutes']);
  });

  it('reads the officer months through a cursor, page by page, with the same rows in the same order', async () => {
    const whole = await evidence.officerMonths(['witten', 'hattingen'], '2026-03-01', '2026-04-01');
    expect(whole).toHaveLength(4);
    evidence.officerMonthsPerFetch = 1;
    try {
      expect(await evidence.officerMonths(['witten', 'hattingen'], '2026-03-01', '2026-04-01')).toEqual(whole);
      evidence.officerMonthsPerFetch = 4; // a last page exactly full: one more, empty fetch ends it
      expect(await evidence.officerMonths(['witten', 'hattingen'], '2026-03-01', '2026-04-01')).toEqual(whole);
    } finally {
      evidence.officerMonthsPerFetch = 5000;
    }
  });

  it('has no officer months for a period without records', async () => {
    expect(await evidence.officerMonths(['hattingen'], '2026-03-02', '2026-03-09')).toEqual([]);
  });
});

describe('closure constraint', () => {
  it('refuses a closure with only one of its times, even written past the API', async () => {
    const t = await startTestApp();
    try {
      const [imp] = await t.dataSource.query(`INSERT INTO evidence_import (office_id, kind, format, row_count, inserted, updated, unchanged) VALUES ('witten', 'closures', 'json', 1, 1, 0, 0) RETURNING id`);
      await expect(
        t.dataSource.query(`INSERT INTO closure (office_id, date, from_minute, to_minute, reason, import_id) VALUES ('witten', '2026-03-02', NULL, 600, 'x', $1)`, [imp.id]),
      ).rejects.toThrow(/ck_closure_times/);
    } finally {
      await t.close();
    }
  });
});

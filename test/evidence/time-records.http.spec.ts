import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where, type Detail } from './evidence-requests';

type Row = { staffRef: string; role: string; date: string; minutes: number; activity: string };
const record = (over: Partial<Row> = {}): Row => ({ staffRef: 'VM-01', role: 'placement_officer', date: '2026-03-02', minutes: 240, activity: 'employer_service', ...over });

describe('time records API', () => {
  let t: TestApp;
  let coordination: string;
  const path = (office: string) => evidencePath(office, 'time-records');
  const minutesOf = async (office: string, staffRef: string): Promise<number[]> =>
    (await t.dataSource.query('SELECT minutes FROM staff_time_record WHERE office_id = $1 AND staff_ref = $2 ORDER BY date, activity', [office, staffRef])).map((r: { minutes: number }) => r.minutes);

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('stores pseudonymous records sent as JSON', async () => {
    const token = await t.token('regional', ['witten']);
    const res = await postJson(t, path('witten'), token, [record(), record({ activity: 'jobseeker_service', minutes: 200 }), record({ staffRef: 'fb.2', role: 'specialist_adviser', minutes: 480, activity: 'other' })]).expect(201);
    expect(res.body).toEqual({ importId: expect.any(String), kind: 'time-records', format: 'json', rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(await minutesOf('witten', 'VM-01')).toEqual([240, 200]);
  });

  it('reads a CSV with commas and a semicolon CSV with a BOM alike', async () => {
    const comma = csv('staffRef,role,date,minutes,activity', 'VM_7,placement_officer,2026-03-03,300,employer_service', '"VM_7",placement_officer,2026-03-03,"120",other');
    expect((await postCsv(t, path('hattingen'), coordination, comma).expect(201)).body).toMatchObject({ format: 'csv', rows: 2, inserted: 2 });
    const semicolon = '\uFEFF' + csv('date;staffRef;activity;role;minutes', '2026-03-04;VM_7;employer_service;placement_officer;90');
    expect((await postCsv(t, path('hattingen'), coordination, semicolon).expect(201)).body).toMatchObject({ rows: 1, inserted: 1 });
    expect(await minutesOf('hattingen', 'VM_7')).toEqual([300, 120, 90]);
  });

  it('stores a file sent twice once', async () => {
    const rows = [record({ staffRef: 'A1' }), record({ staffRef: 'A2' }), record({ staffRef: 'A2' })];
    expect((await postJson(t, path('herdecke'), coordination, rows).expect(201)).body).toMatchObject({ rows: 3, inserted: 2, updated: 0, unchanged: 1 });
    const count = await t.count('staff_time_record');
    expect((await postJson(t, path('herdecke'), coordination, rows).expect(201)).body).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await t.count('staff_time_record')).toBe(count);
  });

  it('takes other minutes for the same person, day, role and activity as a correction', async () => {
    await postJson(t, path('wetter'), coordination, [record({ staffRef: 'K9', minutes: 240 }), record({ staffRef: 'K9', date: '2026-03-03' })]).expect(201);
    const count = await t.count('staff_time_record');
    const res = await postCsv(t, path('wetter'), coordination, csv('staffRef;role;date;minutes;activity', 'K9;placement_officer;2026-03-02;270;employer_service', 'K9;placement_officer;2026-03-03;240;employer_service')).expect(201);
    expect(res.body).toMatchObject({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
    expect(await minutesOf('wetter', 'K9')).toEqual([270, 240]);
    expect(await t.count('staff_time_record')).toBe(count);
    // the correction points at the import that made it
    const [row] = await t.dataSource.query(`SELECT import_id FROM staff_time_record WHERE office_id = 'wetter' AND date = '2026-03-02'`);
    expect(row.import_id).toBe(res.body.importId);
  });

  it('writes large files in batches', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => record({ staffRef: `P${i}`, minutes: 1 + (i % 1440) }));
    const text = csv('staffRef;role;date;minutes;activity', ...rows.map((r) => `${r.staffRef};${r.role};${r.date};${r.minutes};${r.activity}`));
    expect((await postCsv(t, path('schwelm'), coordination, text).expect(201)).body).toMatchObject({ rows: 2500, inserted: 2500 });
    rows[2499].minutes = 7;
    expect((await postJson(t, path('schwelm'), coordination, rows).expect(201)).body).toMatchObject({ rows: 2500, inserted: 0, updated: 1, unchanged: 2499 });
  });

  it('rejects names and other bad values, listing every error, and stores nothing', async () => {
    const before = { records: await t.count('staff_time_record'), imports: await t.count('evidence_import') };
    const res = await postJson(t, path('ennepetal'), coordination, [
      record({ staffRef: 'VM-01' }),
      record({ staffRef: 'Erika Mustermann' }),
      record({ staffRef: 'Jürgen' }),
      record({ minutes: 0 }),
      record({ minutes: 1441 }),
      record({ minutes: 2.5 }),
      { ...record(), minutes: '90' },
      record({ role: 'teamleitung', activity: 'lunch' }),
      record({ date: '2026-02-29' }),
      { staffRef: 'VM-02', role: 'placement_officer', date: '2026-03-02', activity: 'other' },
    ]).expect(400);
    expect(where(res.body.details)).toEqual(['2:staffRef', '3:staffRef', '4:minutes', '5:minutes', '6:minutes', '7:minutes', '8:role', '8:activity', '9:date', '10:minutes']);
    const messages = res.body.details.map((d: Detail) => d.message);
    expect(messages[0]).toMatch(/Pseudonym.*ohne Leerzeichen.*keine Namen/);
    expect(messages[2]).toMatch(/ganze Zahl von Minuten zwischen 1 und 1440/);
    expect(messages[6]).toBe('muss einer dieser Werte sein: Arbeitsvermittlung, Fachberatung, Sonstige');
    expect(messages[9]).toBe('fehlt');
    expect(await t.count('staff_time_record')).toBe(before.records);
    expect(await t.count('evidence_import')).toBe(before.imports);
  });

  it('names CSV cells that are not whole minutes by line', async () => {
    const res = await postCsv(t, path('ennepetal'), coordination, csv('staffRef;role;date;minutes;activity', 'A;placement_officer;2026-03-02;1,5;other', 'B;placement_officer;2026-03-02;;other', 'C;placement_officer;2026-03-02;99999999999;other')).expect(400);
    expect(where(res.body.details)).toEqual(['2:minutes', '3:minutes', '4:minutes']);
    expect(res.body.details[1].message).toBe('fehlt');
  });

  it('rejects two rows of one file with different minutes for the same entry', async () => {
    const res = await postJson(t, path('ennepetal'), coordination, [record(), record({ activity: 'other' }), record({ minutes: 60 })]).expect(400);
    expect(res.body.details).toEqual([{ line: 3, field: 'minutes', message: expect.stringMatching(/widerspricht Zeile 1/) }]);
  });

  describe('listing', () => {
    beforeAll(async () => {
      await postJson(t, path('gevelsberg'), coordination, [
        record({ staffRef: 'V1', date: '2026-03-02', minutes: 240, activity: 'employer_service' }),
        record({ staffRef: 'V1', date: '2026-03-02', minutes: 200, activity: 'jobseeker_service' }),
        record({ staffRef: 'V2', date: '2026-03-03', minutes: 120, activity: 'employer_service' }),
        record({ staffRef: 'V3', date: '2026-03-04', minutes: 100, activity: 'employer_service' }),
        record({ staffRef: 'V2', date: '2026-04-01', minutes: 60, activity: 'employer_service' }),
        record({ staffRef: 'F1', role: 'specialist_adviser', date: '2026-03-02', minutes: 300, activity: 'employer_service' }),
        record({ staffRef: 'X1', role: 'other', date: '2026-03-31', minutes: 100, activity: 'employer_service' }),
      ]).expect(201);
    });

    it('shows sums per month, role group and activity, never a person, and no sum of fewer than three people', async () => {
      const res = await t.http().get(path('gevelsberg')).set(auth(coordination)).expect(200);
      expect(res.body).toEqual([
        { month: '2026-03', roleGroup: 'other_roles', activity: 'employer_service', recordCount: 2, minutes: null, staffCount: 2 },
        { month: '2026-03', roleGroup: 'placement_officer', activity: 'employer_service', recordCount: 3, minutes: 460, staffCount: 3 },
        { month: '2026-03', roleGroup: 'placement_officer', activity: 'jobseeker_service', recordCount: 1, minutes: null, staffCount: 1 },
        { month: '2026-04', roleGroup: 'placement_officer', activity: 'employer_service', recordCount: 1, minutes: null, staffCount: 1 },
      ]);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/staffRef|staff_ref|"V1"|"V2"|"F1"|"X1"/);
    });

    it('filters by date', async () => {
      const res = await t.http().get(`${path('gevelsberg')}?from=2026-04-01&to=2026-04-30`).set(auth(coordination)).expect(200);
      expect(res.body).toEqual([{ month: '2026-04', roleGroup: 'placement_officer', activity: 'employer_service', recordCount: 1, minutes: null, staffCount: 1 }]);
    });

    it('does not leak pseudonyms to the office itself either', async () => {
      const own = await t.token('regional', ['gevelsberg']);
      const res = await t.http().get(path('gevelsberg')).set(auth(own)).expect(200);
      expect(JSON.stringify(res.body)).not.toMatch(/staffRef|"V1"/);
    });
  });

  it('refuses a regional token for another office on POST and GET, storing nothing', async () => {
    const witten = await t.token('regional', ['witten']);
    const before = { records: await t.count('staff_time_record'), imports: await t.count('evidence_import') };
    await postJson(t, path('breckerfeld'), witten, [record()]).expect(403);
    await postCsv(t, path('breckerfeld'), witten, csv('staffRef;role;date;minutes;activity', 'A;placement_officer;2026-03-02;60;other')).expect(403);
    await t.http().get(path('breckerfeld')).set(auth(witten)).expect(403);
    expect(await t.count('staff_time_record')).toBe(before.records);
    expect(await t.count('evidence_import')).toBe(before.imports);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where, type Detail } from './evidence-requests';

describe('closures API', () => {
  let t: TestApp;
  let coordination: string;
  const path = (office: string) => evidencePath(office, 'closures');
  const list = async (office: string, query = '') => (await t.http().get(`${path(office)}${query}`).set(auth(coordination)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('stores whole-day and partial closures sent as JSON', async () => {
    const token = await t.token('regional', ['witten']);
    const res = await postJson(t, path('witten'), token, [
      { date: '2026-03-02', reason: 'Personalversammlung' },
      { date: '2026-03-05', from: '14:00', to: '18:00', reason: 'Schulung' },
      { date: '2026-03-06', from: null, to: null, reason: 'Wasserschaden' },
    ]).expect(201);
    expect(res.body).toEqual({ importId: expect.any(String), kind: 'closures', format: 'json', rows: 3, inserted: 3, updated: 0, unchanged: 0 });

    expect(await list('witten')).toEqual([
      { id: expect.any(String), date: '2026-03-02', from: null, to: null, reason: 'Personalversammlung' },
      { id: expect.any(String), date: '2026-03-05', from: '14:00', to: '18:00', reason: 'Schulung' },
      { id: expect.any(String), date: '2026-03-06', from: null, to: null, reason: 'Wasserschaden' },
    ]);
    const [stored] = await t.dataSource.query(`SELECT from_minute, to_minute FROM closure WHERE office_id = 'witten' AND date = '2026-03-05'`);
    expect(stored).toEqual({ from_minute: 840, to_minute: 1080 });
    const [imported] = await t.dataSource.query('SELECT office_id, kind, format, row_count, inserted, updated, unchanged, submitted_by FROM evidence_import WHERE id = $1', [res.body.importId]);
    expect(imported).toMatchObject({ office_id: 'witten', kind: 'closures', format: 'json', row_count: 3, inserted: 3, updated: 0, unchanged: 0, submitted_by: expect.any(String) });
  });

  it('reads a semicolon CSV with a BOM, quoted separators and empty time cells', async () => {
    const file = '\uFEFF' + csv('date;from;to;reason', '2026-04-01;;;"Umzug; Teil 1"', '2026-04-02;08:00;24:00;"Der ""neue"" Standort"');
    const res = await postCsv(t, path('hattingen'), coordination, file).expect(201);
    expect(res.body).toMatchObject({ kind: 'closures', format: 'csv', rows: 2, inserted: 2 });
    expect((await list('hattingen')).map((c: { from: string | null; to: string | null; reason: string }) => [c.from, c.to, c.reason])).toEqual([
      [null, null, 'Umzug; Teil 1'],
      ['08:00', '24:00', 'Der "neue" Standort'],
    ]);
  });

  it('reads a comma CSV with columns in any order and a quoted comma', async () => {
    const file = 'reason,date,to,from\n"Brand, Evakuierung",2026-04-07,12:00,09:30\n';
    const res = await postCsv(t, path('herdecke'), coordination, file).expect(201);
    expect(res.body).toMatchObject({ format: 'csv', rows: 1, inserted: 1 });
    expect(await list('herdecke')).toEqual([{ id: expect.any(String), date: '2026-04-07', from: '09:30', to: '12:00', reason: 'Brand, Evakuierung' }]);
  });

  it('stores the same file only once when it is sent twice', async () => {
    const file = csv('date;from;to;reason', '2026-05-04;;;Betriebsausflug', '2026-05-05;08:00;10:00;Teamsitzung');
    await postCsv(t, path('wetter'), coordination, file).expect(201);
    const closures = await t.count('closure');
    const imports = await t.count('evidence_import');
    const second = await postCsv(t, path('wetter'), coordination, file).expect(201);
    expect(second.body).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await t.count('closure')).toBe(closures);
    // the repeated import itself is logged
    expect(await t.count('evidence_import')).toBe(imports + 1);
  });

  it('counts a row repeated within one file once', async () => {
    const res = await postJson(t, path('schwelm'), coordination, [
      { date: '2026-05-11', reason: 'Streik' },
      { date: '2026-05-11', reason: 'Streik' },
      { date: '2026-05-12', from: '08:00', to: '09:00', reason: 'Streik' },
    ]).expect(201);
    expect(res.body).toMatchObject({ rows: 3, inserted: 2, updated: 0, unchanged: 1 });
  });

  it('updates the reason of a known closure and says so', async () => {
    await postJson(t, path('ennepetal'), coordination, [{ date: '2026-06-01', from: '08:00', to: '12:00', reason: 'Schulung' }]).expect(201);
    const res = await postJson(t, path('ennepetal'), coordination, [
      { date: '2026-06-01', from: '08:00', to: '12:00', reason: 'Fortbildung Datenschutz' },
      { date: '2026-06-01', reason: 'ganztägig' },
    ]).expect(201);
    expect(res.body).toMatchObject({ rows: 2, inserted: 1, updated: 1, unchanged: 0 });
    expect((await list('ennepetal')).map((c: { reason: string }) => c.reason).sort()).toEqual(['Fortbildung Datenschutz', 'ganztägig']);
  });

  it('rejects a CSV with several bad rows as a whole, listing every error by line and field', async () => {
    const before = { closures: await t.count('closure'), imports: await t.count('evidence_import') };
    const file = csv(
      'date;from;to;reason',
      '2026-07-01;;;in Ordnung',
      '2026-02-30;;;kein Kalendertag',
      '2026-07-02;08:00;;nur Beginn',
      '2026-07-03;12:00;10:00;Ende vor Beginn',
      '2026-07-04;8:00;10:00;',
      '2026-13-03;;;kein Monat 13',
      '2026-07-06;;',
    );
    const res = await postCsv(t, path('gevelsberg'), coordination, file).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.message).toMatch(/nichts gespeichert.*Kopfzeile = Zeile 1/);
    // '8:00' is read as 08:00 (lenient times); line 6 lacks only its reason.
    expect(where(res.body.details)).toEqual(['3:date', '4:to', '5:to', '6:reason', '7:date', '8:']);
    const byWhere = Object.fromEntries(res.body.details.map((d: Detail) => [`${d.line}:${d.field}`, d.message]));
    expect(byWhere['3:date']).toMatch(/JJJJ-MM-TT/);
    expect(byWhere['4:to']).toMatch(/beide Uhrzeiten/);
    expect(byWhere['5:to']).toMatch(/nach dem Beginn \(12:00\)/);
    expect(byWhere['6:reason']).toBe('fehlt');
    expect(byWhere['8:']).toMatch(/3 statt 4 Spalten/);
    expect(await t.count('closure')).toBe(before.closures);
    expect(await t.count('evidence_import')).toBe(before.imports);
  });

  it('numbers JSON errors by the position of the element and names unknown fields', async () => {
    const before = await t.count('closure');
    const res = await postJson(t, path('gevelsberg'), coordination, [
      { date: '2026-07-01', reason: 'ok' },
      { date: '2026-07-02', reason: 'ok', comment: 'zu viel' },
      'kein Objekt',
      { date: '2026-07-03', from: '25:00', to: '26:00', reason: '   ' },
    ]).expect(400);
    expect(res.body.message).toMatch(/Position des Eintrags/);
    expect(where(res.body.details)).toEqual(['2:comment', '3:', '4:from', '4:to', '4:reason']);
    expect(res.body.details[0].message).toMatch(/kein zulässiges Feld; zulässig sind: date, from, to, reason$/);
    expect(await t.count('closure')).toBe(before);
  });

  it('rejects two rows of one file that give the same closure different reasons', async () => {
    const res = await postJson(t, path('gevelsberg'), coordination, [
      { date: '2026-07-10', reason: 'Streik' },
      { date: '2026-07-10', reason: 'Krankheit' },
    ]).expect(400);
    expect(res.body.details).toEqual([{ line: 2, field: 'reason', message: expect.stringMatching(/widerspricht Zeile 1/) }]);
  });

  it('filters the listing by date and rejects a bad filter', async () => {
    await postJson(t, path('breckerfeld'), coordination, ['2026-08-03', '2026-08-04', '2026-08-05'].map((date) => ({ date, reason: 'Urlaubssperre' }))).expect(201);
    expect((await list('breckerfeld', '?from=2026-08-04&to=2026-08-05')).map((c: { date: string }) => c.date)).toEqual(['2026-08-04', '2026-08-05']);
    expect((await list('breckerfeld', '?to=2026-08-03')).map((c: { date: string }) => c.date)).toEqual(['2026-08-03']);
    const bad = await t.http().get(`${path('breckerfeld')}?from=2026-02-30`).set(auth(coordination)).expect(400);
    expect(bad.body.details[0].field).toBe('from');
    const reversed = await t.http().get(`${path('breckerfeld')}?from=2026-08-05&to=2026-08-04`).set(auth(coordination)).expect(400);
    expect(reversed.body.details[0].field).toBe('to');
  });

  describe('authorization', () => {
    it('refuses a regional token for another office on POST and GET, storing nothing', async () => {
      const witten = await t.token('regional', ['witten']);
      const before = { closures: await t.count('closure'), imports: await t.count('evidence_import') };
      const res = await postJson(t, path('hattingen'), witten, [{ date: '2026-09-01', reason: 'fremd' }]).expect(403);
      expect(res.body.error).toBe('forbidden');
      await postCsv(t, path('hattingen'), witten, csv('date;reason', '2026-09-01;fremd')).expect(403);
      await t.http().get(path('hattingen')).set(auth(witten)).expect(403);
      expect(await t.count('closure')).toBe(before.closures);
      expect(await t.count('evidence_import')).toBe(before.imports);
    });

    it('answers 404 for an unknown office', async () => {
      await postJson(t, path('atlantis'), coordination, [{ date: '2026-09-01', reason: 'x' }]).expect(404);
      await t.http().get(path('atlantis')).set(auth(coordination)).expect(404);
    });

    it('needs a token', async () => {
      await t.http().get(path('witten')).expect(401);
    });
  });
});

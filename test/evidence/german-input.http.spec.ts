import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where, type Detail } from './evidence-requests';

/**
 * Offices fill evidence in German spreadsheets (issue 13): German column names and values, German
 * dates and times as the agreement writes them ("8.00 bis 17.00 Uhr"), in CSV and JSON alike.
 */
describe('evidence in German', () => {
  let t: TestApp;
  let coordination: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('reads closures with German headers, German dates and lenient times', async () => {
    const file = '\uFEFF' + csv('Datum;von;bis;Grund', '02.03.2026;8;10.30;Personalversammlung', '3.3.2026;12,30;14:00 Uhr;Schulung', '04.03.2026;;;Betriebsausflug');
    const res = await postCsv(t, evidencePath('witten', 'closures'), coordination, file).expect(201);
    expect(res.body).toMatchObject({ rows: 3, inserted: 3 });
    const list = await t.http().get(`${evidencePath('witten', 'closures')}?from=2026-03-01&to=2026-03-31`).set(auth(coordination)).expect(200);
    expect(list.body.map((c: { date: string; from: string | null; to: string | null }) => [c.date, c.from, c.to])).toEqual([
      ['2026-03-02', '08:00', '10:30'],
      ['2026-03-03', '12:30', '14:00'],
      ['2026-03-04', null, null],
    ]);
  });

  it('reads hotline coverage with German headers, date-times as Excel writes them and "Personal" / "Call Center"', async () => {
    const file = csv('Beginn;Ende;abgedeckt durch', '02.03.2026 08:00;02.03.2026 12:00;Personal', '2.3.2026 12:00;2.3.2026 17:00;Call Center');
    await postCsv(t, evidencePath('hattingen', 'hotline-coverage'), coordination, file).expect(201);
    const list = await t.http().get(`${evidencePath('hattingen', 'hotline-coverage')}?from=2026-03-02&to=2026-03-02`).set(auth(coordination)).expect(200);
    expect(list.body.map((h: { start: string; end: string; coveredBy: string }) => [h.start, h.end, h.coveredBy])).toEqual([
      ['2026-03-02T08:00:00+01:00', '2026-03-02T12:00:00+01:00', 'staff'],
      ['2026-03-02T12:00:00+01:00', '2026-03-02T17:00:00+01:00', 'call_centre'],
    ]);
  });

  it('reads time records with German headers and values, whatever their case and spacing', async () => {
    const file = csv('KÜRZEL;Funktion;datum;Minuten;Tätigkeit', 'vm-1;Arbeitsvermittlung;02.03.2026;240;Unternehmensservice', 'vm-1;arbeitsvermittlung;02.03.2026;240;kundenbetreuung', 'fb-2;Fachberatung;02.03.2026;480;Sonstiges');
    const res = await postCsv(t, evidencePath('herdecke', 'time-records'), coordination, file).expect(201);
    expect(res.body).toMatchObject({ rows: 3, inserted: 3 });
    const rows = await t.dataSource.query(`SELECT staff_ref, role, activity, minutes FROM staff_time_record WHERE office_id = 'herdecke' ORDER BY staff_ref, activity`);
    expect(rows).toEqual([
      { staff_ref: 'fb-2', role: 'specialist_adviser', activity: 'other', minutes: 480 },
      { staff_ref: 'vm-1', role: 'placement_officer', activity: 'employer_service', minutes: 240 },
      { staff_ref: 'vm-1', role: 'placement_officer', activity: 'jobseeker_service', minutes: 240 },
    ]);
  });

  it('takes German keys and values in JSON too', async () => {
    const res = await postJson(t, evidencePath('wetter', 'closures'), coordination, [{ Datum: '05.03.2026', von: '8.00', bis: '9.30', Grund: 'Brandschutzübung' }]).expect(201);
    expect(res.body.inserted).toBe(1);
    const [stored] = await t.dataSource.query(`SELECT date::text, from_minute, to_minute FROM closure WHERE office_id = 'wetter'`);
    expect(stored).toEqual({ date: '2026-03-05', from_minute: 480, to_minute: 570 });
  });

  it('names a bad field as the file wrote it, and a value it cannot read with the German words it accepts', async () => {
    const before = await t.count('closure');
    const file = csv('Datum;von;bis;Grund', '31.02.2026;;;Schaltjahr?', '06.03.2026;8.3;10;unklar', '07.03.2026;9;;nur von');
    const res = await postCsv(t, evidencePath('schwelm', 'closures'), coordination, file).expect(400);
    expect(where(res.body.details)).toEqual(['2:Datum', '3:von', '4:bis']);
    const messages = res.body.details.map((d: Detail) => d.message);
    expect(messages[1]).toMatch(/z\. B\. 8, 8\.30, 08:00 oder 12,30/);
    expect(messages[2]).toMatch(/beide Uhrzeiten \(von und bis\)/);
    const coverage = await postCsv(t, evidencePath('schwelm', 'hotline-coverage'), coordination, csv('Beginn;Ende;abgedeckt durch', '02.03.2026 08:00;02.03.2026 12:00;Praktikant')).expect(400);
    expect(coverage.body.details).toEqual([{ line: 2, field: 'abgedeckt durch', message: 'muss einer dieser Werte sein: Personal, Call Center' }]);
    expect(await t.count('closure')).toBe(before);
  });

  it('refuses a row that names one field twice, in German and in English', async () => {
    const res = await postJson(t, evidencePath('schwelm', 'closures'), coordination, [{ date: '2026-03-09', Datum: '09.03.2026', reason: 'doppelt' }]).expect(400);
    expect(res.body.details).toEqual([{ line: 1, field: 'Datum', message: 'steht doppelt im Eintrag (als „date“ und „Datum“)' }]);
  });

  it('names the missing and allowed columns of a German header in German', async () => {
    const res = await postCsv(t, evidencePath('schwelm', 'closures'), coordination, csv('Datum;von;bis;Anmerkung', '09.03.2026;;;x')).expect(400);
    expect(res.body.details).toEqual([
      { line: 1, field: 'Anmerkung', message: 'ist keine bekannte Spalte; zulässig sind: Datum, von, bis, Grund' },
      { line: 1, field: 'Grund', message: 'Pflichtspalte fehlt in der Kopfzeile' },
    ]);
  });
  describe('a CSV file that is not UTF-8 (Windows-1252 from a German Excel)', () => {
    const post = (path: string, bytes: Buffer) => t.http().post(path).set(auth(coordination)).set('Content-Type', 'text/csv').send(bytes);
    const nothingStored = async () => expect({ closures: await t.count('closure'), timeRecords: await t.count('staff_time_record'), imports: await t.count('evidence_import') }).toEqual(before);
    let before: Record<string, number>;
    beforeEach(async () => {
      before = { closures: await t.count('closure'), timeRecords: await t.count('staff_time_record'), imports: await t.count('evidence_import') };
    });

    it('is refused with a hint to save it as "CSV UTF-8", naming line and column of each cell', async () => {
      const file = Buffer.from('Datum;Grund\r\n09.03.2026;Personalversammlung\r\n10.03.2026;Schlie\xDFung wegen Umbau\r\n', 'latin1');
      const res = await post(evidencePath('breckerfeld', 'closures'), file).expect(400);
      expect(res.body.message).toMatch(/nicht im Format UTF-8 gespeichert.*„CSV UTF-8 \(durch Trennzeichen getrennt\)“/);
      expect(res.body.details).toEqual([{ line: 3, field: 'Grund', message: 'enthält Zeichen, die nicht als UTF-8 lesbar sind („Schlie\uFFFDung wegen Umbau“); bitte die Datei als „CSV UTF-8“ speichern' }]);
      await nothingStored();
    });

    it('names a header with umlauts instead of calling the columns unknown', async () => {
      const file = Buffer.from('K\xFCrzel;Funktion;Datum;Minuten;T\xE4tigkeit\r\nVM-07;Arbeitsvermittlung;02.03.2026;240;Unternehmensservice\r\n', 'latin1');
      const res = await post(evidencePath('breckerfeld', 'time-records'), file).expect(400);
      expect(where(res.body.details)).toEqual(['1:K\uFFFDrzel', '1:T\uFFFDtigkeit']);
      expect(res.body.message).toMatch(/CSV UTF-8/);
      await nothingStored();
    });

    it('is read when its Content-Type names the charset', async () => {
      const file = Buffer.from('Datum;Grund\r\n11.03.2026;Schlie\xDFung\r\n', 'latin1');
      await t.http().post(`${evidencePath('breckerfeld', 'closures')}/preview`).set(auth(coordination)).set('Content-Type', 'text/csv; charset=windows-1252').send(file).expect(200);
    });
  });
});

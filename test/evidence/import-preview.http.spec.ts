import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where } from './evidence-requests';

/** The upload forms preview an import before it is made (issue 13): same validation, nothing written. */
describe('evidence import preview and templates', () => {
  let t: TestApp;
  let coordination: string;
  const preview = (office: string, kind: 'closures' | 'hotline-coverage' | 'time-records') => `${evidencePath(office, kind)}/preview`;
  const stored = async () => ({ closures: await t.count('closure'), hotline: await t.count('hotline_coverage'), time: await t.count('staff_time_record'), imports: await t.count('evidence_import') });

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('shows what a closures file would store, with the counts the import would report, and writes nothing', async () => {
    await postJson(t, evidencePath('witten', 'closures'), coordination, [{ date: '2026-03-02', reason: 'alt' }]).expect(201);
    const before = await stored();
    const file = csv('Datum;von;bis;Grund', '02.03.2026;;;neu', '03.03.2026;8.00;9,30;Schulung', '03.03.2026;08:00;09:30;Schulung');
    const res = await postCsv(t, preview('witten', 'closures'), coordination, file).expect(200);
    expect(res.body).toEqual({
      kind: 'closures',
      format: 'csv',
      rows: 3,
      inserted: 1,
      updated: 1,
      unchanged: 1,
      columns: [
        { field: 'date', label: 'Datum' },
        { field: 'from', label: 'von' },
        { field: 'to', label: 'bis' },
        { field: 'reason', label: 'Grund' },
      ],
      records: [
        { date: '2026-03-02', from: null, to: null, reason: 'neu' },
        { date: '2026-03-03', from: '08:00', to: '09:30', reason: 'Schulung' },
      ],
      total: 2,
    });
    expect(await stored()).toEqual(before);
    const [{ reason }] = await t.dataSource.query(`SELECT reason FROM closure WHERE office_id = 'witten' AND date = '2026-03-02'`);
    expect(reason).toBe('alt');
  });

  it('rejects a bad file exactly as the import would, every error by line and field, and writes nothing', async () => {
    const before = await stored();
    const file = csv('Datum;von;bis;Grund', '02.03.2026;;;ok', '30.02.2026;;;kein Tag', '04.03.2026;9;8;verkehrt');
    const previewed = await postCsv(t, preview('witten', 'closures'), coordination, file).expect(400);
    const imported = await postCsv(t, evidencePath('witten', 'closures'), coordination, file).expect(400);
    expect(where(previewed.body.details)).toEqual(['3:Datum', '4:bis']);
    expect(previewed.body.details).toEqual(imported.body.details);
    expect(await stored()).toEqual(before);
  });

  it('shows hotline coverage with the German words of its codes', async () => {
    const res = await postCsv(t, preview('hattingen', 'hotline-coverage'), coordination, csv('Beginn;Ende;abgedeckt durch', '02.03.2026 08:00;02.03.2026 12:00;Call Center')).expect(200);
    expect(res.body.columns[2]).toEqual({ field: 'coveredBy', label: 'abgedeckt durch', values: { staff: 'Personal', call_centre: 'Call Center' } });
    expect(res.body.records).toEqual([{ start: '2026-03-02T08:00:00+01:00', end: '2026-03-02T12:00:00+01:00', coveredBy: 'call_centre' }]);
    expect(await t.count('hotline_coverage')).toBe(0);
  });

  it('shows time records only as monthly sums, and no sum over fewer than three people (privacy)', async () => {
    const rows = ['vm-1', 'vm-2', 'vm-3'].map((ref) => `${ref};Arbeitsvermittlung;02.03.2026;240;Unternehmensservice`);
    const file = csv('Kürzel;Funktion;Datum;Minuten;Tätigkeit', ...rows, 'fb-1;Fachberatung;02.03.2026;480;Kundenbetreuung');
    const res = await postCsv(t, preview('herdecke', 'time-records'), coordination, file).expect(200);
    expect(res.body.records).toEqual([
      { month: '2026-03', roleGroup: 'other_roles', activity: 'jobseeker_service', recordCount: 1, staffCount: 1, minutes: null },
      { month: '2026-03', roleGroup: 'placement_officer', activity: 'employer_service', recordCount: 3, staffCount: 3, minutes: 720 },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/vm-1|fb-1/);
    expect(await t.count('staff_time_record')).toBe(0);
  });

  it("refuses another office's preview to a regional token", async () => {
    const hattingen = await t.token('regional', ['hattingen']);
    await postCsv(t, preview('witten', 'closures'), hattingen, csv('Datum;Grund', '02.03.2026;x')).expect(403);
  });

  it.each([
    ['closures', 'vorlage-schliessungen.csv', 'Datum;von;bis;Grund'],
    ['hotline-coverage', 'vorlage-hotline-besetzung.csv', 'Beginn;Ende;abgedeckt durch'],
    ['time-records', 'vorlage-zeiterfassung.csv', 'Kürzel;Funktion;Datum;Minuten;Tätigkeit'],
  ] as const)('offers a %s template that the import accepts back as it is', async (kind, name, header) => {
    const res = await t.http().get(`/api/v1/evidence/templates/${kind}`).set(auth(coordination)).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(header);
    await postCsv(t, preview('schwelm', kind), coordination, text).expect(200);
  });

  it('answers an unknown template with a German 404', async () => {
    const res = await t.http().get('/api/v1/evidence/templates/urlaub').set(auth(coordination)).expect(404);
    expect(res.body.message).toMatch(/Eine Vorlage „urlaub“ gibt es nicht/);
  });
});

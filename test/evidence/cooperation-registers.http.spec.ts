import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, postCsv, postJson, where, type Detail } from './evidence-requests';

/** The registers of sections 4.1 and 4.2 (issue 15): team membership, employer assignments, practice meetings. */
describe('registers of the multiplier teams, employer contacts and practice meetings', () => {
  let t: TestApp;
  let coordination: string;
  const teams = (office: string) => `/api/v1/offices/${office}/team-membership`;
  const employers = (office: string) => `/api/v1/offices/${office}/employer-assignments`;
  const meetings = '/api/v1/practice-meetings';

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  describe('team membership (section 4.1)', () => {
    it('stores delegates sent as JSON with an open end and lists them for the office', async () => {
      const token = await t.token('regional', ['witten']);
      const res = await postJson(t, teams('witten'), token, [
        { team: 'placement', delegateRef: 'mt-av-01', from: '2026-01-01', until: '2026-05-31' },
        { team: 'placement', delegateRef: 'mt-av-02', from: '2026-06-01' },
        { team: 'specialist_advice', delegateRef: 'mt-fb-01', from: '2026-01-01' },
      ]).expect(201);
      expect(res.body).toEqual({ importId: expect.any(String), kind: 'team-membership', format: 'json', rows: 3, inserted: 3, updated: 0, unchanged: 0 });
      const list = await t.http().get(teams('witten')).set(auth(token)).expect(200);
      expect(list.body.map((m: { team: string; delegateRef: string; from: string; until: string | null }) => [m.team, m.delegateRef, m.from, m.until])).toEqual([
        ['placement', 'mt-av-01', '2026-01-01', '2026-05-31'],
        ['placement', 'mt-av-02', '2026-06-01', null],
        ['specialist_advice', 'mt-fb-01', '2026-01-01', null],
      ]);
    });

    it('reads a CSV with German headers, German team names and German dates; a repeat stores nothing twice', async () => {
      const file = '\uFEFF' + csv('Team;Kürzel;von;bis', 'Arbeitsvermittlung;mt-av-07;01.01.2026;', 'Fachberatung;mt-fb-07;01.01.2026;30.06.2026');
      expect((await postCsv(t, teams('hattingen'), coordination, file).expect(201)).body).toMatchObject({ format: 'csv', rows: 2, inserted: 2 });
      const before = await t.count('team_membership');
      expect((await postCsv(t, teams('hattingen'), coordination, file).expect(201)).body).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
      expect(await t.count('team_membership')).toBe(before);
      // Another end for the same delegate, team and start is a correction.
      const corrected = csv('Team;Kürzel;von;bis', 'Fachberatung;mt-fb-07;01.01.2026;31.07.2026');
      expect((await postCsv(t, teams('hattingen'), coordination, corrected).expect(201)).body).toMatchObject({ inserted: 0, updated: 1 });
    });

    it('refuses another office with 403 and writes nothing', async () => {
      const token = await t.token('regional', ['witten']);
      const before = await t.count('team_membership');
      await postJson(t, teams('herdecke'), token, [{ team: 'placement', delegateRef: 'x', from: '2026-01-01' }]).expect(403);
      await t.http().get(teams('herdecke')).set(auth(token)).expect(403);
      expect(await t.count('team_membership')).toBe(before);
    });

    it('names every bad row by line and field (German header → German field names) and writes nothing', async () => {
      const before = [await t.count('team_membership'), await t.count('evidence_import')];
      const file = csv(
        'Team;Kürzel;von;bis',
        'Arbeitsvermittlung;mt-ok;01.01.2026;',
        'Vorstand;mt-x;01.01.2026;',
        'Fachberatung;Erika Mustermann;01.01.2026;',
        'Fachberatung;mt-y;01.03.2026;28.02.2026',
        'Fachberatung;mt-z;31.02.2026;',
      );
      const res = await postCsv(t, teams('schwelm'), coordination, file).expect(400);
      expect(where(res.body.details as Detail[])).toEqual(['3:Team', '4:Kürzel', '5:bis', '6:von']);
      expect((res.body.details as Detail[])[0].message).toContain('Arbeitsvermittlung, Fachberatung');
      expect([await t.count('team_membership'), await t.count('evidence_import')]).toEqual(before);
    });
  });

  describe('employer assignments (section 4.2)', () => {
    it('stores assignments as JSON and CSV with German headers; a repeat is idempotent', async () => {
      const json = await postJson(t, employers('witten'), coordination, [
        { employerRef: 'U-0001', contactRef: 'vm-01', contactRole: 'placement', from: '2026-01-01' },
        { employerRef: 'U-0002', contactRef: 'fb-01', contactRole: 'specialist_advice', from: '2026-01-01', until: '2026-03-31' },
      ]).expect(201);
      expect(json.body).toMatchObject({ kind: 'employer-assignments', format: 'json', rows: 2, inserted: 2 });
      const file = csv('Unternehmen;Ansprechperson;Funktion;von;bis', 'U-0003;vm-02;Arbeitsvermittlung;02.01.2026;', 'U-0004;vm-02;Sonstige;02.01.2026;30.06.2026');
      expect((await postCsv(t, employers('witten'), coordination, file).expect(201)).body).toMatchObject({ format: 'csv', rows: 2, inserted: 2 });
      expect((await postCsv(t, employers('witten'), coordination, file).expect(201)).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      const list = await t.http().get(`${employers('witten')}?from=2026-04-01`).set(auth(coordination)).expect(200);
      expect(list.body.map((a: { employerRef: string; contactRole: string }) => [a.employerRef, a.contactRole])).toEqual([
        ['U-0001', 'placement'],
        ['U-0003', 'placement'],
        ['U-0004', 'other'],
      ]);
    });

    it('refuses another office with 403', async () => {
      const token = await t.token('regional', ['witten']);
      await postJson(t, employers('wetter'), token, [{ employerRef: 'U-1', contactRef: 'vm-1', contactRole: 'placement', from: '2026-01-01' }]).expect(403);
      await t.http().get(employers('wetter')).set(auth(token)).expect(403);
    });

    it('names bad rows by line and field, including a company name and a row that contradicts another, and writes nothing', async () => {
      const before = await t.count('employer_assignment');
      const res = await postJson(t, employers('wetter'), coordination, [
        { employerRef: 'Müller GmbH', contactRef: 'vm-1', contactRole: 'placement', from: '2026-01-01' },
        { employerRef: 'U-1', contactRef: 'vm-1', contactRole: 'Chef', from: '2026-01-01' },
        { employerRef: 'U-2', contactRef: 'vm-1', contactRole: 'placement', from: '2026-01-01', until: '2026-06-30' },
        { employerRef: 'U-2', contactRef: 'vm-1', contactRole: 'placement', from: '2026-01-01', until: '2026-07-31' },
        { employerRef: 'U-3', contactRef: 'vm-1', contactRole: 'placement' },
      ]).expect(400);
      expect(where(res.body.details as Detail[])).toEqual(['1:employerRef', '2:contactRole', '4:until', '5:from']);
      expect(await t.count('employer_assignment')).toBe(before);
    });
  });

  describe('practice meetings (section 4.1, kept by the coordination office)', () => {
    it('stores meetings as JSON lists and as CSV cells with ";" inside, by office id or name', async () => {
      const json = await postJson(t, meetings, coordination, [
        { date: '2026-03-10', audience: 'placement', invited: ['witten', 'hattingen', 'Wetter (Ruhr)'], attended: ['witten'] },
      ]).expect(201);
      expect(json.body).toMatchObject({ kind: 'practice-meetings', format: 'json', rows: 1, inserted: 1 });
      const file = '\uFEFF' + csv('Datum;Zielgruppe;eingeladene Regionalstellen;teilnehmende Regionalstellen', '09.06.2026;Fachberatung;"witten; herdecke, Schwelm";', '10.03.2026;Arbeitsvermittlung;"witten; hattingen; wetter";witten');
      expect((await postCsv(t, meetings, coordination, file).expect(201)).body).toMatchObject({ format: 'csv', rows: 2, inserted: 1, updated: 0, unchanged: 1 });
      const [imported] = await t.dataSource.query(`SELECT office_id, kind FROM evidence_import WHERE kind = 'practice-meetings' ORDER BY created_at DESC LIMIT 1`);
      expect(imported).toEqual({ office_id: null, kind: 'practice-meetings' });
      const list = await t.http().get(meetings).set(auth(coordination)).expect(200);
      expect(list.body.map((m: { date: string; audience: string; invited: string[]; attended: string[] }) => [m.date, m.audience, m.invited, m.attended])).toEqual([
        ['2026-03-10', 'placement', ['hattingen', 'wetter', 'witten'], ['witten']],
        ['2026-06-09', 'specialist_advice', ['herdecke', 'schwelm', 'witten'], []],
      ]);
    });

    it('is the coordination office\'s alone: a regional token gets 403 and nothing is written', async () => {
      const token = await t.token('regional', ['witten']);
      const before = await t.count('practice_meeting');
      await postJson(t, meetings, token, [{ date: '2026-04-01', audience: 'placement', invited: ['witten'] }]).expect(403);
      await postJson(t, `${meetings}/preview`, token, [{ date: '2026-04-01', audience: 'placement', invited: ['witten'] }]).expect(403);
      await t.http().get(meetings).set(auth(token)).expect(403);
      expect(await t.count('practice_meeting')).toBe(before);
    });

    it('names unknown offices, uninvited attendance and missing lists by line and field, and writes nothing', async () => {
      const before = [await t.count('practice_meeting'), await t.count('evidence_import')];
      const file = csv(
        'Datum;Zielgruppe;eingeladene Regionalstellen;teilnehmende Regionalstellen',
        '01.04.2026;Arbeitsvermittlung;"witten; Bochum";',
        '02.04.2026;Fachberatung;witten;hattingen',
        '03.04.2026;Fachberatung;;',
        '04.04.2026;Leitung;witten;',
      );
      const res = await postCsv(t, meetings, coordination, file).expect(400);
      expect(where(res.body.details as Detail[])).toEqual(['2:eingeladene Regionalstellen', '3:teilnehmende Regionalstellen', '4:eingeladene Regionalstellen', '5:Zielgruppe']);
      expect((res.body.details as Detail[])[0].message).toContain('„Bochum“');
      expect([await t.count('practice_meeting'), await t.count('evidence_import')]).toEqual(before);
    });

    it('previews without writing', async () => {
      const before = await t.count('practice_meeting');
      const res = await postJson(t, `${meetings}/preview`, coordination, [{ date: '2026-05-05', audience: 'placement', invited: ['witten'] }]).expect(200);
      expect(res.body).toMatchObject({ kind: 'practice-meetings', inserted: 1, records: [{ date: '2026-05-05', audience: 'placement', invited: 'Witten', attended: '' }] });
      expect(await t.count('practice_meeting')).toBe(before);
    });
  });

  it('offers each register as a German CSV template that imports back as it is', async () => {
    for (const [kind, path] of [
      ['team-membership', teams('gevelsberg')],
      ['employer-assignments', employers('gevelsberg')],
      ['practice-meetings', meetings],
    ] as const) {
      const res = await t.http().get(`/api/v1/evidence/templates/${kind}`).set(auth(coordination)).expect(200);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="vorlage-/);
      const template = res.text;
      expect(template.startsWith('\uFEFF')).toBe(true);
      await postCsv(t, path, coordination, template).expect(201);
    }
    const meetingsTemplate = (await t.http().get('/api/v1/evidence/templates/practice-meetings').set(auth(coordination))).text;
    expect(meetingsTemplate.split('\r\n')[0]).toBe('\uFEFFDatum;Zielgruppe;eingeladene Regionalstellen;teilnehmende Regionalstellen');
  });
});

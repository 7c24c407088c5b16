import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, auth, day, openStaffRound, staffAnswer } from './survey-fixtures';

describe('survey rounds and one-time codes (HTTP)', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
  });
  afterAll(() => t?.close());

  it('lists the questionnaires with the survey vocabulary', async () => {
    const res = await t.http().get('/api/v1/surveys/questionnaires').set(auth(witten)).expect(200);
    expect(res.body.questionnaires.map((q: { id: string }) => q.id).sort()).toEqual(['kundinnen-und-kunden', 'mitarbeitende', 'selbstbewertung-beispiel']);
    expect(res.body.vocabulary.audiences.staff).toBe('Mitarbeiterinnen und Mitarbeiter');
  });

  it('opens a staff round with one-time codes per office, shown once and stored only as hashes', async () => {
    const { round, codes } = await openStaffRound(t, coordination);
    expect(round).toMatchObject({ status: 'running', answeredBy: 'code', minimumGroupSize: 5, resultsAvailable: false });
    expect(Object.keys(codes).sort()).toEqual(['hattingen', 'witten']);
    expect(codes.witten).toHaveLength(8);
    expect(new Set([...codes.witten, ...codes.hattingen]).size).toBe(16);
    const stored: Array<{ code_hash: string }> = await t.dataSource.query('SELECT code_hash FROM survey_code WHERE round_id = $1', [round.id]);
    expect(stored).toHaveLength(16);
    const plain = codes.witten[0].replace(/-/g, '');
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash) && !r.code_hash.includes(plain))).toBe(true);
    const show = await t.http().get(`/api/v1/surveys/rounds/${round.id}`).set(auth(coordination)).expect(200);
    expect(JSON.stringify(show.body)).not.toContain(codes.witten[0]);
    expect(show.body.offices.find((o: { officeId: string }) => o.officeId === 'witten')).toMatchObject({ codesIssued: 8, answers: null, belowMinimum: true });
  });

  it('accepts one answer per code and refuses the second use with 409, writing nothing', async () => {
    const { round, codes } = await openStaffRound(t, coordination);
    const code = codes.witten[0];
    const check = await t.http().post('/api/v1/public/surveys/codes/check').send({ code: code.toLowerCase() }).expect(200);
    expect(check.body).toMatchObject({ officeName: 'Witten', questionnaire: { id: 'mitarbeitende' } });
    const first = await answerWithCode(t, code, staffAnswer({ aufgaben: [4, 5] }, 'Mehr Zeit'));
    expect(first.status).toBe(201);
    expect(first.body.message).toContain('Vielen Dank');
    const before = await t.count('survey_answer');
    const second = await answerWithCode(t, code, staffAnswer({ aufgaben: [1, 1] }));
    expect(second.status).toBe(409);
    expect(second.body.message).toBe('Dieser Code wurde bereits verwendet. Jeder Code gilt nur für eine Antwort.');
    expect(await t.count('survey_answer')).toBe(before);
    await t.http().post('/api/v1/public/surveys/codes/check').send({ code }).expect(409);
    const [row] = await t.dataSource.query('SELECT ratings, importance, comments, answered_on FROM survey_answer WHERE round_id = $1', [round.id]);
    expect(row).toEqual({ ratings: { 'aufgaben-klar': 4, 'aufgaben-sinnvoll': 4, 'aufgaben-menge': 4 }, importance: { 'aufgaben-klar': 5, 'aufgaben-sinnvoll': 5, 'aufgaben-menge': 5 }, comments: { 'gesamt-anregungen': 'Mehr Zeit' }, answered_on: day() });
  });

  it('refuses a bad answer with 400 naming the field, and the code stays unused', async () => {
    const { codes } = await openStaffRound(t, coordination);
    const code = codes.witten[1];
    const before = await t.count('survey_answer');
    const cases: Array<[object, string]> = [
      [{ ratings: { 'aufgaben-klar': 6 } }, 'ratings.aufgaben-klar'],
      [{ ratings: { 'aufgaben-klar': 2.5 } }, 'ratings.aufgaben-klar'],
      [{ ratings: { unbekannt: 3 } }, 'ratings.unbekannt'],
      // class-transformer drops "constructor" and "__proto__" keys: what is left is an empty answer.
      [{ ratings: { constructor: 2 } }, 'ratings'],
      [{ importance: { 'gesamt-zufriedenheit': 3 } }, 'importance.gesamt-zufriedenheit'],
      [{ comments: { 'gesamt-anregungen': 'x'.repeat(1001) } }, 'comments.gesamt-anregungen'],
      [{ comments: { 'gesamt-anregungen': 5 } }, 'comments.gesamt-anregungen'],
      [{ ratings: [3, 4] }, 'ratings'],
      [{}, 'ratings'],
      [{ ratings: { 'aufgaben-klar': 3 }, extra: true }, 'extra'],
    ];
    for (const [answer, field] of cases) {
      const res = await answerWithCode(t, code, answer);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect({ field, details: res.body.details.map((d: { field: string }) => d.field) }).toEqual({ field, details: expect.arrayContaining([field]) });
    }
    expect(await t.count('survey_answer')).toBe(before);
    await answerWithCode(t, code, { ratings: { 'aufgaben-klar': 3 } }).then((r) => expect(r.status).toBe(201));
  });

  it('tells unknown and malformed codes apart from used ones', async () => {
    const unknown = await answerWithCode(t, 'ABCD-EFGH-JKMNP', { ratings: { 'aufgaben-klar': 3 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Diesen Code gibt es nicht. Bitte prüfen Sie die Eingabe.');
    const malformed = await answerWithCode(t, 'ABC', { ratings: { 'aufgaben-klar': 3 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].field).toBe('code');
  });

  it('accepts answers only within the period', async () => {
    const planned = await openStaffRound(t, coordination, { from: day(3), to: day(10) });
    const early = await answerWithCode(t, planned.codes.witten[0], { ratings: { 'aufgaben-klar': 3 } });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^Die Befragung beginnt erst am \d\d\.\d\d\.\d{4}\.$/);
    const running = await openStaffRound(t, coordination);
    await t.http().post(`/api/v1/surveys/rounds/${running.round.id}/close`).set(auth(coordination)).send({}).expect(200);
    const late = await answerWithCode(t, running.codes.witten[0], { ratings: { 'aufgaben-klar': 3 } });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('Die Befragung ist beendet');
    await t.http().post(`/api/v1/surveys/rounds/${running.round.id}/close`).set(auth(coordination)).send({}).expect(409);
  });

  it('refuses to open a round with bad input and writes nothing', async () => {
    const rounds = await t.count('survey_round');
    const codes = await t.count('survey_code');
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ questionnaireId: 'gibt-es-nicht' }, 'questionnaireId'],
      [{ offices: ['witten', 'atlantis'] }, 'offices[1]'],
      [{ offices: [] }, 'offices'],
      [{ offices: ['witten', 'witten'] }, 'offices'],
      [{ from: day(5), to: day(1) }, 'to'],
      [{ from: day(-10), to: day(-1) }, 'to'],
      [{ to: '2026-02-30' }, 'to'],
      [{ codesPerOffice: undefined }, 'codesPerOffice'],
      [{ codesPerOffice: 3 }, 'codesPerOffice'],
      [{ codesPerOffice: 5000 }, 'codesPerOffice'],
      [{ minimumGroupSize: 2 }, 'minimumGroupSize'],
      [{ questionnaireId: 'kundinnen-und-kunden' }, 'codesPerOffice'],
      [{ color: 'blau' }, 'color'],
    ];
    for (const [override, field] of bad) {
      const res = await t.http().post('/api/v1/surveys/rounds').set(auth(coordination)).send({ questionnaireId: 'mitarbeitende', offices: ['witten'], from: day(), to: day(14), codesPerOffice: 8, ...override });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await t.count('survey_round')).toBe(rounds);
    expect(await t.count('survey_code')).toBe(codes);
  });

  it('refuses a title with hidden characters (shown on the public form and the poster), with the message office names get, writing nothing', async () => {
    const rounds = await t.count('survey_round');
    for (const title of ['Befragung \u202Eneddoh', 'Mitarbeiter\u200Bbefragung', '\u2066Befragung\u2069', 'Befragung\u0007', 'Befragung\uFEFF2026']) {
      const res = await t.http().post('/api/v1/surveys/rounds').set(auth(coordination)).send({ questionnaireId: 'mitarbeitende', offices: ['witten'], from: day(), to: day(14), codesPerOffice: 8, title });
      expect({ title, status: res.status, details: res.body.details }).toEqual({ title, status: 400, details: [{ field: 'title', message: 'darf keine Steuerzeichen und keine unsichtbaren Zeichen (zur Schreibrichtung oder ohne Breite) enthalten' }] });
    }
    expect(await t.count('survey_round')).toBe(rounds);
    const plain = await openStaffRound(t, coordination, { title: 'Mitarbeiterbefragung Herbst – Süd (2026)' });
    expect(plain.round).toMatchObject({ title: 'Mitarbeiterbefragung Herbst – Süd (2026)' });
  });

  it('lets only the coordination office open, close and issue codes; a regional office sees only rounds of its own offices', async () => {
    await t.http().post('/api/v1/surveys/rounds').set(auth(witten)).send({ questionnaireId: 'mitarbeitende', offices: ['witten'], from: day(), to: day(7), codesPerOffice: 8 }).expect(403);
    const hattingenOnly = await openStaffRound(t, coordination, { offices: ['hattingen'] });
    const both = await openStaffRound(t, coordination);
    await t.http().post(`/api/v1/surveys/rounds/${both.round.id}/close`).set(auth(witten)).send({}).expect(403);
    await t.http().post(`/api/v1/surveys/rounds/${both.round.id}/codes`).set(auth(witten)).send({ officeId: 'witten', count: 3 }).expect(403);
    await t.http().get(`/api/v1/surveys/rounds/${hattingenOnly.round.id}`).set(auth(witten)).expect(403);
    const list = await t.http().get('/api/v1/surveys/rounds').set(auth(witten)).expect(200);
    expect(list.body.map((r: { id: string }) => r.id)).not.toContain(hattingenOnly.round.id);
    const mine = list.body.find((r: { id: string }) => r.id === both.round.id);
    expect(mine.offices.map((o: { officeId: string }) => o.officeId)).toEqual(['witten']);
    await t.http().get('/api/v1/surveys/rounds/not-a-uuid').set(auth(coordination)).expect(404);
  });

  it('issues more codes for an office, as JSON or CSV for a German Excel', async () => {
    const { round } = await openStaffRound(t, coordination);
    const json = await t.http().post(`/api/v1/surveys/rounds/${round.id}/codes`).set(auth(coordination)).send({ officeId: 'witten', count: 3 }).expect(201);
    expect(json.body).toMatchObject({ officeId: 'witten', officeName: 'Witten' });
    expect(json.body.codes).toHaveLength(3);
    const csv = await t.http().post(`/api/v1/surveys/rounds/${round.id}/codes?format=csv`).set(auth(coordination)).send({ officeId: 'witten', count: 2 }).expect(201);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Regionalstelle;Befragung;Code;Adresse zum Antworten');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Witten;.*;[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5};http:\/\/127\.0\.0\.1:\d+\/teilnahme$/);
    await t.http().post(`/api/v1/surveys/rounds/${round.id}/codes`).set(auth(coordination)).send({ officeId: 'herdecke', count: 2 }).expect(400);
    const answered = await answerWithCode(t, json.body.codes[0], { ratings: { 'aufgaben-klar': 2 } });
    expect(answered.status).toBe(201);
  });

  it('writes a formula-like round title into the codes CSV as text, so a spreadsheet does not run it', async () => {
    const title = '=HYPERLINK("http://evil.example","Hier klicken")';
    const { round } = await openStaffRound(t, coordination, { title });
    const csv = await t.http().post(`/api/v1/surveys/rounds/${round.id}/codes?format=csv`).set(auth(coordination)).send({ officeId: 'witten', count: 1 }).expect(201);
    const [, line] = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    // The apostrophe makes Excel show the text; the quotes inside are doubled as CSV requires.
    expect(line.split(';')[1]).toBe('"\'=HYPERLINK(""http://evil.example"",""Hier klicken"")"');
  });
});

import { PER_CLIENT } from '../../src/surveys/public-rate-limit.guard';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth, closeRound, day } from './survey-fixtures';

/** Customers answer through a public link per office: no token, one answer per opened form, no results. */
describe('public customer link (HTTP)', () => {
  let t: TestApp;
  let coordination: string;
  let roundId: string;
  let key: string;

  const openForm = (k = key) => t.http().post(`/api/v1/public/surveys/links/${k}/form`).send({});
  const answer = (body: object, k = key) => t.http().post(`/api/v1/public/surveys/links/${k}/answers`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    const res = await t.http().post('/api/v1/surveys/rounds').set(auth(coordination)).send({ questionnaireId: 'kundinnen-und-kunden', offices: ['witten', 'hattingen'], from: day(), to: day(20) }).expect(201);
    expect(res.body.codes).toEqual({});
    roundId = res.body.round.id;
    const witten = res.body.round.offices.find((o: { officeId: string }) => o.officeId === 'witten');
    expect(witten.linkPath).toMatch(/^\/befragung\/[A-Za-z0-9_-]{22}$/);
    key = witten.linkPath.split('/').pop();
  });
  afterAll(() => t?.close());

  it('opens the form without a token: questionnaire and a ballot, no figures', async () => {
    const res = await openForm().expect(200);
    expect(res.body).toMatchObject({ officeName: 'Witten', questionnaire: { id: 'kundinnen-und-kunden', audience: 'customers' } });
    expect(typeof res.body.ballot).toBe('string');
    expect(Object.keys(res.body).sort()).toEqual(['ballot', 'from', 'officeName', 'questionnaire', 'roundTitle', 'to']);
  });

  it('answers once per opened form: the same ballot again is refused with 409 and writes nothing', async () => {
    const { ballot } = (await openForm().expect(200)).body;
    const res = await answer({ ballot, ratings: { 'beratung-freundlich': 5 }, importance: { 'beratung-verstaendlich': 4 }, comments: { 'ergebnis-vorschlag': 'Alles gut' } });
    expect(res.status).toBe(201);
    const before = await t.count('survey_answer');
    const again = await answer({ ballot, ratings: { 'beratung-freundlich': 1 } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Dieses Formular wurde bereits abgeschickt oder ist abgelaufen. Bitte öffnen Sie die Befragung neu.');
    expect(await t.count('survey_answer')).toBe(before);
    const forged = await answer({ ballot: 'erfunden-erfunden-erfunden', ratings: { 'beratung-freundlich': 1 } });
    expect(forged.status).toBe(409);
    const [row] = await t.dataSource.query("SELECT office_id, answered_on FROM survey_answer WHERE round_id = $1", [roundId]);
    expect(row).toEqual({ office_id: 'witten', answered_on: day() });
  });

  it('cannot read results: no public route answers figures, and a link key is no token', async () => {
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/results`).expect(401);
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/results`).set('Authorization', `Bearer ${key}`).expect(401);
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/export`).expect(401);
    await t.http().get(`/api/v1/public/surveys/links/${key}/results`).expect(404);
    await t.http().get(`/api/v1/public/surveys/links/${key}/form`).expect(404);
  });

  it('refuses an unknown link, and answers after the end', async () => {
    const unknown = await openForm('AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Diesen Befragungslink gibt es nicht.');
    await openForm('../../etc').expect(404);
    const other = await t.http().post('/api/v1/surveys/rounds').set(auth(coordination)).send({ questionnaireId: 'kundinnen-und-kunden', offices: ['witten'], from: day(), to: day(3) }).expect(201);
    const otherKey = other.body.round.offices[0].linkPath.split('/').pop();
    const { ballot } = (await openForm(otherKey).expect(200)).body;
    await closeRound(t, coordination, other.body.round.id);
    const late = await answer({ ballot, ratings: { 'beratung-freundlich': 5 } }, otherKey);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('Die Befragung ist beendet');
  });

  it('validates strictly and never answers 500 to hostile input', async () => {
    const before = await t.count('survey_answer');
    const { ballot } = (await openForm().expect(200)).body;
    const hostile: unknown[] = [
      { ballot, ratings: { 'beratung-freundlich': 5 }, officeId: 'hattingen' },
      { ballot, ratings: { 'beratung-freundlich': '5' } },
      { ballot, ratings: { 'beratung-freundlich': 1e308 } },
      { ballot, ratings: { 'beratung-freundlich': -1 } },
      { ballot, ratings: { 'beratung-freundlich': { $gt: 0 } } },
      { ballot, ratings: 'alles gut' },
      { ballot, importance: { 'beratung-freundlich': 3 } },
      { ballot, comments: { 'ergebnis-vorschlag': 'x'.repeat(501) } },
      { ballot, comments: { 'ergebnis-vorschlag': ['a'] } },
      { ballot: 12345, ratings: { 'beratung-freundlich': 5 } },
      { ballot: 'x'.repeat(65), ratings: { 'beratung-freundlich': 5 } },
      { ratings: { 'beratung-freundlich': 5 } },
      [1, 2, 3],
      'kein json',
      { ballot, ratings: { 'beratung-freundlich\u0000': 5 } },
    ];
    for (const body of hostile) {
      const req = t.http().post(`/api/v1/public/surveys/links/${key}/answers`);
      const res = typeof body === 'string' ? await req.set('Content-Type', 'application/json').send(body) : await req.send(body as object);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toMatch(/[äöüÄÖÜß]|ungültig|Anfrage/);
    }
    const big = await t.http().post(`/api/v1/public/surveys/links/${key}/answers`).send({ ballot, comments: { 'ergebnis-vorschlag': 'x'.repeat(40_000) } });
    expect(big.status).toBe(413);
    expect(await t.count('survey_answer')).toBe(before);
    // The ballot was not used up by the refused requests.
    await answer({ ballot, ratings: { 'beratung-freundlich': 4 } }).expect(201);
  });

  it('serves the QR code of an office link to the coordination office and that office only', async () => {
    const svg = await t.http().get(`/api/v1/surveys/rounds/${roundId}/offices/witten/qr.svg`).set(auth(coordination)).expect(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(String(svg.body ?? svg.text)).toContain('<svg');
    const witten = await t.token('regional', ['witten']);
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/offices/witten/qr.svg`).set(auth(witten)).expect(200);
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/offices/hattingen/qr.svg`).set(auth(witten)).expect(403);
    await t.http().get(`/api/v1/surveys/rounds/${roundId}/offices/wetter/qr.svg`).set(auth(coordination)).expect(404);
  });

  it('limits the requests of one client per link, with a German 429 and Retry-After', async () => {
    const probe = 'ratelimitprobe0000000';
    for (let k = 0; k < PER_CLIENT; k++) {
      const res = await t.http().post(`/api/v1/public/surveys/links/${probe}/answers`).send({});
      expect(res.status).not.toBe(429);
    }
    const limited = await t.http().post(`/api/v1/public/surveys/links/${probe}/answers`).send({});
    expect(limited.status).toBe(429);
    expect(limited.body.message).toContain('Zu viele Anfragen');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another link is counted on its own.
    await openForm().expect(200);
  });
});

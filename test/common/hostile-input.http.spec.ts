import { gzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config/app-config';
import { startTestApp, type TestApp } from '../support/test-app';

/** Inputs a client can send that once reached the database or a library unchecked: each must be a clear 4xx, never a 500. */
describe('hostile input', () => {
  let t: TestApp;
  let coordination: string;
  const auth = () => ({ Authorization: `Bearer ${coordination}` });

  beforeAll(async () => {
    t = await startTestApp({ cliSecret: 'a-secret-of-this-instance-that-is-43-chars!' });
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('refuses a NUL character in a body, a query and a path, writing nothing', async () => {
    const before = await t.count('office');
    const body = await t.http().patch('/api/v1/offices/witten').set(auth()).send({ name: 'Witten\u0000' });
    expect(body.status).toBe(400);
    expect(body.body.details).toEqual([{ field: 'name', message: 'enthält ein unzulässiges Steuerzeichen (NUL)' }]);
    expect((await t.http().get('/api/v1/deviations?ruleId=%00').set(auth())).status).toBe(400);
    expect((await t.http().get('/api/v1/offices/%00').set(auth())).status).toBe(400);
    expect(await t.count('office')).toBe(before);
    const [{ name }] = await t.dataSource.query(`SELECT name FROM office WHERE id = 'witten'`);
    expect(name).toBe('Witten');
  });

  it.each([
    ['a JSON list', 'application/json', '[]'],
    ['a JSON list of objects', 'application/json', '[{"note":"x"}]'],
  ])('says in German that a body must be an object when it is %s', async (_label, type, body) => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/api/v1/actions/${id}/done`, `/api/v1/deviations/${id}/consent`]) {
      const res = await t.http().post(path).set(auth()).set('Content-Type', type).send(body);
      expect({ path, status: res.status, details: res.body.details }).toEqual({ path, status: 400, details: [{ field: '', message: 'Der Inhalt der Anfrage muss ein JSON-Objekt sein.' }] });
    }
  });

  it('names an unsupported content encoding (compression) as such, not as a character set', async () => {
    const res = await t.http().post('/api/v1/offices/witten/closures').set(auth()).set('Content-Type', 'application/json').set('Content-Encoding', 'xyz').send('[]');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: 'unsupported_media_type', message: 'Die Kompression des Inhalts (Content-Encoding: xyz) wird nicht unterstützt; bitte unkomprimiert oder mit gzip, deflate oder br senden.' });
    const charset = await t.http().post('/api/v1/offices/witten/closures').set(auth()).set('Content-Type', 'application/json; charset=klingonisch').send('[]');
    expect(charset.body.message).toBe('Diese Zeichenkodierung wird nicht unterstützt; bitte UTF-8 verwenden.');
  });

  it.each(['br', 'gzip', 'deflate'])('says that a body declared as %s cannot be unpacked when it is not compressed', async (encoding) => {
    const res = await t.http().post('/api/v1/offices/witten/closures').set(auth()).set('Content-Type', 'application/json').set('Content-Encoding', encoding).send('[{"date":"2026-03-02","reason":"x"}]');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`Der Inhalt lässt sich nicht entpacken, obwohl er als komprimiert angekündigt ist (Content-Encoding: ${encoding}); bitte unkomprimiert ohne Content-Encoding oder richtig komprimiert senden.`);
    expect(await t.count('closure')).toBe(0);
  });

  it('takes a body that is really compressed', async () => {
    const body = gzipSync(JSON.stringify([{ date: '2026-03-02', reason: 'x' }]));
    // superagent would send a Buffer under application/json as JSON of the Buffer; it goes as it is.
    const asIs = (b: unknown) => b as string;
    const res = await t.http().post('/api/v1/offices/witten/closures/preview').set(auth()).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize(asIs).send(body);
    expect(res.status).toBe(200);
  });

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'officeId=witten&ruleId=opening.weekly-minimum'],
    ['a multipart form', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="officeId"\r\n\r\nwitten\r\n--x--\r\n'],
    ['JSON:API', 'application/vnd.api+json', '{"officeId":"witten"}'],
    ['plain text', 'text/plain', 'garbage'],
    ['a body without a type', '', '{"officeId":"witten"}'],
  ])('answers %s sent to a JSON route with 415, not with missing fields, writing nothing', async (_label, type, body) => {
    const before = await t.count('deviation');
    const req = t.http().post('/api/v1/deviations').set(auth()).serialize((b: string) => b);
    // superagent gives a text body a form type unless one is set; it is taken off again after send().
    const res = await (type ? req.set('Content-Type', type).send(body) : req.send(body).unset('Content-Type'));
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: 'unsupported_media_type', details: [] });
    expect(res.body.message).toBe(`Dieses Datenformat (${type.split(';')[0] || 'ohne Content-Type'}) wird nicht angenommen. Bitte JSON (Content-Type: application/json) senden.`);
    expect(await t.count('deviation')).toBe(before);
  });

  it('still takes JSON with a charset, and a command without a body', async () => {
    const json = await t.http().post('/api/v1/deviations').set(auth()).set('Content-Type', 'application/json; charset=utf-8').send('{}');
    expect(json.status).toBe(400);
    expect(json.body.details).toContainEqual({ field: 'officeId', message: expect.any(String) });
    // ActionNoteDto has no required field: an empty POST reaches the action (which does not exist).
    const empty = await t.http().post('/api/v1/actions/00000000-0000-4000-8000-000000000000/done').set(auth());
    expect(empty.status).toBe(404);
  });

  it('refuses a lone UTF-16 surrogate in a JSON body with its field instead of storing U+FFFD', async () => {
    const office = await t.http().patch('/api/v1/offices/witten').set(auth()).send({ name: 'Wit\ud800ten' });
    expect(office.status).toBe(400);
    expect(office.body.details).toEqual([{ field: 'name', message: expect.stringMatching(/unvollständiges Unicode-Zeichen/) }]);
    const [{ name }] = await t.dataSource.query(`SELECT name FROM office WHERE id = 'witten'`);
    expect(name).toBe('Witten');
    const comment = await t.http().post('/api/v1/actions/00000000-0000-4000-8000-000000000000/comment').set(auth()).send({ note: 'a\ud800b' });
    expect(comment.status).toBe(400);
    expect(comment.body.details).toEqual([{ field: 'note', message: expect.stringMatching(/unvollständiges Unicode-Zeichen/) }]);
  });

  it.each([
    ['CSV with a NUL character', 'text/csv', 'date;reason\n2026-03-02;x\n2026-03-03;Per\u0000sonalversammlung\n', { line: 3, field: 'reason' }, /NUL/],
    ['CSV with German column names', 'text/csv', 'Datum;Grund\n03.03.2026;Per\u0000sonalversammlung\n', { line: 2, field: 'Grund' }, /NUL/],
    ['JSON with a NUL character', 'application/json', JSON.stringify([{ date: '2026-05-05', reason: 'bad\u0000nul' }]), { line: 1, field: 'reason' }, /NUL/],
    ['JSON with a lone surrogate', 'application/json', JSON.stringify([{ date: '2026-05-04', reason: 'ok' }, { date: '2026-05-05', reason: 'a\ud800b' }]), { line: 2, field: 'reason' }, /unvollständiges Unicode-Zeichen/],
  ])('lists a text that cannot be stored in an import (%s) as a row error and stores nothing', async (_label, type, body, where, message) => {
    const res = await t.http().post('/api/v1/offices/witten/closures').set(auth()).set('Content-Type', type).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ ...where, message: expect.stringMatching(message) }]);
    expect(res.body.message).toMatch(/es wurde nichts gespeichert/);
    expect(await t.count('closure')).toBe(0);
    expect(await t.count('evidence_import')).toBe(0);
  });

  it.each([
    ['GET', '/api/v1/offices/witten/compliance?week=1899-W10', undefined],
    ['GET', '/api/v1/offices/witten/compliance?week=3000-W01', undefined],
    ['GET', '/api/v1/offices/witten/compliance?month=1899-12', undefined],
    ['GET', '/api/v1/offices/witten/closures?from=0000-01-01', undefined],
    ['GET', '/api/v1/offices/witten/schedule?date=0000-01-01', undefined],
    ['POST', '/api/v1/offices/witten/closures', [{ date: '0000-01-01', reason: 'x' }]],
    ['POST', '/api/v1/offices/witten/hotline-coverage', [{ start: '0000-01-01T08:00Z', end: '0000-01-01T09:00Z', coveredBy: 'staff' }]],
    ['POST', '/api/v1/schedules', { officeId: 'witten', validFrom: '0000-01-01', openingHours: 'Mo-Fr 08:00-12:00' }],
    ['POST', '/api/v1/audits', { from: '1850-01-01', to: '1850-01-31' }],
    ['POST', '/api/v1/deviations', { officeId: 'witten', ruleId: 'opening.weekly-minimum', validFrom: '0000-01-01', kind: 'waiver', reason: 'x' }],
  ])('refuses a year outside 2000–2099: %s %s', async (method, path, body) => {
    const before = await t.count('audit_run');
    const req = method === 'GET' ? t.http().get(path) : t.http().post(path).send(body as object);
    const res = await req.set(auth());
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    expect(await t.count('audit_run')).toBe(before);
  });

  it('refuses an offset beyond any run and a run id that only looks like a UUID', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status) VALUES ('manual', '2026-11-01', '2026-11-30', '{}', '{witten}', 'x', 'succeeded') RETURNING id`,
    );
    expect((await t.http().get(`/api/v1/audits/${id}/findings?offset=1e20`).set(auth())).status).toBe(400);
    expect((await t.http().get('/api/v1/audits/------------------------------------').set(auth())).status).toBe(404);
  });

  it('refuses a CLI secret with non-ASCII characters without crashing', async () => {
    const res = await t.http().post('/internal/cli').set('X-CLI-Secret', 'é'.repeat(43)).send({ argv: ['token', 'list'] });
    expect(res.status).toBe(401);
  });

  it('refuses a deviation naming an inherited property as parameter', async () => {
    const res = await t.http().post('/api/v1/deviations').set(auth()).send({
      officeId: 'witten', ruleId: 'opening.weekly-minimum', validFrom: '2027-01-04', validUntil: '2027-01-31', kind: 'parameters', params: { constructor: 5 }, reason: 'Test',
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toMatch(/^params/);
    expect(await t.count('deviation')).toBe(0);
  });

  it('lists at most 200 problems of one import, and says how many more there were', async () => {
    const rows = Array.from({ length: 300 }, () => ({ date: 'kein Datum', reason: 'x' }));
    const res = await t.http().post('/api/v1/offices/witten/closures').set(auth()).send(rows).expect(400);
    expect(res.body.details).toHaveLength(201);
    expect(res.body.details[200].message).toMatch(/und 100 weitere/);
  });
});

describe('configuration', () => {
  it('refuses a cron expression that cannot run, naming the variable', () => {
    expect(() => loadConfig({ NIGHTLY_AUDIT_CRON: '99 99 * * *' })).toThrow(/NIGHTLY_AUDIT_CRON/);
    expect(() => loadConfig({ PORT: 'achtzig' })).toThrow(/PORT/);
    expect(loadConfig({}).nightlyAudit).toEqual({ enabled: true, cron: '30 2 * * *', catchUpDays: 7 });
  });
});

describe('deeply nested JSON (issue 10)', () => {
  let t: TestApp;
  let coordination: string;
  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it.each([
    ['POST', '/api/v1/schedules/check'],
    ['POST', '/api/v1/schedules'],
    ['POST', '/api/v1/offices/witten/closures'],
    ['PATCH', '/api/v1/offices/witten'],
    ['POST', '/api/v1/deviations'],
    ['POST', '/api/v1/audits'],
  ])('refuses 3 000 levels on %s %s with a German 400 instead of a 500', async (method, path) => {
    const body = `{"officeId": "witten", "week": ${nested(3000)}}`;
    const res = await t.http()[method.toLowerCase() as 'post'](path).set('Authorization', `Bearer ${coordination}`).set('Content-Type', 'application/json').send(body);
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    expect(res.body).toMatchObject({ error: 'validation_failed', message: expect.stringMatching(/zu tief verschachtelt \(höchstens 32 Ebenen\)/) });
  });

  it('refuses 33 levels and lets 32 through to validation', async () => {
    const send = (depth: number) =>
      t.http().post('/api/v1/schedules/check').set('Authorization', `Bearer ${coordination}`).set('Content-Type', 'application/json').send(`{"officeId": "witten", "validFrom": "2027-01-04", "week": {"mon": ${nested(depth - 2)}}}`);
    expect((await send(33)).body.message).toMatch(/zu tief verschachtelt/);
    const ok = await send(32);
    expect(ok.status).toBe(400);
    expect(ok.body.message).not.toMatch(/zu tief verschachtelt/);
    expect(await t.count('schedule_version')).toBe(0);
  });
});

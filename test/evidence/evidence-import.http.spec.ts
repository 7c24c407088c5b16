import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where } from './evidence-requests';

/** What every import route does with the body before looking at the rows. */
describe('evidence imports: body and file format', () => {
  let t: TestApp;
  let token: string;
  const closures = evidencePath('witten', 'closures');
  let before: { closure: number; evidence_import: number };

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('regional', ['witten']);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    before = { closure: await t.count('closure'), evidence_import: await t.count('evidence_import') };
  });
  afterEach(async () => {
    // every case here is a rejection: nothing may have been written
    expect({ closure: await t.count('closure'), evidence_import: await t.count('evidence_import') }).toEqual(before);
  });

  it.each([
    ['XML', 'application/xml', '<closures/>'],
    ['plain text', 'text/plain', 'date;reason\n2026-03-02;x\n'],
    ['a form', 'application/x-www-form-urlencoded', 'date=2026-03-02'],
  ])('answers 415 in the common error shape for %s', async (_label, type, body) => {
    const res = await t.http().post(closures).set(auth(token)).set('Content-Type', type).send(body).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, error: 'unsupported_media_type', details: [], correlationId: expect.any(String) });
    expect(res.body.message).toMatch(/text\/csv/);
  });

  it('answers 415 for a request without a body type', async () => {
    const res = await t.http().post(closures).set(auth(token)).expect(415);
    expect(res.body.error).toBe('unsupported_media_type');
  });

  it.each([
    ['an object', { date: '2026-03-02', reason: 'x' }],
    ['an object wrapping the list', { closures: [{ date: '2026-03-02', reason: 'x' }] }],
  ])('rejects %s instead of a JSON array', async (_label, body) => {
    const res = await postJson(t, closures, token, body).expect(400);
    expect(res.body.message).toMatch(/JSON-Liste/);
  });

  it('rejects JSON that does not parse', async () => {
    const res = await t.http().post(closures).set(auth(token)).set('Content-Type', 'application/json').send('[{"date": ').expect(400);
    expect(res.body.message).toMatch(/kein gültiges JSON/);
  });

  it('rejects an empty array', async () => {
    const res = await postJson(t, closures, token, []).expect(400);
    expect(res.body.message).toMatch(/leer/);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\uFEFF\r\n\r\n'],
    ['a header without data', csv('date;from;to;reason')],
    ['a header followed by empty spreadsheet rows', csv('date;from;to;reason', ';;;', ';;;')],
  ])('rejects %s', async (_label, text) => {
    const res = await postCsv(t, closures, token, text).expect(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.message).toMatch(/leer|keine Datenzeilen/);
  });

  it('names unknown and missing columns of the header', async () => {
    const res = await postCsv(t, closures, token, csv('tag;from;to;anlass;note', '2026-03-02;;;x;y')).expect(400);
    expect(where(res.body.details)).toEqual(['1:tag', '1:anlass', '1:note', '1:date', '1:reason']);
    expect(res.body.details[0].message).toMatch(/keine bekannte Spalte; zulässig sind: date, from, to, reason$/);
    expect(res.body.details[3].message).toMatch(/Pflichtspalte fehlt/);
    expect(res.body.message).toMatch(/Trennzeichen erkannt: „;“/);
  });

  it('rejects a column named twice', async () => {
    const res = await postCsv(t, closures, token, csv('date,reason,reason', '2026-03-02,a,b')).expect(400);
    expect(res.body.details).toEqual([{ line: 1, field: 'reason', message: expect.stringMatching(/mehrfach/) }]);
  });

  it('reports an unclosed quote with its line', async () => {
    const res = await postCsv(t, closures, token, csv('date;reason', '2026-03-02;"offen', '2026-03-03;zu')).expect(400);
    expect(res.body.details).toEqual([{ line: 2, field: '', message: expect.stringMatching(/Anführungszeichen/) }]);
  });

  it('rejects more than 50 000 rows before looking at them', async () => {
    const text = 'date;reason\n' + '2026-03-02;x\n'.repeat(50_001);
    const res = await postCsv(t, closures, token, text).expect(400);
    expect(res.body.message).toMatch(/50\.001 Datenzeilen.*höchstens 50\.000/);
    const json = await postJson(t, closures, token, Array.from({ length: 50_001 }, () => ({ date: '2026-03-02', reason: 'x' }))).expect(400);
    expect(json.body.message).toMatch(/höchstens 50\.000/);
  });
});

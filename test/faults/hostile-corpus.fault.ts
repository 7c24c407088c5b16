import { startTestApp, type TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyTypes: string[];
  bodySchema?: Schema;
}

/** Values a client can send in place of any field. */
const HOSTILE_VALUES: unknown[] = [null, [], {}, [null], 12345, -1, 1e308, true, '', ' ', '\u0000', 'x'.repeat(100_000), '\u202Ewitten', "'; DROP TABLE office; --", { $gt: '' }, '2026-02-30', '9999-99-99T99:99'];
const HOSTILE_BODIES: Array<[string, string]> = [
  ['null', 'null'],
  ['a number', '42'],
  ['a string', '"text"'],
  ['an empty array', '[]'],
  ['an empty object', '{}'],
  ['truncated JSON', '{"officeId": '],
  ['JSON nested 40 deep', '['.repeat(40) + ']'.repeat(40)],
  ['JSON nested 5 000 deep', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
  ['a prototype key', '{"__proto__": {"role": "coordination"}, "constructor": {"prototype": {"x": 1}}}'],
  ['a huge string', JSON.stringify({ officeId: 'x'.repeat(1_500_000) })],
  ['an array of nulls', JSON.stringify(Array.from({ length: 1000 }, () => null))],
];
const HOSTILE_CSV: Array<[string, string]> = [
  ['empty', ''],
  ['only a BOM', '\uFEFF'],
  ['an unclosed quote', 'date;reason\n2026-03-02;"offen\n'],
  ['separators only', ';;;\n;;;\n'],
  ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1')],
  ['a formula', 'date;reason\n=HYPERLINK("http://evil");=1+1\n'],
  ['too many rows', 'date;reason\n' + '2026-03-02;x\n'.repeat(50_001)],
  ['one very long line', 'date;reason\n2026-03-02;' + 'x'.repeat(1_000_000) + '\n'],
];
const HOSTILE_PATH = ['%00', 'x'.repeat(300), '%E2%80%AEnettiw', '..%2F..%2Fpackage.json', '%FF', '1e309', "'%3B%20DROP%20TABLE%20office", '00000000-0000-0000-0000-000000000000'];
const HOSTILE_QUERY = ['', 'x'.repeat(5000), '%00', '-1', '1e309', 'NaN', '9999-99-99', '%5B%5D', '2026-W99', '2026-13', 'true'];

function operations(doc: Schema): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(ops)) {
      const params: Schema[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyTypes: Object.keys(content),
        bodySchema: json,
      });
    }
  }
  return out;
}

/** A plausible body from the schema's examples, so that each hostile field is seen past the others. */
function plausible(schema: Schema, doc: Schema, depth = 0): unknown {
  if (!schema || depth > 4) return 'x';
  if (schema.$ref) return plausible(doc.components.schemas[schema.$ref.split('/').pop()], doc, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'array') return [plausible(schema.items, doc, depth + 1)];
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries<Schema>(schema.properties ?? {}).map(([k, v]) => [k, plausible(v, doc, depth + 1)]));
  }
  return schema.type === 'number' || schema.type === 'integer' ? 1 : schema.type === 'boolean' ? true : 'x';
}

/**
 * Hostile input over every route of the OpenAPI document (issue 10, item 5): never a 5xx, and a
 * rejected request writes no row (each table's row count and newest row version are compared).
 */
describe('hostile input over every route of the OpenAPI document', () => {
  let t: TestApp;
  let token: string;
  let doc: Schema;
  let fingerprintSql: string;
  const ids: Record<string, string> = {};

  const fingerprint = async (): Promise<string> => JSON.stringify((await t.dataSource.query(fingerprintSql))[0]);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('coordination');
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    // Tables the background keeps writing to (heartbeats) or that only record the schema.
    const tables: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migration', 'service_instance') ORDER BY 1`,
    );
    fingerprintSql = `SELECT ${tables.map((x) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${x.table_name}) AS ${x.table_name}`).join(', ')}`;
    // Real ids for the routes about a deviation or an audit run, so that hostile bodies reach their handlers.
    const deviation = await t.http().post('/api/v1/deviations').set('Authorization', `Bearer ${token}`).send({ officeId: 'witten', ruleId: 'opening.weekly-minimum', validFrom: '2027-01-04', validUntil: '2027-03-31', kind: 'waiver', reason: 'Umbau' }).expect(201);
    ids.deviations = deviation.body.id;
    const run = await t.http().post('/api/v1/audits').set('Authorization', `Bearer ${token}`).send({ from: '2026-11-01', to: '2026-11-30', offices: ['witten'] }).expect(201);
    ids.audits = run.body.id;
  });
  afterAll(() => t?.close());

  it('finds the routes to attack in the document', () => {
    const routes = operations(doc).map((o) => `${o.method} ${o.path}`);
    expect(routes.length).toBeGreaterThan(25);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/v1/schedules', 'POST /api/v1/offices/{id}/time-records', 'GET /api/v1/audits/{id}/export']));
  });

  it('never answers 5xx and never writes for a request it refuses', async () => {
    const failures: string[] = [];
    let sent = 0;
    let before = await fingerprint();
    const send = async (op: Operation, label: string, path: string, body?: { type: string; text: string }, headers: Record<string, string> = {}) => {
      let req = (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[op.method.toLowerCase()](path).set('Authorization', `Bearer ${token}`);
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      const res = await (body ? req.set('Content-Type', body.type).send(body.text) : req);
      sent++;
      const after = await fingerprint();
      if (res.status >= 500) failures.push(`${op.method} ${path} (${label}): ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400 && after !== before) failures.push(`${op.method} ${path} (${label}): refused with ${res.status} but wrote`);
      before = after;
    };
    for (const op of operations(doc)) {
      const fill = (value?: string) =>
        op.path.replace(/\{(\w+)\}/g, () => value ?? (op.path.startsWith('/api/v1/deviations') ? ids.deviations : op.path.startsWith('/api/v1/audits') ? ids.audits : 'witten'));
      const path = fill();
      for (const bad of HOSTILE_PATH) if (op.pathParams.length) await send(op, `path ${bad.slice(0, 20)}`, fill(bad));
      for (const name of op.queryParams) {
        for (const bad of HOSTILE_QUERY) await send(op, `query ${name}=${bad.slice(0, 20)}`, `${path}?${name}=${bad}`);
        await send(op, `query ${name} twice`, `${path}?${name}=a&${name}=b`);
      }
      if (op.queryParams.length || op.method === 'GET') await send(op, 'unknown query', `${path}?zzz=1`);
      if (op.method === 'GET') continue;
      for (const [label, text] of HOSTILE_BODIES) await send(op, `body ${label}`, path, { type: 'application/json', text });
      await send(op, 'XML', path, { type: 'application/xml', text: '<a/>' });
      await send(op, 'a form', path, { type: 'application/x-www-form-urlencoded', text: 'officeId=witten' });
      if (op.bodyTypes.includes('text/csv')) for (const [label, text] of HOSTILE_CSV) await send(op, `CSV ${label}`, path, { type: 'text/csv', text });
      if (op.path === '/api/v1/schedules') for (const key of ['', 'k'.repeat(500), 'ä', ' a ']) await send(op, `Idempotency-Key ${key.slice(0, 5)}`, path, { type: 'application/json', text: '{}' }, { 'Idempotency-Key': key });
      if (op.bodySchema) {
        const base = plausible(op.bodySchema, doc);
        const element = Array.isArray(base) ? base[0] : base;
        if (element && typeof element === 'object') {
          for (const field of Object.keys(element as object)) {
            for (const value of HOSTILE_VALUES) {
              const mutated = { ...(element as object), [field]: value };
              const text = JSON.stringify(Array.isArray(base) ? [mutated] : mutated);
              await send(op, `${field}=${JSON.stringify(value)?.slice(0, 20)}`, path, { type: 'application/json', text });
            }
          }
          await send(op, 'an unknown field', path, { type: 'application/json', text: JSON.stringify(Array.isArray(base) ? [{ ...(element as object), zzz: 1 }] : { ...(element as object), zzz: 1 }) });
        }
      }
    }
    expect(sent).toBeGreaterThan(800);
    expect(failures).toEqual([]);
  }, 600_000);
});

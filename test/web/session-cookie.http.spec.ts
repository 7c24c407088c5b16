import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth } from './web-fixtures';

/** Signs in like the sign-in form and returns the Cookie header value the browser would send afterwards. */
async function sessionOf(t: TestApp, token: string): Promise<string> {
  const res = await t.http().post('/web/session').type('form').send({ token }).expect(303);
  const setCookie = (res.headers['set-cookie'] as unknown as string[])[0];
  return setCookie.split(';')[0];
}

/** The web session at API level: the cookie's attributes, and what the guard accepts with it. */
describe('web session cookie', () => {
  let t: TestApp;
  let coordination: string;
  let coordinationSession: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    coordinationSession = await sessionOf(t, coordination);
  });
  afterAll(() => t?.close());

  it('signing in with a valid token sets an HTTP-only, SameSite=Strict session cookie for the whole site', async () => {
    const res = await t.http().post('/web/session').type('form').send({ token: coordination }).expect(303);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie'] as unknown as string[];
    expect(setCookie).toHaveLength(1);
    // the cookie carries a session id, never the token
    expect(setCookie[0]).toMatch(/^sm_session=sms_[A-Za-z0-9_-]{43};/);
    expect(setCookie[0]).not.toContain(coordination);
    expect(setCookie[0]).toMatch(/; Max-Age=86400/);
    expect(setCookie[0]).toMatch(/; HttpOnly/);
    expect(setCookie[0]).toMatch(/; SameSite=Strict/);
    expect(setCookie[0]).toMatch(/; Path=\//);
    // Plain http here: the cookie is marked Secure only when the request came over https.
    expect(setCookie[0]).not.toMatch(/Secure/);
  });

  it('a regional token lands on its own office page', async () => {
    const witten = await t.token('regional', ['witten']);
    const res = await t.http().post('/web/session').send({ token: witten }).expect(200);
    expect(res.body).toEqual({ role: 'regional', officeIds: ['witten'], landing: '/regionalstellen/witten' });
  });

  it('a wrong token shows the form again with a German error and sets no cookie', async () => {
    const res = await t.http().post('/web/session').type('form').send({ token: 'smt_falsch' }).expect(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('lang="de"');
    expect(res.text).toContain('Dieses Zugangstoken ist unbekannt oder wurde widerrufen.');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await t.http().post('/web/session').set('Origin', 'https://evil.example').type('form').send({ token: coordination }).expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('signing out clears the cookie', async () => {
    const res = await t.http().post('/web/abmelden').set('Cookie', await sessionOf(t, coordination)).expect(303);
    expect(res.headers.location).toBe('/anmelden?abgemeldet=1');
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^sm_session=; Path=\/; Max-Age=0/);
  });

  it('the API answers a GET authenticated by the cookie', async () => {
    const res = await t.http().get('/api/v1/offices').set('Cookie', `other=1; ${coordinationSession}`).expect(200);
    expect(res.body).toHaveLength(9);
  });

  it('refuses a cookie-authenticated POST without X-Requested-With (CSRF guard) and stores nothing', async () => {
    const body = { officeId: 'witten', validFrom: '2026-01-05', openingHours: 'Mo-Fr 08:00-12:30' };
    const res = await t.http().post('/api/v1/schedules').set('Cookie', coordinationSession).send(body).expect(403);
    expect(res.body).toMatchObject({ error: 'forbidden', statusCode: 403 });
    expect(res.body.message).toContain('X-Requested-With');
    expect(await t.count('schedule_version')).toBe(0);
    await t.http().post('/api/v1/schedules').set('Cookie', coordinationSession).set('X-Requested-With', 'other-site').send(body).expect(403);
    await t.http().post('/api/v1/schedules').set('Cookie', coordinationSession).set('X-Requested-With', 'standards-monitor').send(body).expect(201);
  });

  it('keeps bearer tokens as they were: no X-Requested-With needed, a bad header is not rescued by a cookie', async () => {
    await t.http().post('/api/v1/schedules/check').set(auth(coordination)).send({ officeId: 'witten', validFrom: '2026-01-05', openingHours: 'Mo-Fr 08:00-12:30' }).expect(200);
    await t.http().get('/api/v1/offices').set('Authorization', 'Bearer smt_unknown').set('Cookie', coordinationSession).expect(401);
  });

  it('an unknown or revoked session cookie is not signed in', async () => {
    await t.http().get('/api/v1/offices').set('Cookie', 'sm_session=sms_unknown').expect(401);
    const token = await t.token('coordination');
    const session = await sessionOf(t, token);
    await t.http().get('/api/v1/offices').set('Cookie', session).expect(200);
    await t.dataSource.query("UPDATE api_token SET revoked_at = now() WHERE revoked_at IS NULL AND id = (SELECT id FROM api_token ORDER BY created_at DESC LIMIT 1)");
    await t.http().get('/api/v1/offices').set('Cookie', session).expect(401);
    const page = await t.http().get('/').set('Cookie', session).expect(303);
    expect(page.headers.location).toBe('/anmelden');
  });

  it('a regional session gets a 403 page for another office, never its data', async () => {
    const witten = await sessionOf(t, await t.token('regional', ['witten']));
    for (const path of ['/regionalstellen/hattingen', '/regionalstellen/hattingen/oeffnungszeiten']) {
      const res = await t.http().get(path).set('Cookie', witten).expect(403);
      expect(res.text).toContain('Kein Zugriff');
      expect(res.text).not.toContain('Hattingen');
      expect(res.text).not.toContain('<script');
    }
    await t.http().get('/regionalstellen/witten').set('Cookie', witten).expect(200);
    const home = await t.http().get('/').set('Cookie', witten).expect(303);
    expect(home.headers.location).toBe('/regionalstellen/witten');
  });

  it('serves pages with a strict content security policy and the scripts as static files', async () => {
    const page = await t.http().get('/').set('Cookie', coordinationSession).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await t.http().get('/assets/overview.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    // Assets keep their own validator (Express's automatic ETag is off): a revalidation is a 304.
    expect(script.headers.etag).toMatch(/^"[\w-]{22}"$/);
    await t.http().get('/assets/overview.js').set('If-None-Match', script.headers.etag).expect(304);
    expect(page.headers.etag).toBeUndefined();
    await t.http().get('/assets/..%2Fpackage.json').expect(404);
    await t.http().get('/assets/nothing.js').expect(404);
  });
});

describe('server-side browser sessions (issue 10)', () => {
  let t: TestApp;
  let token: string;
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const idOf = (cookie: string) => cookie.slice('sm_session='.length);
  const ask = (cookie: string) => t.http().get('/api/v1/offices').set('Cookie', cookie);
  const age = (cookie: string, column: 'created_at' | 'last_seen_at', seconds: number) =>
    t.dataSource.query(`UPDATE browser_session SET ${column} = clock_timestamp() - make_interval(secs => $2) WHERE id_hash = $1`, [sha256(idOf(cookie)), seconds]);

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.token('coordination');
  });
  afterAll(() => t?.close());

  it('keeps only the hash of the session id and never the token; the token alone is no session', async () => {
    const res = await t.http().post('/web/session').send({ token }).expect(200);
    expect(JSON.stringify(res.body)).not.toContain(token);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const rows = await t.dataSource.query('SELECT * FROM browser_session');
    expect(rows.map((r: { id_hash: string }) => r.id_hash)).toContain(sha256(idOf(cookie)));
    expect(JSON.stringify(rows)).not.toContain(idOf(cookie));
    expect(JSON.stringify(rows)).not.toContain(token);
    // what the cookie used to hold is refused now
    await ask(`sm_session=${token}`).expect(401);
    // two sign-ins are two sessions
    expect(idOf(await sessionOf(t, token))).not.toBe(idOf(cookie));
  });

  it('ends on sign-out on the server, so a copy of the cookie is worthless', async () => {
    const cookie = await sessionOf(t, token);
    await ask(cookie).expect(200);
    await t.http().post('/web/abmelden').set('Cookie', cookie).expect(303);
    await ask(cookie).expect(401);
    await t.http().get('/').set('Cookie', cookie).expect(303);
  });

  it('ends after 8 hours without a request, and not before', async () => {
    const cookie = await sessionOf(t, token);
    await age(cookie, 'last_seen_at', 8 * 3600 - 60);
    await ask(cookie).expect(200); // and this request counts as use
    await age(cookie, 'last_seen_at', 8 * 3600 + 1);
    await ask(cookie).expect(401);
  });

  it('ends 24 hours after sign-in however busy it was', async () => {
    const cookie = await sessionOf(t, token);
    await age(cookie, 'created_at', 24 * 3600 - 60);
    await ask(cookie).expect(200);
    await age(cookie, 'created_at', 24 * 3600 + 1);
    await ask(cookie).expect(401);
  });

  it('ends when its token is revoked', async () => {
    const other = await t.token('regional', ['witten']);
    const cookie = await sessionOf(t, other);
    await t.http().get('/api/v1/offices/witten').set('Cookie', cookie).expect(200);
    const [{ token_id }] = await t.dataSource.query('SELECT token_id FROM browser_session WHERE id_hash = $1', [sha256(idOf(cookie))]);
    await t.dataSource.query('UPDATE api_token SET revoked_at = now() WHERE id = $1', [token_id]);
    await t.http().get('/api/v1/offices/witten').set('Cookie', cookie).expect(401);
  });
});

describe('session cookie behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: true } });
  });
  afterAll(() => t?.close());

  it('marks the cookie Secure and accepts the public origin the proxy forwards', async () => {
    const token = await t.token('coordination');
    const res = await t
      .http()
      .post('/web/session')
      .set('X-Forwarded-Proto', 'https')
      .set('X-Forwarded-Host', 'qualitaet.jobagentur-en.example')
      .set('Origin', 'https://qualitaet.jobagentur-en.example')
      .type('form')
      .send({ token })
      .expect(303);
    expect(res.headers['set-cookie'][0]).toMatch(/; Secure/);
  });

  it('still refuses a foreign origin', async () => {
    const token = await t.token('coordination');
    await t.http().post('/web/session').set('X-Forwarded-Host', 'qualitaet.jobagentur-en.example').set('Origin', 'https://evil.example').type('form').send({ token }).expect(403);
  });
});

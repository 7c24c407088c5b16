import { registeredRoutes } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Walks every registered route and proves that none answers data without a valid token. A new
 * route is covered automatically; only the routes listed here may answer without a bearer token.
 */
const PUBLIC = new Set([
  'GET /health',
  // Web pages (src/web) that show no data: sign-in and sign-out, and the pages' scripts and styles.
  'GET /anmelden',
  'POST /web/session',
  'POST /web/abmelden',
  'GET /assets/:file',
  // Surveys (src/surveys): the answering pages and their API, the only writes without a token.
  // They read the questionnaire only, never results (test/surveys/public-link.http.spec.ts).
  'GET /teilnahme',
  'GET /befragung/:key',
  'POST /api/v1/public/surveys/codes/check',
  'POST /api/v1/public/surveys/codes/answers',
  'POST /api/v1/public/surveys/links/:key/form',
  'POST /api/v1/public/surveys/links/:key/answers',
]);
// Pages that show data: without a session cookie they send the browser to the sign-in page; the
// data itself comes from the guarded API.
const SIGN_IN_REDIRECT = new Set([
  'GET /',
  'GET /regionalstellen/:id',
  'GET /regionalstellen/:id/oeffnungszeiten',
  'GET /regionalstellen/:id/nachweise',
  'GET /abweichungen',
  'GET /katalog',
  'GET /mitteilungen',
  'GET /befragungen',
  'GET /befragungen/:id',
  'GET /befragungen/:id/massnahmenplan',
]);
// Swagger UI and its JSON (registered by SwaggerModule, outside the Nest controllers).
const DOCS = ['/api/docs', '/api/docs-json'];

describe('route guard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ cliSecret: 'the-real-secret-of-this-instance-0123456789' });
  });
  afterAll(() => t?.close());

  function concrete(path: string): string {
    // Fill route parameters with an existing office id, so that a missing guard would really leak data.
    return path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' || name === 'officeId' ? 'witten' : '00000000-0000-4000-8000-000000000000'));
  }

  it('finds the routes it has to check', () => {
    const routes = registeredRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['GET /api/v1/offices', 'GET /api/v1/offices/:id', 'POST /api/v1/offices', 'POST /internal/cli']));
    // Corrective actions, notifications and reports (issue 12) are walked like every other route.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/actions',
        'GET /api/v1/actions/:id',
        ...['plan', 'done', 'comment', 'dismiss', 'reopen', 'verify'].map((c) => `POST /api/v1/actions/:id/${c}`),
        'GET /api/v1/notifications',
        'GET /api/v1/notifications/unread-count',
        'POST /api/v1/notifications/:id/read',
        'POST /api/v1/notifications/read-all',
        'GET /api/v1/notifications/recipients',
        'POST /api/v1/notifications/recipients',
        'DELETE /api/v1/notifications/recipients/:id',
        'GET /api/v1/offices/:id/report',
        'GET /api/v1/offices/:id/report.pdf',
        'GET /api/v1/audits/:id/report',
        'GET /api/v1/audits/:id/report.pdf',
      ]),
    );
    // Every public or sign-in route listed here exists (a renamed route must not leave a stale exemption).
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC, ...SIGN_IN_REDIRECT]));
    // The survey routes that need a token are walked like every other route.
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/surveys/questionnaires',
        'GET /api/v1/surveys/rounds',
        'POST /api/v1/surveys/rounds',
        'GET /api/v1/surveys/rounds/:id',
        'POST /api/v1/surveys/rounds/:id/close',
        'POST /api/v1/surveys/rounds/:id/codes',
        'GET /api/v1/surveys/rounds/:id/offices/:officeId/qr.svg',
        'GET /api/v1/surveys/rounds/:id/results',
        'GET /api/v1/surveys/rounds/:id/export',
        'POST /api/v1/surveys/rounds/:id/actions',
        'GET /api/v1/surveys/rounds/:id/action-plan',
      ]),
    );
  });

  it.each([
    ['no Authorization header', undefined],
    ['a malformed header', 'Token abc'],
    ['an unknown token', 'Bearer smt_not-a-real-token'],
  ])('no route except health answers with %s', async (_label, header) => {
    const routes = registeredRoutes(t.app).filter((r) => !PUBLIC.has(`${r.method} ${r.path}`) && !SIGN_IN_REDIRECT.has(`${r.method} ${r.path}`) && !r.path.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      const req = t.http()[route.method.toLowerCase() as 'get'](concrete(route.path));
      if (header) req.set('Authorization', header);
      const res = await req.send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
      expect(res.body).toMatchObject({ error: 'unauthenticated', statusCode: 401 });
    }
  });

  it.each([
    ['no cookie', undefined],
    ['an unknown session cookie', 'sm_session=smt_not-a-real-token'],
  ])('data pages redirect to the sign-in page with %s', async (_label, cookie) => {
    const pages = registeredRoutes(t.app).filter((r) => SIGN_IN_REDIRECT.has(`${r.method} ${r.path}`));
    expect(pages).toHaveLength(SIGN_IN_REDIRECT.size);
    for (const page of pages) {
      const req = t.http().get(concrete(page.path));
      if (cookie) req.set('Cookie', cookie);
      const res = await req;
      expect({ route: page.path, status: res.status, location: res.headers.location?.split('?')[0] }).toEqual({ route: page.path, status: 303, location: '/anmelden' });
      expect(res.text).not.toContain('Witten');
    }
  });

  it("never answers another office's data to a regional token", async () => {
    // Every route about one office (":id" is filled with witten) asked by a token for hattingen only.
    const hattingen = await t.token('regional', ['hattingen']);
    const officeRoutes = registeredRoutes(t.app).filter((r) => /^\/(api\/v1\/offices|regionalstellen)\/:id/.test(r.path));
    expect(officeRoutes.length).toBeGreaterThan(8);
    for (const route of officeRoutes) {
      const res = await t.http()[route.method.toLowerCase() as 'get'](concrete(route.path)).set('Authorization', `Bearer ${hattingen}`).send({});
      const outcome = { route: `${route.method} ${route.path}`, refused: [400, 403, 404].includes(res.status) || (route.path.startsWith('/regionalstellen') && res.status === 303) };
      expect(outcome).toEqual({ route: outcome.route, refused: true });
      expect(JSON.stringify(res.body ?? '')).not.toMatch(/"officeId":"witten"|"id":"witten"/);
    }
  });

  it('refuses a revoked token', async () => {
    const token = await t.token('coordination');
    await t.http().get('/api/v1/offices').set('Authorization', `Bearer ${token}`).expect(200);
    const [{ id }] = await t.dataSource.query('SELECT id FROM api_token WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1');
    await t.dataSource.query('UPDATE api_token SET revoked_at = now() WHERE id = $1', [id]);
    await t.http().get('/api/v1/offices').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('refuses the internal CLI route with a wrong secret, even with a valid token', async () => {
    const token = await t.token('coordination');
    const res = await t.http().post('/internal/cli').set('Authorization', `Bearer ${token}`).set('X-CLI-Secret', 'guess').send({ argv: ['token', 'list'] });
    expect(res.status).toBe(401);
  });

  it('answers health and API docs without a token', async () => {
    await t.http().get('/health').expect(200, { status: 'ok', database: 'up' });
    for (const path of DOCS) {
      const res = await t.http().get(path);
      expect(res.status).toBe(200);
    }
  });
});

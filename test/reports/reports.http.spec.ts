import { seedNovember } from '../audits/audit-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('printable reports (HTML)', () => {
  let t: TestApp;
  let coordination: string;
  let herdecke: string;
  let runId: string;

  beforeAll(async () => {
    // No Chromium at this path: the PDF answers 503, the HTML report still works.
    t = await startTestApp({ clock: () => new Date('2026-12-01T10:00:00+01:00'), config: { reports: { chromiumPath: '/nonexistent/chromium' } } });
    coordination = await t.token('coordination');
    herdecke = await t.token('regional', ['herdecke']);
    await seedNovember(t, coordination);
    const dev = await t.http().post('/api/v1/deviations').set(auth(herdecke)).send({ officeId: 'herdecke', ruleId: 'opening.every-morning', validFrom: '2026-11-01', kind: 'waiver', reason: 'Freitags Teamtag (Erprobung)' }).expect(201);
    await t.http().post(`/api/v1/deviations/${dev.body.id}/consent`).set(auth(coordination)).send({}).expect(200);
    runId = (await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201)).body.id;
  });
  afterAll(() => t?.close());

  it('shows an office and period: the verdict per rule with its explanation, actions and deviations in force', async () => {
    const res = await t.http().get('/api/v1/offices/herdecke/report?period=2026-W47').set(auth(herdecke)).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.text;
    expect(html).toContain('<h1>Bericht der Regionalstelle Herdecke</h1>');
    expect(html).toContain('KW 47/2026 (16.11.2026 – 22.11.2026)');
    expect(html).toMatch(/Regelkatalog<\/dt><dd>Version \S+<\/dd>/);
    expect(html).toMatch(/Mindestöffnungszeit[^<]*<\/th><td>Muss<\/td><td><span class="status status-non_compliant"><span aria-hidden="true">✗<\/span> nicht erfüllt/);
    expect(html).toContain('Std.');
    expect(html).toContain('noch nicht geplant');
    expect(html).toContain('<span aria-hidden="true">○</span> offen');
    expect(html).toContain('Freitags Teamtag (Erprobung)');
    expect(html).toContain('01.12.2026, 10:00 Uhr');
    expect(html).toContain('href="/api/v1/offices/herdecke/report.pdf?period=2026-W47"');
    expect(html).not.toContain('<form');
  });

  it('shows an audit run per visible office', async () => {
    const all = await t.http().get(`/api/v1/audits/${runId}/report`).set(auth(coordination)).expect(200);
    expect(all.text).toContain('Prüfbericht aller Regionalstellen');
    expect(all.text).toContain('Regionalstelle Witten');
    const own = await t.http().get(`/api/v1/audits/${runId}/report`).set(auth(herdecke)).expect(200);
    expect(own.text).toContain('Prüfbericht der Regionalstelle Herdecke');
    expect(own.text).not.toContain('Witten');
  });

  it('says with 503 that the PDF needs Chromium, and the HTML report still works', async () => {
    const res = await t.http().get('/api/v1/offices/herdecke/report.pdf?period=2026-11').set(auth(herdecke)).expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'service_unavailable' });
    expect(res.body.message).toContain('Chromium fehlt');
    await t.http().get(`/api/v1/audits/${runId}/report.pdf`).set(auth(coordination)).expect(503);
    await t.http().get('/api/v1/offices/herdecke/report?period=2026-11').set(auth(herdecke)).expect(200);
  });

  it('refuses a foreign office, an unknown one and a bad period', async () => {
    await t.http().get('/api/v1/offices/witten/report?period=2026-11').set(auth(herdecke)).expect(403);
    await t.http().get('/api/v1/offices/witten/report.pdf?period=2026-11').set(auth(herdecke)).expect(403);
    await t.http().get('/api/v1/offices/atlantis/report?period=2026-11').set(auth(coordination)).expect(404);
    for (const bad of ['', '?period=2026-13', '?period=2026-W54', '?period=1999-01', '?period=heute']) {
      const res = await t.http().get(`/api/v1/offices/herdecke/report${bad}`).set(auth(coordination));
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    await t.http().get('/api/v1/audits/00000000-0000-4000-8000-000000000000/report').set(auth(coordination)).expect(404);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The pages tell their scripts which day it is (data-today: default weeks, due dates). That day is
 * the service's clock in Berlin, as for judging and runs: a pinned clock pins it too, and 23:30 UTC
 * on 31 December is already New Year's Day in Berlin.
 */
describe('pages: today from the service clock (Berlin)', () => {
  let t: TestApp;
  let session: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-12-31T23:30:00Z') });
    const res = await t.http().post('/web/session').type('form').send({ token: await t.token('coordination') }).expect(303);
    session = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  });
  afterAll(() => t?.close());

  it('the overview names the Berlin day of the pinned clock', async () => {
    const res = await t.http().get('/').set('Cookie', session).expect(200);
    expect(res.text).toContain('data-today="2027-01-01"');
  });

  it('an office page names the same day', async () => {
    const res = await t.http().get('/regionalstellen/witten').set('Cookie', session).expect(200);
    expect(res.text).toContain('data-today="2027-01-01"');
    expect(res.text).not.toMatch(/data-today="(?!2027-01-01)/);
  });
});

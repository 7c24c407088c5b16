import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { auth, calendarNow, seedOffices } from './web-fixtures';

/**
 * Text elements whose WCAG contrast ratio against their (first opaque) background is below 4.5:1,
 * evaluated in the page (a string, so the test needs no DOM types).
 */
const LOW_CONTRAST = `(() => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const texts = document.querySelectorAll('.status, .cell-button, .obligation, .deviation-mark, .hint, .muted, .who, .site-header a, label, th, td, p, h1, h2, h3, dt, dd, cite, blockquote, summary');
  return [...texts].filter((el) => el.offsetParent !== null).map((el) => {
    const a = luminance(rgb(getComputedStyle(el).color));
    const b = luminance(background(el));
    return { text: el.textContent.trim().slice(0, 40), ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 };
  }).filter((x) => x.ratio < 4.5);
})()`;

/** The coordination office in a real browser: sign in, the audit matrix, a finding, a new run, exports, deviations. */
describe('coordination pages (Chromium)', () => {
  let web: WebTestApp;
  let coordination: string;
  let session: { context: BrowserContext; page: Page; errors: string[] };
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    coordination = await web.t.token('coordination');
    await seedOffices(web.t, coordination);
    session = await newSession(web);
    page = session.page;
  }, 60_000);
  afterAll(() => web?.close());
  afterEach(() => expect(session?.errors ?? []).toEqual([]));

  it('refuses a wrong token with a German error on the sign-in page', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Zugangstoken').fill('smt_falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Dieses Zugangstoken ist unbekannt oder wurde widerrufen.');
    expect(await page.getByLabel('Zugangstoken').getAttribute('aria-invalid')).toBe('true');
  });

  it('signs in and shows the latest audit as an office × rule matrix with status as text and obligation levels', async () => {
    await signIn(page, coordination);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('#matrix').waitFor();
    expect(await page.locator('.who').textContent()).toContain('Koordinierungsstelle');
    const header = await page.locator('#matrix thead').textContent();
    expect(header).toContain('Mindestöffnungszeit von 21,5 Stunden pro Woche');
    expect(header).toContain('Muss');
    expect(header).toContain('Ziel');
    const herdecke = page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.weekly-minimum"]');
    expect(await herdecke.textContent()).toContain('nicht erfüllt');
    expect(await herdecke.getAttribute('class')).toContain('status-non_compliant');
    expect(await page.locator('button.cell-button[data-office="witten"][data-rule="opening.weekly-minimum"]').textContent()).toContain('erfüllt');
    expect(await page.locator('#matrix tbody tr').count()).toBe(9);
    await screenshot(page, 'overview');
  });

  it('drills into a cell with the keyboard: the findings behind it with their German explanation, figures, citation and evidence', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Zum Inhalt springen');
    await page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.weekly-minimum"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#findings');
    await panel.locator('article.finding').first().waitFor();
    expect(await page.locator('#findings-heading').textContent()).toContain('Herdecke');
    const first = panel.locator('article.finding').first();
    const text = await first.textContent();
    expect(text).toContain('nicht erfüllt');
    expect(text).toMatch(/beträgt 14,0 Std\. je Woche und liegt 7,5 Std\. unter dem Mindestwert von 21,5 Std\./);
    expect(text).toContain('Gemessen:14 Std.');
    expect(text).toContain('Gefordert:21,5 Std.');
    expect(text).toContain('Anlage 3, Abschnitt 2');
    expect(await first.locator('details.evidence').getAttribute('open')).not.toBeNull();
    expect(await panel.locator('table.findings-table tbody tr').count()).toBe(await panel.locator('article.finding').count());
    expect(await first.locator('details.evidence').textContent()).toContain('Stunden je Tag');
    // Focus moves to the findings, so keyboard and screen reader users land on them.
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('findings-heading');
    await screenshot(page, 'findings', { fullPage: false });
  });

  it('keeps text contrast at 4.5:1 or more on the overview and the findings', async () => {
    expect(await page.evaluate(LOW_CONTRAST)).toEqual([]);
  });

  it('offers the run as CSV and JSON export, authenticated by the session cookie', async () => {
    const csv = page.getByRole('link', { name: 'Export CSV (Excel)' });
    const href = await csv.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/audits\/[0-9a-f-]+\/export\?format=csv$/);
    const res = await session.context.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    const json = await session.context.request.get((await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href'))!);
    expect((await json.json()).findings.length).toBeGreaterThan(0);
  });

  it('starts a new audit for a period and shows it, with an agreed deviation marked in its cell', async () => {
    const now = calendarNow();
    // Herdecke and the coordination office agreed to suspend the every-morning rule for the period.
    const herdecke = await web.t.token('regional', ['herdecke']);
    const proposal = await web.t
      .http()
      .post('/api/v1/deviations')
      .set(auth(herdecke))
      .send({ officeId: 'herdecke', ruleId: 'opening.every-morning', validFrom: now.auditFrom, validUntil: now.auditTo, kind: 'waiver', reason: 'Personalengpass' })
      .expect(201);
    await web.t.http().post(`/api/v1/deviations/${proposal.body.id}/consent`).set(auth(coordination)).send({}).expect(200);
    const before = await page.locator('#run-select option').count();
    await page.getByLabel('Zeitraum von').fill(now.auditFrom);
    await page.getByLabel('bis', { exact: true }).fill(now.auditTo);
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await page.getByText(/Prüflauf abgeschlossen: \d+ Feststellungen/).waitFor();
    expect(await page.locator('#run-select option').count()).toBe(before + 1);
    const waived = page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.every-morning"]');
    await waived.waitFor();
    expect(await waived.textContent()).toContain('ausgesetzt (Abweichung)');
    expect(await waived.locator('.deviation-mark').textContent()).toBe('§ 6 Abweichung');
    expect(await waived.getAttribute('aria-label')).toContain('mit vereinbarter Abweichung');
  });

  it('shows a field error when the period is the wrong way round', async () => {
    await page.getByLabel('Zeitraum von').fill('2026-03-31');
    await page.getByLabel('bis', { exact: true }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await page.locator('#audit-to-error:not([hidden])').waitFor();
    expect(await page.locator('#audit-to-error').textContent()).toContain('darf nicht vor dem Beginn des Zeitraums liegen');
  });

  it('lists proposals waiting for consent; a rejection needs a reason; consent makes it agreed with its history', async () => {
    const witten = await web.t.token('regional', ['witten']);
    const propose = (validFrom: string, validUntil: string, reason: string) =>
      web.t
        .http()
        .post('/api/v1/deviations')
        .set(auth(witten))
        .send({ officeId: 'witten', ruleId: 'opening.weekly-minimum', validFrom, validUntil, kind: 'parameters', params: { minimumHours: 18 }, reason })
        .expect(201);
    await propose('2027-07-01', '2027-08-31', 'Sommerferien: verkürzte Öffnung');
    await propose('2027-12-20', '2027-12-31', 'Jahresende');

    await page.getByRole('link', { name: 'Abweichungen' }).click();
    await page.locator('article.proposal').nth(1).waitFor();
    await screenshot(page, 'deviations');
    const summer = page.locator('article.proposal', { hasText: 'Sommerferien' });
    await summer.getByRole('button', { name: 'Ablehnen' }).click();
    expect(await summer.locator('.field-error').textContent()).toContain('Bitte begründen Sie die Ablehnung.');
    await summer.getByRole('button', { name: 'Zustimmen' }).click();
    await page.getByText('Sie haben zugestimmt').waitFor();

    const end = page.locator('article.proposal', { hasText: 'Jahresende' });
    await end.getByLabel('Begründung').fill('Zum Jahresende wird die volle Öffnung gebraucht.');
    await end.getByRole('button', { name: 'Ablehnen' }).click();
    await page.getByText('Sie haben abgelehnt').waitFor();
    expect(await page.locator('article.proposal').count()).toBe(0);

    // Beside them the Herdecke deviation agreed in an earlier test.
    const rows = page.locator('#deviation-table tbody tr');
    expect(await rows.count()).toBe(3);
    const agreed = rows.filter({ hasText: '01.07.2027' });
    expect(await agreed.textContent()).toContain('vereinbart');
    await agreed.getByText('Verlauf anzeigen').click();
    await agreed.locator('.history li', { hasText: 'zugestimmt von der Koordinierungsstelle' }).waitFor();
    expect(await agreed.locator('.history').textContent()).toContain('vorgeschlagen von der Regionalstelle');
    expect(await rows.filter({ hasText: '20.12.2027' }).textContent()).toContain('abgelehnt');
  });

  it('signing out clears the cookie and the pages send the browser back to the sign-in page', async () => {
    expect((await session.context.cookies()).map((c) => c.name)).toContain('sm_session');
    const cookie = (await session.context.cookies()).find((c) => c.name === 'sm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie wurden abgemeldet.').waitFor();
    expect((await session.context.cookies()).map((c) => c.name)).not.toContain('sm_session');
    await page.goto('/abweichungen');
    expect(new URL(page.url()).pathname).toBe('/anmelden');
  });
});

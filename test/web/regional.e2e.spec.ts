import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { auth, calendarNow, seedOffices } from './web-fixtures';

/** A regional office in a real browser: its own page, the schedule form with live pre-check, and nothing of other offices. */
describe('regional office pages (Chromium)', () => {
  let web: WebTestApp;
  let witten: string;
  let session: { context: BrowserContext; page: Page; errors: string[] };
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    await seedOffices(web.t, await web.t.token('coordination'));
    witten = await web.t.token('regional', ['witten']);
    session = await newSession(web);
    page = session.page;
  }, 60_000);
  afterAll(() => web?.close());
  afterEach(() => expect(session?.errors ?? []).toEqual([]));

  it('lands on its own office page: week chart, weekly hours, hotline gaps and the employer-service share', async () => {
    await signIn(page, witten);
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/witten');
    expect(await page.locator('.who').textContent()).toContain('Regionalstelle · Witten');

    const schedule = page.locator('#section-schedule');
    await schedule.locator('svg.chart').waitFor();
    expect(await schedule.locator('svg.chart rect.block').count()).toBe(6);
    expect(await schedule.locator('svg.chart desc').textContent()).toContain('Donnerstag: 08:00–11:36, 14:00–18:00');
    expect(await schedule.locator('svg.chart').textContent()).toContain('Mindestwert 21,5 Std.');
    expect(await schedule.locator('svg.chart rect.window-morning').count()).toBe(1);
    expect(await schedule.locator('svg.chart rect.window-afternoon').count()).toBe(1);

    const hours = page.locator('#section-hours');
    await hours.locator('svg.chart').waitFor();
    // Every audited week of Witten met the 21.5 h (22 h): green bars only.
    expect(await hours.locator('svg.chart rect.bar-ok').count()).toBeGreaterThanOrEqual(4);
    expect(await hours.locator('svg.chart rect.bar-bad').count()).toBe(0);
    expect(await hours.locator('svg.chart').textContent()).toContain('Mindestwert 21,5 Std.');

    const hotline = page.locator('#section-hotline');
    await hotline.locator('#hotline-gaps').waitFor();
    expect(await hotline.locator('h2').textContent()).toContain(`KW ${Number(calendarNow().lastWeek.slice(-2))}`);
    expect(await hotline.textContent()).toContain('nicht erfüllt');
    expect(await hotline.locator('#hotline-gaps tbody tr', { hasText: 'Mittwoch' }).textContent()).toContain('12:00–13:00');

    const share = page.locator('#section-share');
    await share.locator('svg.chart').waitFor();
    expect(await share.locator('svg.chart').textContent()).toContain('Ziel 80 %');
    expect(await share.locator('svg.chart rect.bar-bad').count()).toBe(1);
    await page.locator('#section-runs a', { hasText: 'CSV' }).first().waitFor();
    await screenshot(page, 'office');
  });

  it('enters a week in the form, sees the pre-check update while typing, field errors beside the inputs, then submits', async () => {
    await page.getByRole('link', { name: 'Öffnungszeiten einreichen' }).click();
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/witten/oeffnungszeiten');
    // Pre-filled with the plan in force: 22 h, compliant.
    await page.getByLabel('Donnerstag, Zeitraum 2: bis').waitFor();
    await page.locator('#precheck-status', { hasText: 'erfüllt alle prüfbaren Standards' }).waitFor();
    await page.getByLabel('Gültig ab').fill(calendarNow().today);

    // Dropping Thursday afternoon leaves 18 h and no afternoon: the pre-check says so before submitting.
    await page.getByRole('button', { name: 'Entfernen (Donnerstag, Zeitraum 2)' }).click();
    await page.locator('#precheck-status', { hasText: 'nicht erfüllt' }).waitFor();
    const weekly = page.locator('#precheck-findings article[data-rule="opening.weekly-minimum"]');
    expect(await weekly.textContent()).toContain('18,0 Std.');
    expect(await weekly.textContent()).toContain('nicht erfüllt');

    // A time that does not exist is shown next to its input.
    await page.getByRole('button', { name: 'Zeitraum hinzufügen (Dienstag)' }).click();
    await page.getByLabel('Dienstag, Zeitraum 2: von').fill('14:00');
    await page.getByLabel('Dienstag, Zeitraum 2: bis').fill('25:00');
    await page.locator('#tue-1-to-error:not([hidden])').waitFor();
    expect(await page.locator('#tue-1-to-error').textContent()).toContain('muss eine Uhrzeit im Format HH:MM');
    expect(await page.getByLabel('Dienstag, Zeitraum 2: bis').getAttribute('aria-invalid')).toBe('true');

    // Corrected: Tuesday afternoon 14–18 Uhr brings the week to 22 h with an afternoon again.
    await page.getByLabel('Dienstag, Zeitraum 2: bis').fill('18:00');
    await page.locator('#precheck-status', { hasText: 'erfüllt alle prüfbaren Standards' }).waitFor();
    expect(await page.locator('#tue-1-to-error').isHidden()).toBe(true);
    await screenshot(page, 'schedule-form');

    await page.getByRole('button', { name: 'Öffnungszeiten einreichen' }).click();
    await page.locator('#result-heading').waitFor();
    const result = await page.locator('#result').textContent();
    expect(result).toContain(`gültig ab ${calendarNow().today.split('-').reverse().join('.')}`);
    expect(result).toContain('Die regelmäßige Öffnungszeit beträgt 22,0 Std. je Woche');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('result-heading');

    const stored = await web.t.http().get(`/api/v1/offices/witten/schedule?date=${calendarNow().today}`).set(auth(witten)).expect(200);
    expect(stored.body.week.tue).toEqual([
      { from: '08:00', to: '11:36' },
      { from: '14:00', to: '18:00' },
    ]);
    expect(stored.body.week.thu).toEqual([{ from: '08:00', to: '11:36' }]);
  });

  it('accepts pasted opening_hours text and shows its syntax error by the field', async () => {
    await page.reload();
    await page.getByLabel('opening_hours-Text einfügen').check();
    await page.getByLabel('Öffnungszeiten als opening_hours-Text').fill('Mo-Fr 08:00-');
    await page.locator('#openingHours-error:not([hidden])').waitFor();
    await page.getByLabel('Öffnungszeiten als opening_hours-Text').fill('Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00');
    await page.locator('#precheck-status', { hasText: 'erfüllt alle prüfbaren Standards' }).waitFor();
    expect(await page.locator('#openingHours-error').isHidden()).toBe(true);
  });

  it('cannot reach another office: a German 403 page without its data', async () => {
    const apiCalls: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/')) apiCalls.push(req.url());
    });
    for (const path of ['/regionalstellen/hattingen', '/regionalstellen/hattingen/oeffnungszeiten']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('Kein Zugriff');
      expect(await page.locator('main').textContent()).not.toContain('Hattingen');
      expect(await page.locator('svg.chart').count()).toBe(0);
    }
    expect(apiCalls).toEqual([]);
    // The overview is the coordination office's; a regional user is sent to its own office.
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/witten');
  });

  it('shows a proposal of the coordination office for consent', async () => {
    const coordination = await web.t.token('coordination');
    await web.t
      .http()
      .post('/api/v1/deviations')
      .set(auth(coordination))
      .send({ officeId: 'witten', ruleId: 'opening.every-morning', validFrom: '2027-01-04', validUntil: '2027-01-29', kind: 'waiver', reason: 'Umbau des Eingangsbereichs' })
      .expect(201);
    await page.getByRole('link', { name: 'Abweichungen' }).click();
    const proposal = page.locator('article.proposal', { hasText: 'Umbau des Eingangsbereichs' });
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('Öffnung an jedem Vormittag der Woche');
    await proposal.getByRole('button', { name: 'Zustimmen' }).click();
    await page.getByText('Sie haben zugestimmt').waitFor();
    expect(await page.locator('#deviation-table tbody tr', { hasText: 'vereinbart' }).count()).toBe(1);
  });

  it('proposes other values through the form: an empty reason is shown by its field, then the proposal appears in the list', async () => {
    const form = page.locator('#propose-form');
    // A regional office proposes for its own office only.
    expect(await form.getByLabel('Regionalstelle').locator('option').allTextContents()).toEqual(['Witten']);
    await form.getByLabel('Standard (Regel)').selectOption('opening.weekly-minimum');
    await form.getByLabel('Gültig ab').fill('2027-07-01');
    await form.getByLabel('Gültig bis').fill('2027-08-31');
    await form.getByLabel('Andere Werte').check();
    // Prefilled with the standard's value.
    expect(await form.getByLabel('Mindeststunden').inputValue()).toBe('21.5');
    expect(await form.getByLabel('Feiertage nach Plan anrechnen').isChecked()).toBe(true);
    await form.getByLabel('Mindeststunden').fill('18');

    await form.getByRole('button', { name: 'Abweichung vorschlagen' }).click();
    await page.locator('#propose-reason-error:not([hidden])').waitFor();
    expect(await page.locator('#propose-reason-error').textContent()).toContain('darf nicht leer sein');
    const reason = form.getByLabel('Begründung der Abweichung');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toContain('propose-reason-error');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('propose-reason');

    await reason.fill('Sommerferien: verkürzte Öffnung');
    await form.getByRole('button', { name: 'Abweichung vorschlagen' }).click();
    await page.locator('#propose-status', { hasText: 'Vorgeschlagen' }).waitFor();
    expect(await page.locator('#propose-status').textContent()).toContain('wartet auf die Zustimmung der Koordinierungsstelle');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('propose-status');
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    const row = page.locator('#deviation-table tbody tr', { hasText: '01.07.2027' });
    expect(await row.textContent()).toContain('vorgeschlagen');
    expect(await row.textContent()).toContain('Mindestöffnungszeit');
    await screenshot(page, 'deviation-form');

    const list = await web.t.http().get('/api/v1/deviations').set(auth(witten)).expect(200);
    const created = (list.body as Array<Record<string, unknown>>).find((d) => d.validFrom === '2027-07-01');
    expect(created).toMatchObject({ officeId: 'witten', ruleId: 'opening.weekly-minimum', kind: 'parameters', params: { minimumHours: 18 }, validUntil: '2027-08-31', status: 'proposed' });

    // The same period again overlaps: a message at the form.
    await form.getByLabel('Gültig ab').fill('2027-08-01');
    await form.getByLabel('Andere Werte').check();
    await form.getByLabel('Mindeststunden').fill('18');
    await reason.fill('Noch einmal');
    await form.getByRole('button', { name: 'Abweichung vorschlagen' }).click();
    await page.locator('#propose-error .error-box').waitFor();
    expect(await page.locator('#propose-error').textContent()).toContain('bereits eine Abweichung vorgeschlagen');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('propose-error');
  });
});

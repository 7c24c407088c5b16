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

/** The bottom edge of an element and whether its scroll box needs a horizontal scroll bar. */
const box = (selector: string) => `(() => {
  const e = document.querySelector('${selector}');
  const r = e.getBoundingClientRect();
  return { bottom: r.bottom, right: r.right, overflowX: e.scrollWidth > e.clientWidth + 1 };
})()`;

/** The coordination office in a real browser: sign in, the audit matrix and its filters, a finding, a new run, exports, office pages, deviations. */
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

  it('signs in and shows the latest audit as a matrix: short column titles, status as text, a first line counting must violations', async () => {
    await signIn(page, coordination);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('#matrix').waitFor();
    expect(await page.locator('.who').textContent()).toContain('Koordinierungsstelle');
    expect(await page.locator('#matrix-headline').textContent()).toMatch(/^1 von 9 Regionalstellen verletzen Muss-Standards; bei \d fehlen Daten\. Prüflauf KW \d+–\d+\/\d{4} \(\d Wochen\) und /);
    const header = page.locator('#matrix thead th[data-rule="opening.weekly-minimum"]');
    expect(await header.locator('.col-short').textContent()).toBe('Wochenstunden');
    expect(await header.locator('.col-tip').isVisible()).toBe(false);
    expect(await page.locator('#matrix thead').textContent()).toContain('Muss');
    const herdecke = page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.weekly-minimum"]');
    expect(await herdecke.textContent()).toContain('nicht erfüllt');
    expect(await herdecke.getAttribute('class')).toContain('status-non_compliant');
    // A uniform cell says nothing about counts; the count is in its label for screen readers.
    expect(await herdecke.textContent()).not.toContain('Zeiträume');
    expect(await herdecke.getAttribute('aria-label')).toMatch(/alle \d+ Zeiträume/);
    expect(await page.locator('button.cell-button[data-office="witten"][data-rule="opening.weekly-minimum"]').textContent()).toContain('erfüllt');
    expect(await page.locator('#matrix tbody tr').count()).toBe(9);
    // Observation values get no verdict: the legend names "beobachtet" in its own colour.
    const observed = page.locator('.legend .status-observed');
    expect(await observed.textContent()).toContain('beobachtet');
    await screenshot(page, 'overview');
  });

  it('shows the full title of a column on keyboard focus', async () => {
    const header = page.locator('#matrix thead th[data-rule="opening.weekly-minimum"]');
    await header.focus();
    const tip = header.locator('.col-tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe('Mindestöffnungszeit von 21,5 Stunden pro Woche');
    expect(await header.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
  });

  it('keeps the matrix of nine offices on one screen at 1366×768, without a horizontal scroll bar', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate('window.scrollTo(0, 0)');
    const matrix = (await page.evaluate(box('#matrix-wrap'))) as { bottom: number; right: number; overflowX: boolean };
    expect(matrix.bottom).toBeLessThanOrEqual(768);
    expect(matrix.right).toBeLessThanOrEqual(1366);
    expect(matrix.overflowX).toBe(false);
    await screenshot(page, 'overview-1366x768', { fullPage: false });
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  it('filters the matrix to violations and to must standards', async () => {
    const rows = page.locator('#matrix tbody tr');
    const columns = page.locator('#matrix thead th[data-rule]');
    const allColumns = await columns.count();
    await page.getByLabel('nur Verstöße').check();
    // Herdecke (must and should) and Witten (the employer-service aim) have violations.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-office')))).toEqual(['herdecke', 'witten']);
    expect(await columns.count()).toBeLessThan(allColumns);
    expect(await page.locator('#matrix .cell-button.status-non_compliant').count()).toBeGreaterThan(0);
    for (const rule of await columns.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-rule')))) {
      expect(await page.locator(`#matrix .cell-button.status-non_compliant[data-rule="${rule}"]`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('#matrix-shown').textContent()).toMatch(/^Angezeigt: 2 von 9 Regionalstellen, \d+ von \d+ Standards$/);
    await page.getByLabel('nur Muss-Standards').check();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-office')))).toEqual(['herdecke']);
    expect(await page.locator('#matrix thead .obligation').allTextContents()).toEqual(expect.arrayContaining(['Muss']));
    expect(new Set(await page.locator('#matrix thead .obligation').allTextContents())).toEqual(new Set(['Muss']));
    await screenshot(page, 'overview-filtered', { fullPage: false });
    await page.getByLabel('nur Verstöße').uncheck();
    expect(await rows.count()).toBe(9);
    await page.getByLabel('nur Muss-Standards').uncheck();
    expect(await columns.count()).toBe(allColumns);
  });

  it('drills into a cell with the keyboard: the findings behind it with their German explanation, figures, citation and evidence', async () => {
    await page.keyboard.press('Tab');
    await page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.weekly-minimum"]').focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#findings');
    await panel.locator('article.finding').first().waitFor();
    expect(await page.locator('#findings-heading').textContent()).toContain('Herdecke');
    const first = panel.locator('article.finding').first();
    const text = await first.textContent();
    expect(text).toContain('nicht erfüllt');
    expect(text).toMatch(/beträgt 14,0 Std\. je Woche und liegt 7,5 Std\. unter dem Mindestwert von 21,5 Std\./);
    expect(text).toContain('Ergebnis:14 Std. geöffnet');
    expect(text).toContain('Anforderung:mindestens 21,5 Std.');
    expect(text).toContain('Anlage 3, Abschnitt 2');
    expect(await first.locator('details.evidence').getAttribute('open')).not.toBeNull();
    expect(await panel.locator('table.findings-table tbody tr').count()).toBe(await panel.locator('article.finding').count());
    const evidence = await first.locator('details.evidence').textContent();
    expect(evidence).toContain('Öffnungsstunden je Tag');
    // The values the finding was judged with, named as the catalog names them.
    expect(evidence).toContain('Mindestöffnungszeit je Woche: 21,5 Std.');
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
    expect(await res.text()).toContain('Herdecke;KW ');
    const json = await session.context.request.get((await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href'))!);
    expect((await json.json()).findings.length).toBeGreaterThan(0);
  });

  it('says "Bitte ein Datum wählen" for an empty date of a new run, and names a period the wrong way round without widening the field', async () => {
    await page.getByText('Neuen Prüflauf starten').click();
    const toField = page.locator('#audit-to').locator('xpath=..');
    const widthBefore = (await toField.boundingBox())!.width;
    await page.getByLabel('Zeitraum von').fill('');
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    expect(await page.locator('#audit-from-error').textContent()).toBe('✗ Bitte ein Datum wählen.');
    expect(await page.getByLabel('Zeitraum von').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Zeitraum von').fill('2026-03-31');
    await page.getByLabel('bis', { exact: true }).fill('2026-03-01');
    await page.getByRole('button', { name: 'Prüflauf starten' }).click();
    await page.locator('#audit-to-error:not([hidden])').waitFor();
    expect(await page.locator('#audit-to-error').textContent()).toContain('darf nicht vor dem Beginn des Zeitraums liegen');
    expect(await page.locator('#audit-from-error').isHidden()).toBe(true);
    // The message wraps inside the field's width; the field does not grow with it.
    expect((await toField.boundingBox())!.width).toBe(widthBefore);
  });

  it('starts a new audit for a period and shows it, named by its periods, with an agreed deviation marked in its cell', async () => {
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
    await page.getByText(/Prüflauf abgeschlossen: \d+ Feststellungen \(KW /).waitFor();
    expect(await page.locator('#run-select option').count()).toBe(before + 1);
    expect(await page.locator('#run-select option').first().textContent()).toMatch(/^KW \d+–\d+\/\d{4} \(\d Wochen\) und \S+ bis \S+ \d{4} \(2 Monate\) · manuell am /);
    const waived = page.locator('button.cell-button[data-office="herdecke"][data-rule="opening.every-morning"]');
    await waived.waitFor();
    expect(await waived.textContent()).toContain('ausgesetzt (Abweichung)');
    expect(await waived.locator('.deviation-mark').textContent()).toBe('§ 6 Abweichung');
    expect(await waived.getAttribute('aria-label')).toContain('mit vereinbarter Abweichung');
  });

  it('reaches every office from the navigation; an office page lists the violations found against it', async () => {
    await page.getByText('Regionalstellen', { exact: true }).click();
    const menu = page.locator('.nav-list ul');
    expect(await menu.locator('a').count()).toBe(9);
    await menu.getByRole('link', { name: 'Herdecke' }).click();
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/herdecke');
    const findings = page.locator('#section-findings');
    await findings.locator('.rule-block').first().waitFor();
    expect(await findings.locator('.run-line').textContent()).toMatch(/^Prüflauf KW .* Standards nicht erfüllt/);
    // Violations first, each with what to change.
    const first = findings.locator('.rule-block').first();
    expect(await first.locator('.status').first().textContent()).toContain('nicht erfüllt');
    const weekly = findings.locator('.rule-block[data-rule="opening.weekly-minimum"]');
    expect(await weekly.textContent()).toContain('Die Öffnungszeit ist um mindestens 7,5 Std. zu erweitern.');
    expect(await weekly.locator('.period-strip').textContent()).toMatch(/Im Prüflauf: KW \d+\/\d{4} ✗/);
    await weekly.getByText('Verlauf über alle Prüfläufe').click();
    await weekly.locator('table.trend-table tbody tr').first().waitFor();
    expect(await weekly.locator('table.trend-table').textContent()).toContain('14 Std. geöffnet');
    expect(await page.locator('.nav-list summary').getAttribute('class')).toBe('nav-current');
    await screenshot(page, 'office-herdecke');
  });

  it('lists proposals waiting for consent with their values labelled; a rejection needs a reason; consent makes it agreed with its history', async () => {
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
    expect(await summer.textContent()).toContain('mit abweichenden Werten prüfen (Mindestöffnungszeit je Woche: 18 Std.)');
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

import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { problemsIn, visibleText } from './visible-text';
import { auth, seedOffices } from './web-fixtures';

/** Issue 13, point 2: evidence through upload forms, with a preview and the errors by line. */
describe('evidence upload forms (Chromium)', () => {
  let web: WebTestApp;
  let witten: string;
  let session: { context: BrowserContext; page: Page; errors: string[] };
  let page: Page;
  const counts = async () => ({ closures: await web.t.count('closure'), hotline: await web.t.count('hotline_coverage'), time: await web.t.count('staff_time_record') });

  beforeAll(async () => {
    web = await startWebTest();
    await seedOffices(web.t, await web.t.token('coordination'));
    witten = await web.t.token('regional', ['witten']);
    session = await newSession(web);
    page = session.page;
    await signIn(page, witten);
  }, 60_000);
  afterAll(() => web?.close());
  afterEach(() => expect(session?.errors ?? []).toEqual([]));

  it('leads from "Daten fehlen" on the office page to the form that fills the gap', async () => {
    const hint = page.locator('#section-findings .rule-block[data-rule="hotline.employer-service-hours"] .missing-data');
    await hint.waitFor();
    await hint.getByRole('link', { name: 'Hotline-Besetzung hochladen' }).click();
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/witten/nachweise');
    expect(new URL(page.url()).hash).toBe('#hotline-coverage');
    await page.locator('#hotline-coverage-columns code').first().waitFor();
    expect(await page.locator('#hotline-coverage-columns').textContent()).toContain('Beginn; Ende; abgedeckt durch');
  });

  it('previews pasted rows with German headers and values, then imports exactly them', async () => {
    const card = page.locator('section#closures');
    await card.getByLabel('oder Zeilen einfügen').fill('Datum;von;bis;Grund\n02.03.2026;8;10.30;Personalversammlung\n03.03.2026;;;Betriebsausflug\n');
    const before = await counts();
    await card.getByRole('button', { name: 'Vorschau' }).click();
    const table = card.locator('table.preview-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Datum', 'von', 'bis', 'Grund']);
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['02.03.2026', '08:00', '10:30', 'Personalversammlung']);
    expect(await card.locator('.notice').textContent()).toBe('Vorschau: 2 Zeilen, davon 2 neu, 0 korrigiert, 0 unverändert. Es wurde noch nichts gespeichert.');
    expect(await counts()).toEqual(before);
    expect(problemsIn(await visibleText(page))).toEqual([]);
    await screenshot(page, 'evidence-preview');

    await card.getByRole('button', { name: 'Übernehmen' }).click();
    await card.getByText('Gespeichert: 2 Zeilen, davon 2 neu, 0 korrigiert, 0 unverändert.').waitFor();
    expect(await card.getByLabel('oder Zeilen einfügen').inputValue()).toBe('');
    const stored = await web.t.http().get('/api/v1/offices/witten/closures?from=2026-03-01&to=2026-03-31').set(auth(witten)).expect(200);
    expect(stored.body.map((c: { date: string; from: string | null; reason: string }) => [c.date, c.from, c.reason])).toEqual([
      ['2026-03-02', '08:00', 'Personalversammlung'],
      ['2026-03-03', null, 'Betriebsausflug'],
    ]);
  });

  it('shows the errors of a bad file by line and field next to its lines, and stores nothing', async () => {
    const card = page.locator('section#hotline-coverage');
    const file = ['Beginn;Ende;abgedeckt durch', '09.03.2026 08:00;09.03.2026 12:00;Personal', '09.03.2026 12:00;09.03.2026 11:00;Call Center', '10.03.2026 08:00;10.03.2026 17:00;Praktikant', ''].join('\r\n');
    await card.getByLabel('CSV-Datei').setInputFiles({ name: 'hotline-maerz.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${file}`, 'utf8') });
    await card.getByText('Datei „hotline-maerz.csv“ geladen').waitFor();
    const before = await counts();
    await card.getByRole('button', { name: 'Vorschau' }).click();
    const errors = card.locator('table.error-table');
    await errors.waitFor();
    expect(await card.locator('.upload-errors .error-box').textContent()).toContain('Die Daten enthalten 2 Fehler in 2 Zeilen; es wurde nichts gespeichert.');
    expect(await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-line')))).toEqual(['3', '4']);
    const line3 = errors.locator('tbody tr[data-line="3"]');
    expect(await line3.locator('code').textContent()).toBe('09.03.2026 12:00;09.03.2026 11:00;Call Center');
    expect(await line3.locator('li').textContent()).toBe('Ende: muss nach dem Beginn liegen');
    expect(await errors.locator('tbody tr[data-line="4"] li').textContent()).toBe('abgedeckt durch: muss einer dieser Werte sein: Personal, Call Center');
    expect(await card.getByRole('button', { name: 'Übernehmen' }).isDisabled()).toBe(true);
    expect(await counts()).toEqual(before);
    // The errors speak German, without codes (issue 13).
    expect(problemsIn(await visibleText(page))).toEqual([]);
    await screenshot(page, 'evidence-errors');

    // Corrected in the field: the preview shows the German words of the codes, the import stores them.
    await card.getByLabel('oder Zeilen einfügen').fill(file.replace('09.03.2026 11:00', '09.03.2026 17:00').replace('Praktikant', 'Personal'));
    await card.getByRole('button', { name: 'Vorschau' }).click();
    await card.locator('table.preview-table').waitFor();
    expect(await card.locator('table.preview-table tbody tr').nth(1).locator('td').allTextContents()).toEqual(['09.03.2026 12:00', '09.03.2026 17:00', 'Call Center']);
    await card.getByRole('button', { name: 'Übernehmen' }).click();
    await card.getByText('Gespeichert: 3 Zeilen, davon 3 neu').waitFor();
    expect(await web.t.count('hotline_coverage')).toBe(before.hotline + 3);
  });

  it('takes rows copied from a spreadsheet (tabs) and previews time records only as monthly sums', async () => {
    const card = page.locator('section#time-records');
    const rows = ['Kürzel\tFunktion\tDatum\tMinuten\tTätigkeit', ...['vm-1', 'vm-2', 'vm-3'].map((ref) => `${ref}\tArbeitsvermittlung\t02.03.2026\t240\tUnternehmensservice`)];
    await card.getByLabel('oder Zeilen einfügen').fill(rows.join('\n'));
    await card.getByRole('button', { name: 'Vorschau' }).click();
    const table = card.locator('table.preview-table');
    await table.waitFor();
    expect(await table.locator('tbody tr td').allTextContents()).toEqual(['März 2026', 'Arbeitsvermittlung', 'Unternehmensservice', '3', '3', '720']);
    expect(await table.textContent()).not.toContain('vm-1');
  });

  it('offers a template per kind that opens in German Excel', async () => {
    const link = page.locator('section#time-records').getByRole('link', { name: 'Vorlage herunterladen (CSV)' });
    const res = await session.context.request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toBe('attachment; filename="vorlage-zeiterfassung.csv"');
    expect((await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Kürzel;Funktion;Datum;Minuten;Tätigkeit');
    await screenshot(page, 'evidence');
  });
});

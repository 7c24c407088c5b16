import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { problemsIn, visibleText } from './visible-text';

/** The Katalog page shows the whole agreement: checked rules by section, and what is listed, not checked (issue 15). */
describe('the Katalog page (Chromium)', () => {
  let web: WebTestApp;
  let session: { context: BrowserContext; page: Page; errors: string[] };
  let page: Page;

  beforeAll(async () => {
    web = await startWebTest();
    session = await newSession(web);
    page = session.page;
    await signIn(page, await web.t.token('regional', ['witten']));
  }, 60_000);
  afterAll(() => web?.close());
  afterEach(() => expect(session?.errors ?? []).toEqual([]));

  it('is reached from the navigation and lists a checked rule with obligation, parameters and interpretation', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Katalog' }).click();
    await page.locator('#catalog-version').waitFor();
    expect(new URL(page.url()).pathname).toBe('/katalog');
    expect(await page.locator('#catalog-version').textContent()).toContain('Regelkatalog Version 2026.1, gültig ab 01.01.2026');

    const section2 = page.locator('#abschnitt-2');
    expect(await section2.getByRole('heading', { level: 2 }).textContent()).toBe('Abschnitt 2: Öffnungszeiten');
    const weekly = section2.locator('article[data-kind="checked"]').filter({ hasText: 'Mindestöffnungszeit' }).first();
    expect(await weekly.locator('.obligation').textContent()).toBe('Muss');
    expect(await weekly.locator('blockquote').textContent()).toBe('Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten.');
    expect(await weekly.locator('tbody tr').first().locator('td').first().textContent()).toBe('21,5 Std.');

    // A parameter the text leaves open carries its interpretation note.
    const afternoon = section2.locator('article[data-kind="checked"]').filter({ hasText: 'Samstagnachmittag' });
    expect(await afternoon.count()).toBeGreaterThan(0);
  });

  it('lists the standards not checked with their reason, under their sections', async () => {
    const promote = page.locator('#abschnitt-1-2 article[data-kind="not-checked"]');
    expect(await promote.getByRole('heading', { level: 3 }).textContent()).toBe('Fördern und Fordern');
    expect(await promote.textContent()).toContain('aufgeführt, nicht geprüft');
    expect(await promote.textContent()).toContain('Warum nicht geprüft:');
    expect(await page.locator('#abschnitt-4-3 article[data-kind="not-checked"]').count()).toBe(3);
    expect(await page.locator('#abschnitt-5 article[data-kind="not-checked"]').count()).toBe(3);
    // No rule of section 4.3 or 5 pretends to be checked.
    expect(await page.locator('#abschnitt-5 article[data-kind="checked"]').count()).toBe(0);
    // The sections follow the agreement's order.
    const ids = await page.locator('section.catalog-section').evaluateAll((nodes) => nodes.map((n) => n.id));
    expect(ids.indexOf('abschnitt-1-2')).toBeLessThan(ids.indexOf('abschnitt-2'));
    expect(ids.indexOf('abschnitt-4-2')).toBeLessThan(ids.indexOf('abschnitt-4-3'));
    await screenshot(page, 'catalog');
  });

  it('shows German text only: no rule ids, parameter keys, ISO dates or English', async () => {
    expect(problemsIn(await visibleText(page))).toEqual([]);
  });
});

describe('the Katalog page with two catalog versions (Chromium)', () => {
  let web: WebTestApp;
  let dir: string;
  let session: { context: BrowserContext; page: Page; errors: string[] };

  beforeAll(async () => {
    // The shipped 2026.1 and the test fixture 2026.2 (from 1 October 2026), pinned to November 2026.
    dir = mkdtempSync(join(tmpdir(), 'catalog-page-'));
    cpSync(join(__dirname, '..', '..', 'config', 'standards', '2026.1'), join(dir, '2026.1'), { recursive: true });
    cpSync(join(__dirname, '..', 'fixtures', 'catalog-versions', '2026.2'), join(dir, '2026.2'), { recursive: true });
    web = await startWebTest({ standardsDir: dir, clock: () => new Date('2026-11-20T10:00:00Z') });
    session = await newSession(web);
    await signIn(session.page, await web.t.token('coordination'));
  }, 60_000);
  afterAll(async () => {
    await web?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => expect(session?.errors ?? []).toEqual([]));

  it('shows the version in force with its rules, and every version with its validity', async () => {
    const page = session.page;
    await page.goto('/katalog');
    await page.locator('#catalog-versions').waitFor();
    expect(await page.locator('#catalog-version').textContent()).toContain('Regelkatalog Version 2026.2, gültig ab 01.10.2026');
    expect(await page.locator('#catalog-versions li').allTextContents()).toEqual(['Version 2026.1: gültig ab 01.01.2026', 'Version 2026.2: gültig ab 01.10.2026 (in Kraft)']);
    const weekly = page.locator('#abschnitt-2 article[data-kind="checked"]').filter({ hasText: 'Mindestöffnungszeit' }).first();
    expect(await weekly.locator('tbody tr').first().locator('td').first().textContent()).toBe('25 Std.');
    expect(problemsIn(await visibleText(page))).toEqual([]);
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import offices from '../../config/offices.json';
import { DemoDataService } from '../../src/demo/demo-data.service';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { problemsIn, visibleText, type TextProblem } from './visible-text';

/**
 * Issue 13: no page of the demo shows an English sentence, a UUID, a rule id, a parameter key or
 * another code. Walks every page of the demo data as the coordination office and as a regional
 * office, opens every disclosure and every matrix cell, and checks what a person can read against
 * the patterns of visible-text.ts. Saves a screenshot of every page.
 */
describe('every page of the demo in German, without codes (Chromium)', () => {
  let web: WebTestApp;
  let coordinationToken: string;
  let wittenToken: string;

  beforeAll(async () => {
    web = await startWebTest();
    coordinationToken = (await web.t.app.get(DemoDataService).prepare()).coordinationToken;
    wittenToken = await web.t.token('regional', ['witten']);
  }, 120_000);
  afterAll(() => web?.close());

  /** Loads a page and waits until its scripts have fetched and drawn everything. */
  async function settle(page: Page, path: string): Promise<void> {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.waitForFunction("!document.querySelector('.loading')");
  }

  async function check(page: Page, where: string): Promise<TextProblem[]> {
    return (await problemsIn(await visibleText(page))).map((p) => ({ ...p, context: `${where}: ${p.context}` }));
  }

  async function walk(session: { context: BrowserContext; page: Page; errors: string[] }, role: string, paths: string[]): Promise<TextProblem[]> {
    const problems: TextProblem[] = [];
    for (const path of paths) {
      await settle(session.page, path);
      const name = `demo-${role}-${path === '/' ? 'uebersicht' : path.slice(1).replace(/\//g, '-')}`;
      await screenshot(session.page, name);
      problems.push(...(await check(session.page, path)));
    }
    expect(session.errors).toEqual([]);
    return problems;
  }

  it('finds a code or an English word when one is on a page (the guard works)', async () => {
    const session = await newSession(web);
    await signIn(session.page, coordinationToken);
    await settle(session.page, '/abweichungen');
    expect(await check(session.page, '/abweichungen')).toEqual([]);
    await session.page.evaluate(`(() => {
      const p = document.createElement('p');
      p.textContent = 'minimumHours = 18; Regel opening.weekly-minimum; 0b7f3e52-5c1a-4e7e-9a51-3c2d1e0f9a8b; Woche 2026-W41; the value is invalid';
      document.querySelector('main').append(p);
      document.querySelector('h1').setAttribute('title', 'sprockhoevel');
    })()`);
    const found = (await check(session.page, '/abweichungen')).map((p) => p.pattern);
    expect(found).toEqual(expect.arrayContaining(['UUID', 'Regel-ID', 'Parameter-Schlüssel', 'Schlüssel in camelCase', 'Zeitraum-ID', 'englisches Wort', 'Kennung einer Regionalstelle']));
    await session.context.close();
  });

  it('as the coordination office: overview, every office, every form and the deviations', async () => {
    const session = await newSession(web);
    await session.page.goto('/anmelden');
    const problems = await check(session.page, '/anmelden');
    await signIn(session.page, coordinationToken);
    const paths = ['/', ...offices.offices.flatMap((o) => [`/regionalstellen/${o.id}`, `/regionalstellen/${o.id}/oeffnungszeiten`, `/regionalstellen/${o.id}/nachweise`]), '/abweichungen'];
    problems.push(...(await walk(session, 'koordinierung', paths)));

    // Behind the cells of the matrix: the findings of an office and standard, one cell for every
    // standard and status (the findings of one kind read alike; every kind is read).
    await settle(session.page, '/');
    const cells = session.page.locator('button.cell-button');
    const keys = (await cells.evaluateAll((buttons) => buttons.map((b) => `${b.getAttribute('data-rule')} ${b.className}`))) as string[];
    expect(keys.length).toBeGreaterThan(60);
    const firstOfKind = keys.map((key, k) => (keys.indexOf(key) === k ? k : -1)).filter((k) => k >= 0);
    expect(firstOfKind.length).toBeGreaterThan(15);
    for (const k of firstOfKind) {
      await cells.nth(k).click();
      await session.page.locator('#findings article.finding').first().waitFor();
      await session.page.waitForFunction("!document.querySelector('#findings .loading')");
      problems.push(...(await check(session.page, `Matrix-Feld ${k + 1}`)));
    }
    await screenshot(session.page, 'demo-koordinierung-feststellungen');
    expect(session.errors).toEqual([]);
    expect(problems).toEqual([]);
    await session.context.close();
  }, 600_000);

  it('as a regional office: its page, its forms and the deviations', async () => {
    const session = await newSession(web);
    await signIn(session.page, wittenToken);
    const problems = await walk(session, 'witten', ['/regionalstellen/witten', '/regionalstellen/witten/oeffnungszeiten', '/regionalstellen/witten/nachweise', '/abweichungen']);
    expect(problems).toEqual([]);
    await session.context.close();
  }, 300_000);
});

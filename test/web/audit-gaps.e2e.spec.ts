import type { BrowserContext, Page } from 'playwright-core';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { nightlyPeriods } from '../../src/audits/audit-periods';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { seedOffices } from './web-fixtures';

/** The coordination overview names the nights the nightly audit did not judge, and how to audit them (issue 10). */
describe('nights not audited on the coordination page (Chromium)', () => {
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

  it('shows no notice while every night was audited', async () => {
    await signIn(page, coordination);
    await page.locator('#matrix').waitFor();
    expect(await page.locator('#audit-gaps').textContent()).toBe('');
  });

  it('lists each night not audited with its command above the matrix, which still shows the latest report', async () => {
    const runs = web.t.app.get(AuditRunRepository);
    for (const night of ['2026-10-05', '2026-10-06']) {
      const p = nightlyPeriods(night);
      await runs.recordMissedNight({ from: p.from, to: p.to, periods: p.periods.map((x) => x.id), catalogVersion: 'x', nightlyDate: night }, 'Nicht geprüft');
    }
    await page.goto('/');
    const notice = page.locator('#audit-gaps section');
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toContain('2 Nächte wurden nicht geprüft');
    expect(await notice.locator('li').allTextContents()).toEqual([
      'Prüfung für den 05.10.2026: npm run --silent cli -- audit --night 2026-10-05',
      'Prüfung für den 06.10.2026: npm run --silent cli -- audit --night 2026-10-06',
    ]);
    await page.locator('#matrix').waitFor();
    await screenshot(page, 'coordination-audit-gaps');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { calendarNow, seedOffices } from './web-fixtures';

/** Text of a PDF through poppler's pdftotext (.ci/run installs poppler-utils, like Chromium). */
function pdfText(pdf: Buffer): string {
  if (!existsSync('/usr/bin/pdftotext')) throw new Error('/usr/bin/pdftotext fehlt: apt-get install -y poppler-utils (.ci/run installiert es).');
  const dir = mkdtempSync(join(tmpdir(), 'sm-pdf-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    return execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The improvement cycle in a real browser: the regional office acts, the coordination office oversees, the report prints. */
describe('corrective actions on the pages (Chromium)', () => {
  let web: WebTestApp;
  let sessions: Array<{ context: BrowserContext; page: Page; errors: string[] }> = [];

  beforeAll(async () => {
    web = await startWebTest();
    await seedOffices(web.t, await web.t.token('coordination'));
  }, 60_000);
  afterAll(() => web?.close());
  afterEach(async () => {
    for (const s of sessions) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
    sessions = [];
  });

  async function session(token: string) {
    const s = await newSession(web);
    sessions.push(s);
    await signIn(s.page, token);
    return s.page;
  }

  it('shows a regional office its violations and actions; it plans a measure and reports it done', async () => {
    const page = await session(await web.t.token('regional', ['herdecke']));
    expect(new URL(page.url()).pathname).toBe('/regionalstellen/herdecke');
    const panel = page.locator('#actions-panel');
    await panel.locator('#violations li').first().waitFor();
    expect(await panel.locator('#violations').textContent()).toContain('nicht erfüllt');
    expect(await panel.locator('#violations').textContent()).toContain('Mindestöffnungszeit');
    expect(await page.locator('#inbox-link').textContent()).toMatch(/Mitteilungen \(\d+\)/);

    const weekly = panel.locator('li.action-item[data-rule="opening.weekly-minimum"]');
    await weekly.waitFor();
    expect(await weekly.textContent()).toContain('offen');
    expect(await weekly.textContent()).toContain('Noch keine Maßnahme geplant.');
    await weekly.getByLabel('Geplante Maßnahme').fill('Freitags 08:00–12:30 öffnen.');
    await weekly.getByRole('button', { name: 'Maßnahme speichern' }).click();
    const planned = panel.locator('li.action-item[data-rule="opening.weekly-minimum"][data-status="planned"]');
    await planned.waitFor();
    expect(await planned.textContent()).toContain('Maßnahme: Freitags 08:00–12:30 öffnen.');
    expect(await planned.textContent()).toContain('◐ geplant');
    // Keyboard: the done button is reachable and works with Enter.
    await planned.getByRole('button', { name: 'Als erledigt melden' }).focus();
    await page.keyboard.press('Enter');
    const done = panel.locator('li.action-item[data-rule="opening.weekly-minimum"][data-status="done"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('erledigt gemeldet');
    expect(await done.textContent()).toMatch(/entscheidend: KW \d+\/\d{4}/);
    await screenshot(page, 'office-actions');
    const [action] = await web.t.dataSource.query(`SELECT status, measure FROM corrective_action WHERE office_id = 'herdecke' AND rule_id = 'opening.weekly-minimum'`);
    expect(action).toEqual({ status: 'done', measure: 'Freitags 08:00–12:30 öffnen.' });
  });

  it('shows the coordination office the overdue actions per office', async () => {
    await web.t.dataSource.query(`UPDATE corrective_action SET due_date = current_date - 3 WHERE office_id = 'herdecke' AND rule_id = 'opening.every-weekday'`);
    const page = await session(await web.t.token('coordination'));
    const overdue = page.locator('#overdue-actions');
    await overdue.locator('section[data-office="herdecke"]').waitFor();
    const text = await overdue.textContent();
    expect(text).toContain('Herdecke');
    expect(text).toContain('überfällig');
    expect(await overdue.locator('li.action-item').count()).toBe(1);
    expect(await overdue.locator('li.action-item').getAttribute('data-rule')).toBe('opening.every-weekday');
    expect(await page.locator('#open-actions').textContent()).toContain('erledigt gemeldet');
    await screenshot(page, 'coordination-actions');
  });

  it('opens the PDF report of an office, with the office, period, verdicts and page numbers', async () => {
    const page = await session(await web.t.token('regional', ['herdecke']));
    const link = page.locator('#report-pdf-link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    const month = calendarNow().auditTo.slice(0, 7);
    expect(href).toBe(`/api/v1/offices/herdecke/report.pdf?period=${month}`);
    const res = await page.context().request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Bericht der Regionalstelle Herdecke');
    expect(text).toContain('Regelkatalog');
    expect(text).toContain('nicht erfüllt');
    expect(text).toContain('Maßnahmen');
    expect(text).toMatch(/Seite 1 von \d/);
    expect(text).not.toContain('Drucken');

    // The same report as a page prints without its tools.
    await page.goto(href.replace('.pdf', ''));
    expect(await page.locator('h1').textContent()).toBe('Bericht der Regionalstelle Herdecke');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-tools').isVisible()).toBe(false);
    expect(await page.locator('.running-header').isVisible()).toBe(true);
  });
});

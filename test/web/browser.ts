import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';

/** Debian's Chromium: .ci/run installs it with apt when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';
/**
 * Chromium draws date inputs ("tt.mm.jjjj") and file pickers in its own UI language, not in the
 * page's locale. On Linux it takes that language from LANGUAGE and needs its German resources
 * (Debian package chromium-l10n; .ci/run installs it): the pages are German, so is the browser.
 */
const GERMAN_RESOURCES = '/usr/lib/chromium/locales/de.pak';
const GERMAN_ENV = { LANGUAGE: 'de', LANG: 'de_DE.UTF-8' };
const ARGS = ['--lang=de-DE', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SCREENSHOTS = join(__dirname, '..', 'output', 'screenshots');

/** A laptop screen. */
const VIEWPORT = { width: 1366, height: 800 };

export interface WebTestApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real application on a real port, and a headless Chromium. A missing browser fails the test
 * file with a clear message instead of skipping it: the browser tests are part of the suite.
 */
export async function startWebTest(options: Parameters<typeof startTestApp>[0] = {}): Promise<WebTestApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} fehlt: Die Browser-Tests brauchen Debians Chromium (apt-get install -y chromium; .ci/run installiert es).`);
  }
  if (!existsSync(GERMAN_RESOURCES)) {
    throw new Error(`${GERMAN_RESOURCES} fehlt: Die Browser-Tests brauchen Chromium auf Deutsch (apt-get install -y chromium-l10n; .ci/run installiert es).`);
  }
  const t = await startTestApp(options);
  try {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, env: { ...process.env, ...GERMAN_ENV } });
    return {
      t,
      baseUrl: `http://127.0.0.1:${port}`,
      browser,
      async close() {
        await browser.close().catch(() => undefined);
        await t.close();
      },
    };
  } catch (err) {
    await t.close();
    throw err;
  }
}

/** A fresh browser profile (own cookies) that fails the test on any script error of the page. */
export async function newSession(web: WebTestApp): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await web.browser.newContext({ viewport: VIEWPORT, locale: 'de-DE', timezoneId: 'Europe/Berlin', baseURL: web.baseUrl });
  // Shorter than jest's test timeout, so a missing element fails with Playwright's own message.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  return { context, page, errors };
}

export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('Zugangstoken').fill(token);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/anmelden'), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

/** Saves test/output/screenshots/<name>.png (git-ignored): the whole page, or what the screen shows. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_CONFIG } from '../app/app-options';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { assetsDir } from '../web/web-assets.controller';

/** The flags the browser tests use (test/web/browser.ts): headless in a container, nothing phoning home. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Renders report HTML to an A4 PDF with Debian's Chromium (playwright-core). One browser is started
 * on first use and kept; one page renders at a time, so two cores are not swamped by reports. The
 * HTML comes as a string with its stylesheet inline and loads nothing (JavaScript off, no network).
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private browser?: Promise<Browser>;
  private queue: Promise<unknown> = Promise.resolve();
  readonly css = readFileSync(join(assetsDir(), 'report.css'), 'utf8');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get available(): boolean {
    return existsSync(this.config.reports.chromiumPath);
  }

  async render(html: string): Promise<Buffer> {
    if (!this.available) {
      throw new DomainError('service_unavailable', `Das PDF kann hier nicht erzeugt werden: Chromium fehlt (${this.config.reports.chromiumPath}). Der Bericht ist als Webseite verfügbar und lässt sich dort drucken.`);
    }
    const job = this.queue.then(() => this.renderNow(html));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async renderNow(html: string): Promise<Buffer> {
    // Loaded on first use: playwright-core is large, and most processes never render a PDF.
    const browser = await (this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: this.config.reports.chromiumPath, args: ARGS }))
      .catch((err) => {
        this.browser = undefined;
        throw err;
      }));
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch((err) => this.logger.warn({ msg: 'browser did not close', error: String(err) }));
  }
}

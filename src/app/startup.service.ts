import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NightlyAuditJob } from '../audits/nightly-audit.job';
import type { AppConfig } from '../config/app-config';
import { DemoDataService } from '../demo/demo-data.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogVersionRepository } from '../standards/catalog-version.repository';
import { CatalogService } from '../standards/catalog.service';
import { APP_CONFIG } from './app-options';

/**
 * Work every process does once the database is migrated, in the one order that makes sense:
 * the catalog versions compared with those already judged (a changed past version stops the start,
 * issue 15), offices first (everything refers to them); then, in the service, the demo data (demo mode) and
 * only after it the catch-up of missed nightly audits. The other way round, the first nightly run
 * of a fresh demo judged an empty database and said "Daten fehlen" everywhere (issue 13, point 7).
 * The service listens meanwhile; main.ts waits for `demoReady` to print the demo token.
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');
  /** The demo coordination token once the demo data is in (undefined without demo mode). */
  demoReady: Promise<string | undefined> = Promise.resolve(undefined);
  /** Resolves when the start-up catch-up of nightly audits is done (or was not due). */
  caughtUp: Promise<void> = Promise.resolve();

  constructor(
    private readonly catalog: CatalogService,
    private readonly catalogVersions: CatalogVersionRepository,
    private readonly offices: OfficesService,
    private readonly demo: DemoDataService,
    private readonly nightly: NightlyAuditJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.catalogVersions.verify(this.catalog.sources);
    await this.offices.seedIfEmpty();
    if (this.mode !== 'service') return;
    this.demoReady = this.config.demoData ? this.demo.prepare().then((d) => d.coordinationToken) : Promise.resolve(undefined);
    // Catch up nights missed while the service was down, on the demo data if there is any.
    this.caughtUp = this.demoReady.then(
      () => this.catchUp(),
      () => this.catchUp(),
    );
  }

  private async catchUp(): Promise<void> {
    if (!this.config.nightlyAudit.enabled) return;
    await this.nightly.tick().catch((err: unknown) => this.logger.error({ msg: 'nightly catch-up at start failed', error: err instanceof Error ? err.message : String(err) }));
  }
}

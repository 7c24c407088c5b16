import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app/app.module';
import { configureApp } from '../../src/app/configure-app';
import { TokenService } from '../../src/auth/token.service';
import { CLOCK, type Clock } from '../../src/common/clock';
import type { AppConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/logging/json-logger';
import { STANDARDS_DIR } from '../../src/standards/catalog.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  dataSource: DataSource;
  http(): ReturnType<typeof request>;
  /** A fresh token: coordination, or regional for the given offices. */
  token(role: 'coordination'): Promise<string>;
  token(role: 'regional', offices: string[]): Promise<string>;
  /** Number of rows in a table: tests prove that a rejected request wrote nothing. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export const TEST_CONFIG: AppConfig = {
  port: 0,
  dataDir: '',
  demoData: false,
  logLevel: 'error',
  bodyLimit: '2mb',
  trustProxy: false,
  // Tests drive the nightly job with a pinned clock instead of the cron.
  nightlyAudit: { enabled: false, cron: '30 2 * * *', catchUpDays: 7 },
  // Tests drive sweeps, digests and sending themselves; no SMTP server unless a test starts one.
  notifications: { mailFrom: 'Qualitätsstandards <qs@test.invalid>', publicUrl: 'http://qs.test', digestEnabled: false, digestCron: '0 6 * * *' },
  reports: { chromiumPath: '/usr/bin/chromium' },
  instanceHeartbeatSeconds: 10,
};

/** The real application (same modules, same configureApp) on its own database. */
export async function startTestApp(
  options: { cliSecret?: string; sharedDatabase?: TestDatabase; config?: Partial<AppConfig>; clock?: Clock; /** A folder of catalog versions instead of config/standards. */ standardsDir?: string } = {},
): Promise<TestApp> {
  const config: AppConfig = { ...TEST_CONFIG, ...options.config };
  // A second application on the same database stands for another instance of the service; only the
  // first owns (and drops) the database.
  const owner = !options.sharedDatabase;
  const db = options.sharedDatabase ?? (await createTestDatabase());
  try {
    const builder = Test.createTestingModule({
      imports: [AppModule.register({ config, database: db.target, mode: 'service', cliSecret: () => options.cliSecret })],
    });
    // A pinned clock reaches every provider that reads the time (nightly job, judging, due dates of actions).
    if (options.clock) builder.overrideProvider(CLOCK).useValue(options.clock);
    if (options.standardsDir) builder.overrideProvider(STANDARDS_DIR).useValue(options.standardsDir);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: new JsonLogger('error') });
    configureApp(app, config);
    // A start refused at bootstrap (e.g. an edited past catalog version) must let go of the
    // database, so another application can use it (the embedded server has one connection).
    await app.init().catch(async (err: unknown) => {
      await app.close().catch(() => undefined);
      throw err;
    });
    const dataSource = app.get(DataSource);
    const tokens = app.get(TokenService);
    return {
      app,
      db,
      dataSource,
      http: () => request(app.getHttpServer()),
      token: async (role: 'coordination' | 'regional', offices: string[] = []) => (await tokens.create(role, offices)).token,
      count: async (table: string) => Number((await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n),
      async close() {
        await app.close();
        if (owner) await db.drop();
      },
    } as TestApp;
  } catch (err) {
    if (owner) await db.drop();
    throw err;
  }
}

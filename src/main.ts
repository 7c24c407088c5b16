import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { warmHolidayCalendar } from './calendar/nrw-holidays';
import { ConfigError, loadConfig } from './config/app-config';
import { CatalogError } from './engine/catalog.error';
import { DataDirBusyError } from './database/data-dir.lock';
import { discardPrewarmedEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
import { defaultImageDir, imageFile } from './database/pgdata-image';
import { JsonLogger } from './logging/json-logger';
import { checkCatalogAtStart } from './standards/catalog.service';
import { QuestionnaireError } from './surveys/questionnaire.error';
import { checkQuestionnairesAtStart } from './surveys/questionnaire-catalog.service';

/** After listening: long enough for a start-up probe to get its first /health answered. */
const HOLIDAY_WARM_UP_DELAY_MS = 1000;

/** Set once the embedded database runs, so a failed start closes it and frees the folder lock. */
let stopEmbeddedOnFailure: () => Promise<void> | undefined = () => undefined;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  Logger.overrideLogger(logger);

  // A broken catalog must stop the start before the data folder is touched.
  checkCatalogAtStart();
  checkQuestionnairesAtStart();
  // Without its database the service cannot answer: a crash of the embedded one ends the process
  // (exit code 1, so that a supervisor restarts it) instead of leaving it up and failing every request.
  let databaseLost: () => void = () => process.exit(1);
  // A database server needs no embedded thread: one started ahead (scripts/start-service.js) is ended.
  if (config.databaseUrl) void discardPrewarmedEmbeddedPostgres();
  const starting: Promise<EmbeddedPostgres> | undefined = config.databaseUrl
    ? undefined
    : startEmbeddedPostgres(config.dataDir, 'service', { image: imageFile(defaultImageDir()), onUnexpectedExit: () => databaseLost() });
  stopEmbeddedOnFailure = async () => (await starting?.catch(() => undefined))?.stop();
  // The application is built while the embedded database opens in its own thread (cold start,
  // issue 14): Nest scans the modules and creates whatever does not need the database, and what does
  // waits for it. Loading the modules is synchronous, so they are required first.
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { AppModule } = require('./app/app.module') as typeof import('./app/app.module');
  const { configureApp } = require('./app/configure-app') as typeof import('./app/configure-app');
  const { StartupService } = require('./app/startup.service') as typeof import('./app/startup.service');
  let secret: string | undefined;
  const database = starting
    ? // A database that fails to open is reported by `await starting` below with its own message;
      // the application, still waiting for it then, is left unfinished and the process ends.
      starting.then((e) => ({ url: e.url, embedded: true }), () => new Promise<never>(() => undefined))
    : { url: config.databaseUrl!, embedded: false };
  const creating = NestFactory.create<NestExpressApplication>(
    AppModule.register({ config, database, mode: 'service', cliSecret: () => secret }),
    { logger, bodyParser: false, abortOnError: false },
  );
  creating.catch(() => undefined); // observed below, after the database's own failure
  const embedded = await starting;
  const app = await creating;
  configureApp(app, config);

  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'shutting down', signal }, 'main');
    await app.close().catch((err: unknown) => logger.error({ msg: 'close failed', err: String(err) }, undefined, 'main'));
    await embedded?.stop();
    process.exit(exitCode);
  };
  databaseLost = () => void stop('embedded database lost', 1);
  // Our own handlers instead of Nest's enableShutdownHooks (which re-raises the signal and ends the
  // process before the embedded database is closed and its folder lock released).
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.port, '0.0.0.0');
  const port = (app.getHttpServer().address() as { port: number }).port;
  if (embedded) secret = embedded.lock.announceHttp(port);

  // The holiday library's first load blocks for ≈ 95 ms: done once the start has settled (and the
  // first /health answered), not inside the first judgement.
  setTimeout(() => warmHolidayCalendar(), HOLIDAY_WARM_UP_DELAY_MS).unref();

  const base = `http://localhost:${port}`;
  logger.log({ msg: 'listening', url: base, database: embedded ? `embedded (${config.dataDir})` : 'server' }, 'main');
  // Demo data (and after it the catch-up of missed nightly audits) is prepared by StartupService.
  const demoToken = await app.get(StartupService).demoReady;
  if (demoToken) {
    process.stdout.write(
      [
        '',
        `standards-monitor läuft: ${base}`,
        `  Im Browser:        ${base}/anmelden (mit dem Demo-Token unten anmelden)`,
        `  API-Dokumentation: ${base}/api/docs`,
        `  Zustand:           ${base}/health`,
        `  Demo-Token (Koordinierungsstelle, nur im Demo-Modus): ${demoToken}`,
        `  Beispiel: curl -H "Authorization: Bearer ${demoToken}" ${base}/api/v1/offices`,
        '',
      ].join('\n') + '\n',
    );
  } else {
    process.stdout.write(`standards-monitor läuft: ${base} (API-Dokumentation: ${base}/api/docs)\n`);
  }
}

/**
 * Settles once the service answers (or never: a failed start ends the process). scripts/start-service.js
 * waits for it to save the bundle's compile cache, which then holds what a start compiles.
 */
export const started: Promise<void> = bootstrap().catch(async (err: unknown) => {
  await Promise.resolve(stopEmbeddedOnFailure()).catch(() => undefined);
  if (err instanceof ConfigError || err instanceof DataDirBusyError || err instanceof CatalogError || err instanceof QuestionnaireError) {
    const prefix = err instanceof CatalogError ? 'Der Regelkatalog ist fehlerhaft, der Dienst startet nicht: ' : err instanceof QuestionnaireError ? 'Ein Fragebogen ist fehlerhaft, der Dienst startet nicht: ' : '';
    process.stderr.write(`${prefix}${err.message}\n`);
    if (err instanceof DataDirBusyError) process.stderr.write('Bitte den anderen Prozess beenden oder DATA_DIR auf einen anderen Ordner setzen.\n');
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(`Der Port ${process.env.PORT ?? 3000} ist bereits belegt. Bitte den anderen Dienst beenden oder PORT setzen.\n`);
  } else {
    process.stderr.write(`Start fehlgeschlagen: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app/app.module';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config';
import { CatalogError } from '../engine/catalog.error';
import { DataDirBusyError, liveHolder, type DataDirLockInfo } from '../database/data-dir.lock';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { JsonLogger } from '../logging/json-logger';
import { runCliCommand } from './cli-commands';
import type { CliResult } from './cli-output';

const WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The CLI. On a server database it connects directly. On the embedded database it opens the data
 * folder itself when nobody holds it, and otherwise hands the command to the running service, which
 * owns the folder (PGlite must never be opened by two processes).
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  Logger.overrideLogger(new JsonLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn'));
  const result = config.databaseUrl ? await runLocally(config, argv) : await runOnEmbedded(config, argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}

async function runOnEmbedded(config: AppConfig, argv: string[]): Promise<CliResult> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const holder = liveHolder(config.dataDir);
    if (holder?.kind === 'service' && holder.httpPort && holder.cliSecret) return forward(holder, argv);
    if (!holder) {
      try {
        return await runLocally(config, argv);
      } catch (err) {
        if (!(err instanceof DataDirBusyError)) throw err; // someone took the folder a moment ago: look again
      }
    }
    // Held by another CLI or by a service that is still starting: wait a little, then explain.
    if (Date.now() > deadline) {
      const who = holder ? `Prozess ${holder.pid} (${holder.kind === 'service' ? 'Dienst, startet noch' : holder.kind})` : 'einem anderen Prozess';
      return { exitCode: 3, stdout: '', stderr: `Der Datenordner ${config.dataDir} ist seit ${WAIT_MS / 1000} s von ${who} belegt. Bitte später erneut versuchen.\n` };
    }
    await sleep(250);
  }
}

async function forward(holder: DataDirLockInfo, argv: string[]): Promise<CliResult> {
  const res = await fetch(`http://127.0.0.1:${holder.httpPort}/internal/cli`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cli-secret': holder.cliSecret! },
    body: JSON.stringify({ argv }),
  }).catch((err: unknown) => {
    throw new Error(`Der laufende Dienst (Prozess ${holder.pid}) ist nicht erreichbar: ${String(err)}`);
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    return { exitCode: 3, stdout: '', stderr: `Der laufende Dienst hat den Befehl abgelehnt (HTTP ${res.status}): ${body.message ?? ''}\n` };
  }
  return (await res.json()) as CliResult;
}

async function runLocally(config: AppConfig, argv: string[]): Promise<CliResult> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, 'cli');
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.register({
        config,
        database: embedded ? { url: embedded.url, embedded: true } : { url: config.databaseUrl!, embedded: false },
        mode: 'cli',
      }),
      { abortOnError: false },
    );
    try {
      return await runCliCommand(app, argv);
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof DataDirBusyError || err instanceof CatalogError;
    process.stderr.write(known ? `${(err as Error).message}\n` : `Fehler: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(known ? 3 : 1);
  },
);

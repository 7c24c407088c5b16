import type { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import type { DatabaseTarget } from '../database/database-target';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLI_SECRET = Symbol('CLI_SECRET');

export interface AppOptions {
  config: AppConfig;
  /** A promise while the embedded database is still opening: the application is built meanwhile (cold start, main.ts). */
  database: DatabaseTarget | Promise<DatabaseTarget>;
  /** 'cli' leaves out what only a long-running service does (schedulers, demo data). */
  mode: 'service' | 'cli';
  /** Reads the secret that authorises /internal/cli (set once the service announced itself). */
  cliSecret?: () => string | undefined;
  /** The service's clock (default: the system's). The bench audits a past year as of the day after it. */
  clock?: Clock;
}

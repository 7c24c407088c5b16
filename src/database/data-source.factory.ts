import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { DatabaseTarget } from './database-target';
import { listeningHook } from './table-changes';

// A SQL date is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a JS Date at
// local midnight, which would shift days under any process time zone other than UTC.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export function dataSourceOptions(target: DatabaseTarget, migrations: DataSourceOptions['migrations'] = MIGRATIONS): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // uuid-ossp cannot be installed on PGlite; gen_random_uuid() is built in on both.
    installExtensions: false,
    // The embedded socket serves one connection: keep it open (no idle timeout) so the slot is
    // never free for another local process to take. Every connection LISTENs for changes to the
    // tables the service keeps in memory (table-changes.ts; tableChangesOf(ds) hears them).
    extra: { ...(target.embedded ? { max: 1, idleTimeoutMillis: 0 } : { max: 10 }), onConnect: listeningHook().onConnect },
    logging: false,
  };
}

/** Any constant would do; it only has to be the same in every instance of the service. */
const MIGRATION_LOCK_KEY = 7_351_002;

/**
 * Runs pending migrations. On a server several instances may start at once: a session-level
 * advisory lock lets one migrate while the others wait. The embedded database has one process and
 * one connection, where holding the lock on that connection would block the migration itself.
 */
export async function migrate(ds: DataSource, target: DatabaseTarget): Promise<string[]> {
  if (target.embedded) return (await ds.runMigrations()).map((m) => m.name);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await ds.runMigrations()).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** `migrations` only differs in tests of the database image (an older migration list). */
export async function openDataSource(
  target: DatabaseTarget,
  options: { migrate: boolean; report?: { applied: string[] }; migrations?: DataSourceOptions['migrations'] } = { migrate: true },
): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(target, options.migrations));
  await ds.initialize();
  try {
    if (options.migrate) {
      const applied = await migrate(ds, target);
      options.report?.applied.push(...applied);
    }
  } catch (err) {
    await ds.destroy();
    throw err;
  }
  return ds;
}

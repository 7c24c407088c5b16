import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { OfficeNameKeys1764700000000 } from '../../migrations/1764700000000-office-name-keys';
import { openDataSource } from '../../src/database/data-source.factory';
import type { DatabaseTarget } from '../../src/database/database-target';
import { serve } from '../../src/database/embedded-postgres';
import { serverUrlFor } from '../support/test-database';

interface OwnDatabase {
  /** Opens it and runs the given migrations (all by default), as the service does at start. */
  open(migrations?: typeof MIGRATIONS): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A database of its own, not copied from the migrated template: on the test server, or embedded. */
async function ownDatabase(): Promise<OwnDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `sm_m_${randomBytes(6).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const target: DatabaseTarget = { url: serverUrlFor(serverUrl, name), embedded: false };
    return { open: (migrations = MIGRATIONS) => openDataSource(target, { migrate: true, migrations }), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  // The embedded socket server serves one connection in its life: one server per opening.
  const db = await PGlite.create();
  const servers: Array<Awaited<ReturnType<typeof serve>>['server']> = [];
  return {
    async open(migrations = MIGRATIONS) {
      const { url, server } = await serve(db);
      servers.push(server);
      return openDataSource({ url, embedded: true }, { migrate: true, migrations });
    },
    async drop() {
      for (const server of servers) await server.stop();
      await db.close();
    },
  };
}

/**
 * Offices created before names had to be unique may share one (or use another's id as name): the
 * migration that makes names unique must still run, change no name, and give each key one owner.
 */
describe('migration 1764700000000 (office name keys) over offices that already share names', () => {
  let db: OwnDatabase;
  let ds: DataSource;
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(OfficeNameKeys1764700000000));

  beforeAll(async () => {
    db = await ownDatabase();
    const old = await db.open(before);
    try {
      await old.query(`INSERT INTO office (id, name, role, created_at) VALUES
        ('hattingen', 'Hattingen', 'standalone', '2026-01-01'),
        ('zz-test', 'Hattingen', 'standalone', '2026-02-01'),
        ('witten', 'Witten', 'standalone', '2026-01-01'),
        ('w2', 'WITTEN', 'standalone', '2025-01-01'),
        ('doppelt-neu', 'Doppelt', 'standalone', '2026-03-01'),
        ('doppelt-alt', '  doppelt ', 'standalone', '2026-01-15'),
        ('sprockhoevel', 'Sprockho\u0308vel', 'standalone', '2026-01-01'),
        ('sprock-2', 'SPROCKHÖVEL', 'standalone', '2026-01-02')`);
    } finally {
      await old.destroy();
    }
    ds = await db.open();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('runs, keeps every name, and gives a shared key to the office whose id it is, else the oldest', async () => {
    expect(await ds.query(`SELECT count(*)::int AS n FROM office WHERE name IN ('Hattingen', 'WITTEN', '  doppelt ')`)).toEqual([{ n: 4 }]);
    const owners = await ds.query(`SELECT key, office_id FROM office_name_key WHERE key IN ('hattingen', 'witten', 'doppelt', 'sprockhövel') ORDER BY key`);
    expect(owners).toEqual([
      { key: 'doppelt', office_id: 'doppelt-alt' },
      { key: 'hattingen', office_id: 'hattingen' },
      { key: 'sprockhövel', office_id: 'sprockhoevel' },
      { key: 'witten', office_id: 'witten' },
    ]);
  });

  it('refuses a further office of a shared name, and lets the other offices be renamed', async () => {
    await expect(ds.query(`INSERT INTO office (id, name, role) VALUES ('neu', 'hattingen', 'standalone')`)).rejects.toMatchObject({ driverError: { code: '23505' } });
    await ds.query(`UPDATE office SET name = 'Hattingen-Test' WHERE id = 'zz-test'`);
    expect(await ds.query(`SELECT key FROM office_name_key WHERE office_id = 'zz-test' ORDER BY key`)).toEqual([{ key: 'hattingen-test' }, { key: 'zz-test' }]);
  });

  it('can be undone', async () => {
    await ds.undoLastMigration();
    expect(await ds.query(`SELECT to_regclass('office_name_key') AS t, to_regproc('office_name_key') AS f`)).toEqual([{ t: null, f: null }]);
    await ds.runMigrations();
  });
});

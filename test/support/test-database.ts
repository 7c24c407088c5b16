import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { serve } from '../../src/database/embedded-postgres';
import type { DatabaseTarget } from '../../src/database/database-target';

/**
 * One database per test file, copied from a migrated template made once in global-setup.ts:
 * on a server (TEST_DATABASE_URL) with CREATE DATABASE … TEMPLATE, embedded from a PGlite dump.
 * Files can run in parallel and each drops its own database at the end.
 */
export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export function serverUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = process.env.SM_TEST_TEMPLATE_DB;
    if (!template) throw new Error('global-setup did not prepare a template database');
    const name = `sm_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    return {
      target: { url: serverUrlFor(serverUrl, name), embedded: false },
      async drop() {
        const c = new Client({ connectionString: serverUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const dump = process.env.SM_TEST_PGLITE_TEMPLATE;
  if (!dump) throw new Error('global-setup did not prepare a PGlite template');
  const db = await PGlite.create({ loadDataDir: new Blob([readFileSync(dump)]) });
  const { url, server } = await serve(db);
  return {
    target: { url, embedded: true },
    async drop() {
      await server.stop();
      await db.close();
    },
  };
}

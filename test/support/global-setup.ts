import { PGlite } from '@electric-sql/pglite';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDataSource } from '../../src/database/data-source.factory';
import { serve } from '../../src/database/embedded-postgres';
import { serverUrlFor } from './test-database';

/** Migrates one template database per run; each test file copies it (see test-database.ts). */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `sm_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const ds = await openDataSource({ url: serverUrlFor(serverUrl, name), embedded: false });
    await ds.destroy();
    process.env.SM_TEST_TEMPLATE_DB = name;
    return;
  }
  const db = await PGlite.create();
  const { url, server } = await serve(db);
  const ds = await openDataSource({ url, embedded: true });
  await ds.destroy();
  await server.stop();
  const dump = await db.dumpDataDir('none');
  await db.close();
  const file = join(tmpdir(), `sm-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.SM_TEST_PGLITE_TEMPLATE = file;
}

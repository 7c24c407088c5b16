import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = process.env.SM_TEST_TEMPLATE_DB;
  if (serverUrl && template) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (process.env.SM_TEST_PGLITE_TEMPLATE) rmSync(process.env.SM_TEST_PGLITE_TEMPLATE, { force: true });
}

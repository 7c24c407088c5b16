import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';

/** Everything under the folder that anyone besides its owner may read, write or enter. */
function notPrivate(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if ((stat.mode & 0o077) !== 0) out.push(`${path.slice(dir.length)} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}

/**
 * The embedded data folder holds staff time records and a database without a password (issue 10,
 * item 4): 969 of 1 045 files under pgdata, pg_control among them, were world-writable (0666).
 */
describe('embedded data folder permissions', () => {
  let parent: string;
  let embedded: EmbeddedPostgres | undefined;
  const umask = process.umask();

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'sm-perm-'));
  });
  afterEach(async () => {
    await embedded?.stop();
    embedded = undefined;
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it('is the owner\'s alone after start, after writes and a checkpoint, and after a restart', async () => {
    process.umask(0o022); // the usual default, which PGlite's unpacked files ignore anyway
    const dataDir = join(parent, 'data');
    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(dataDir, 'pgdata', 'global', 'pg_control')).mode & 0o777).toBe(0o600);
    expect(notPrivate(dataDir)).toEqual([]);

    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    await client.query('CREATE TABLE sample (x int, y text)');
    await client.query(`INSERT INTO sample SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g`);
    await client.query('CREATE INDEX ON sample (x)');
    await client.query('CHECKPOINT');
    await client.end();
    expect(notPrivate(dataDir)).toEqual([]);

    await embedded.stop();
    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(notPrivate(dataDir)).toEqual([]);
  }, 60_000);
});

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataDirBusyError, LOCK_FILE_NAME, readLock } from '../../src/database/data-dir.lock';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { watchLoopGaps } from '../support/loop-gaps';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The embedded database runs in a worker thread of its own (cold start, issue 14): it must serve as
 * before, give its folder free only once it is closed, report a failed start with PGlite's message,
 * and its queries must not stop the event loop of the thread that started it.
 */
describe('embedded database in its own thread', () => {
  let parent: string;
  let embedded: EmbeddedPostgres | undefined;
  const umask = process.umask();

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'sm-worker-'));
  });
  afterEach(async () => {
    await embedded?.stop();
    embedded = undefined;
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves, keeps the folder locked while open, frees it after stop, and keeps the data', async () => {
    const dataDir = join(parent, 'data');
    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(embedded.createdFrom).toBe('initdb');
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, kind: 'test' });
    await expect(startEmbeddedPostgres(dataDir, 'test')).rejects.toThrow(DataDirBusyError);
    await query(embedded.url, `CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)`);

    await embedded.stop();
    embedded = undefined;
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(embedded.createdFrom).toBe('existing');
    expect(await query(embedded.url, 'SELECT x FROM kept')).toEqual([{ x: 42 }]);
  }, 120_000);

  it('does not hold up the event loop of the starting thread during a long query', async () => {
    embedded = await startEmbeddedPostgres(join(parent, 'data'), 'test');
    const client = new Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const gaps = watchLoopGaps(5);
      const t0 = performance.now();
      // ≈ 1 s of work inside PGlite on this machine; in the same thread the timer would stand still meanwhile.
      await client.query('SELECT sum(length(md5(g::text))) FROM generate_series(1, 1000000) g');
      const took = performance.now() - t0;
      const longestGap = gaps.stop();
      expect(took).toBeGreaterThan(300);
      expect(longestGap).toBeLessThan(took / 2);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('rejects with PGlite\'s message for a broken data folder and leaves the folder free', async () => {
    const dataDir = join(parent, 'broken');
    mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '99\n');
    await expect(startEmbeddedPostgres(dataDir, 'test')).rejects.toThrow('PGlite failed to initialize properly');
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    // Nothing of the failed start stays behind: the next attempt fails the same way instead of finding the folder busy.
    await expect(startEmbeddedPostgres(dataDir, 'test')).rejects.toThrow('PGlite failed to initialize properly');
  }, 120_000);
});

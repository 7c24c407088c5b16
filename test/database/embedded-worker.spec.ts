import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataDirBusyError, LOCK_FILE_NAME, readLock } from '../../src/database/data-dir.lock';
import { discardPrewarmedEmbeddedPostgres, prewarmEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
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
    expect(embedded).toMatchObject({ createdFrom: 'initdb', startedAhead: false });
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

  it('takes a thread started ahead (prewarmed): it opens nothing until handed the folder, then serves as any', async () => {
    const dataDir = join(parent, 'prewarmed');
    prewarmEmbeddedPostgres();
    // Long enough for the thread to load PGlite and compile its wasm: it must not have touched the folder.
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(dataDir)).toBe(false);
    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(embedded).toMatchObject({ createdFrom: 'initdb', startedAhead: true });
    expect(await query(embedded.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // Taken once: the next start gets a thread of its own (here: refused, the folder is busy).
    await expect(startEmbeddedPostgres(dataDir, 'test')).rejects.toThrow(DataDirBusyError);
    await embedded.stop();
    embedded = undefined;
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  }, 120_000);

  it('ends a prewarmed thread nobody takes, and reports a failed open of one like any failed start', async () => {
    prewarmEmbeddedPostgres();
    await discardPrewarmedEmbeddedPostgres();
    // Discarded: the next start does not find it (a fresh thread opens the folder).
    const dataDir = join(parent, 'after-discard');
    embedded = await startEmbeddedPostgres(dataDir, 'test');
    expect(embedded).toMatchObject({ createdFrom: 'initdb', startedAhead: false });
    await embedded.stop();
    embedded = undefined;

    const broken = join(parent, 'broken-prewarmed');
    mkdirSync(join(broken, 'pgdata'), { recursive: true });
    writeFileSync(join(broken, 'pgdata', 'PG_VERSION'), '99\n');
    prewarmEmbeddedPostgres();
    await expect(startEmbeddedPostgres(broken, 'test')).rejects.toThrow('PGlite failed to initialize properly');
    expect(existsSync(join(broken, LOCK_FILE_NAME))).toBe(false);
  }, 120_000);
});

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { resolve } from 'node:path';
import { DataDirLock, DataDirLockInfo } from './data-dir.lock';

/**
 * The embedded database: PGlite persisted in a folder, served on a loopback TCP port so that the
 * application reaches it through the same `pg` driver and TypeORM code as a real server.
 * The socket server serves exactly one connection: the pool must hold one connection (STACK-NOTES).
 */
export interface EmbeddedPostgres {
  url: string;
  lock: DataDirLock;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, kind: DataDirLockInfo['kind']): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  const lock = DataDirLock.acquire(dir, kind);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ dataDir: `${dir}/pgdata` });
    const url = await serve(db);
    return {
      url: url.url,
      lock,
      async stop() {
        await url.server.stop();
        await db!.close();
        lock.release();
      },
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    lock.release();
    throw err;
  }
}

/** Serves an open PGlite on 127.0.0.1 with an ephemeral port; also used by the test harness. */
export async function serve(db: PGlite): Promise<{ url: string; server: PGLiteSocketServer }> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return { url: `postgres://postgres@${conn}/postgres`, server };
}

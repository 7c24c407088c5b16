import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirLock, DataDirLockInfo } from './data-dir.lock';
import { unpackImage } from './pgdata-image';
import { makePrivate, restrictToOwner } from './private-files';

/**
 * The embedded database: PGlite persisted in a folder, served on a loopback TCP port so that the
 * application reaches it through the same `pg` driver and TypeORM code as a real server.
 * The socket server serves exactly one connection: the pool must hold one connection (STACK-NOTES).
 */
export interface EmbeddedPostgres {
  url: string;
  lock: DataDirLock;
  /** How the database came to be: opened as it was, unpacked from the image, or made by initdb. */
  createdFrom: 'existing' | 'image' | 'initdb';
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * A prepared, migrated database image (pgdata-image.ts) to start a fresh data folder from. The
   * service passes the build's image; without one (the CLI, whose `migrate` reports the migrations
   * it applies to a fresh folder), or when the file is missing or broken, initdb makes the database.
   */
  image?: string;
}

export async function startEmbeddedPostgres(dataDir: string, kind: DataDirLockInfo['kind'], options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  restrictToOwner();
  const lock = DataDirLock.acquire(dir, kind);
  let db: PGlite | undefined;
  try {
    const pgdata = join(dir, 'pgdata');
    const createdFrom = existsSync(join(pgdata, 'PG_VERSION')) ? 'existing' : (await fromImage(pgdata, options.image)) ? 'image' : 'initdb';
    db = await PGlite.create({ dataDir: pgdata });
    makePrivate(dir);
    const url = await serveOnUnixSocket(db, dir);
    return {
      url: url.url,
      lock,
      createdFrom,
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

/**
 * Unpacks the image into a data folder that has no database yet. Only an absent (or empty) pgdata
 * folder is filled: anything else there is left to PGlite as before. False when there is no usable
 * image; the caller then takes the normal path (initdb, then every migration).
 */
async function fromImage(pgdata: string, image: string | undefined): Promise<boolean> {
  if (!image || !existsSync(image)) return false;
  if (existsSync(pgdata)) {
    if (readdirSync(pgdata).length > 0) return false;
    rmSync(pgdata, { recursive: true });
  }
  try {
    await unpackImage(image, pgdata);
    return true;
  } catch (err) {
    process.stderr.write(`Warnung: Das Datenbank-Abbild ${image} ist unbrauchbar (${err instanceof Error ? err.message : String(err)}); die Datenbank wird neu angelegt.\n`);
    return false;
  }
}

/** Linux limits a unix socket path to 107 bytes. */
const MAX_SOCKET_PATH = 100;

/**
 * PGlite's socket server asks for no password. On TCP any local user could connect as superuser
 * (and read the staff time records); a unix socket in a folder only the service's user may enter
 * keeps it to this process. Very long data paths cannot hold a socket: then loopback TCP is used
 * and a warning says so.
 */
async function serveOnUnixSocket(db: PGlite, dataDir: string): Promise<{ url: string; server: PGLiteSocketServer }> {
  const runDir = join(dataDir, 'run');
  const socket = join(runDir, '.s.PGSQL.5432');
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    process.stderr.write(`Warnung: Der Pfad ${runDir} ist für einen Unix-Socket zu lang; die eingebettete Datenbank lauscht auf 127.0.0.1.\n`);
    return serve(db);
  }
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  chmodSync(runDir, 0o700);
  // A socket left by a killed process would make listen() fail; we hold the folder lock, so it is ours.
  rmSync(socket, { force: true });
  const server = new PGLiteSocketServer({ db, path: socket });
  await server.start();
  return { url: `postgres://postgres@${encodeURIComponent(runDir)}/postgres`, server };
}

/** Serves an open PGlite on 127.0.0.1 with an ephemeral port (the test harness's in-memory databases). */
export async function serve(db: PGlite): Promise<{ url: string; server: PGLiteSocketServer }> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return { url: `postgres://postgres@${conn}/postgres`, server };
}

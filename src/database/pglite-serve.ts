import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Linux limits a unix socket path to 107 bytes. */
const MAX_SOCKET_PATH = 100;

export interface Served {
  url: string;
  server: PGLiteSocketServer;
}

/**
 * PGlite's socket server asks for no password. On TCP any local user could connect as superuser
 * (and read the staff time records); a unix socket in a folder only the service's user may enter
 * keeps it to this process. Very long data paths cannot hold a socket: then loopback TCP is used
 * and a warning says so.
 */
export async function serveOnUnixSocket(db: PGlite, dataDir: string): Promise<Served> {
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

/** Serves an open PGlite on 127.0.0.1 with an ephemeral port. */
export async function serve(db: PGlite): Promise<Served> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return { url: `postgres://postgres@${conn}/postgres`, server };
}

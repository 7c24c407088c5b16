import type { PGlite } from '@electric-sql/pglite';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../common/module-worker';
import { DataDirLock, DataDirLockInfo } from './data-dir.lock';
import type { Served } from './pglite-serve';
import { restrictToOwner } from './private-files';

/**
 * The embedded database: PGlite persisted in a folder, served on a unix socket (loopback TCP for
 * very long paths) so that the application reaches it through the same `pg` driver and TypeORM code
 * as a real server. The socket server serves exactly one connection: the pool must hold one
 * connection (STACK-NOTES).
 *
 * PGlite runs in a worker thread of its own (embedded-postgres.worker.ts). Its start (≈ 0.4 s of wasm
 * on an existing folder) then overlaps with the loading of the application's modules instead of
 * following it, and a long query of the embedded database no longer stops the service's event loop.
 * This thread keeps what belongs to the process: the umask and the folder lock.
 */
export interface EmbeddedPostgres {
  url: string;
  lock: DataDirLock;
  /** How the database came to be: opened as it was, unpacked from the image, or made by initdb. */
  createdFrom: 'existing' | 'image' | 'initdb';
  /** Whether it runs in the thread prewarmEmbeddedPostgres started ahead. */
  startedAhead: boolean;
  /** Closes the database (in its thread), waits for the thread to end, then releases the folder. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * A prepared, migrated database image (pgdata-image.ts) to start a fresh data folder from. The
   * service passes the build's image; without one (the CLI, whose `migrate` reports the migrations
   * it applies to a fresh folder), or when the file is missing or broken, initdb makes the database.
   */
  image?: string;
  /**
   * Called when the database's thread ends without being asked to (a crash inside PGlite): the
   * service cannot work on without its database. A message on stderr is written in any case.
   */
  onUnexpectedExit?: (err: Error) => void;
}

/**
 * Messages between this thread and the database's thread. A thread started with a data folder opens
 * it at once; one started with `prewarm` only loads PGlite and compiles its wasm, and opens the
 * folder named by a later `open` (prewarmEmbeddedPostgres).
 */
export type EmbeddedWorkerData = { dataDir: string; image?: string } | { prewarm: true };
export type ToEmbeddedWorker = { type: 'stop' } | { type: 'open'; dataDir: string; image?: string };
export type FromEmbeddedWorker =
  | { type: 'ready'; url: string; createdFrom: EmbeddedPostgres['createdFrom'] }
  | { type: 'failed'; error: WorkerError }
  | { type: 'stopped'; error?: WorkerError };
/** An error crossing threads: rebuilt on this side with its message, name, code and the thread's stack. */
export interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** A thread that does not end after closing its database is ended: the folder must become free. */
const STOP_TIMEOUT_MS = 15_000;

const WORKER_MODULE = join(__dirname, 'embedded-postgres.worker');

/** Where a prewarmed thread waits for startEmbeddedPostgres (shared by every copy of this module, the bundle's too). */
const PREWARMED = Symbol.for('standards-monitor.embedded-postgres.prewarmed');
type Prewarmed = { worker: Worker; exited: Promise<number>; ended: boolean };
const slot = globalThis as typeof globalThis & { [PREWARMED]?: Prewarmed };

/**
 * Starts the database's thread before the application is loaded: it loads PGlite and compiles its
 * wasm (≈ 0.2 s) while this thread loads and checks the application, and opens the data folder only
 * when startEmbeddedPostgres hands it over (after the catalog check and the folder lock, as without
 * it). scripts/start-service.js calls this first thing for the embedded database (cold start, issue
 * 14). A thread nobody takes keeps nothing alive (unref) and opens nothing.
 */
export function prewarmEmbeddedPostgres(): void {
  if (slot[PREWARMED]) return;
  const worker = startModuleWorker(WORKER_MODULE, { workerData: { prewarm: true } satisfies EmbeddedWorkerData });
  const prewarmed: Prewarmed = { worker, exited: new Promise<number>((done) => worker.once('exit', done)), ended: false };
  void prewarmed.exited.then(() => (prewarmed.ended = true));
  // A failure to load is reported where it matters: by a fresh thread, when startEmbeddedPostgres starts one instead.
  worker.on('error', () => undefined);
  worker.unref();
  slot[PREWARMED] = prewarmed;
}

/** The prewarmed thread, once, if one is still alive. */
function takePrewarmedWorker(): Prewarmed | undefined {
  const prewarmed = slot[PREWARMED];
  delete slot[PREWARMED];
  return prewarmed && !prewarmed.ended ? prewarmed : undefined;
}

/** Ends a prewarmed thread nobody will take (the service runs on a database server). */
export async function discardPrewarmedEmbeddedPostgres(): Promise<void> {
  await takePrewarmedWorker()?.worker.terminate();
}

export async function startEmbeddedPostgres(dataDir: string, kind: DataDirLockInfo['kind'], options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  // The umask belongs to the process (a worker thread may not set it); set before the thread creates files.
  restrictToOwner();
  const lock = DataDirLock.acquire(dir, kind);
  let worker: Worker;
  let exited: Promise<number>;
  let startedAhead: boolean;
  try {
    const prewarmed = takePrewarmedWorker();
    startedAhead = prewarmed !== undefined;
    if (prewarmed) {
      ({ worker, exited } = prewarmed);
      worker.ref();
      worker.postMessage({ type: 'open', dataDir: dir, image: options.image } satisfies ToEmbeddedWorker);
    } else {
      worker = startModuleWorker(WORKER_MODULE, { workerData: { dataDir: dir, image: options.image } satisfies EmbeddedWorkerData });
      exited = new Promise<number>((done) => worker.once('exit', done));
    }
  } catch (err) {
    lock.release();
    throw err;
  }

  let ready: Extract<FromEmbeddedWorker, { type: 'ready' }>;
  try {
    ready = await new Promise((resolveReady, reject) => {
      worker.on('message', (message: FromEmbeddedWorker) => {
        if (message.type === 'ready') resolveReady(message);
        else if (message.type === 'failed') reject(revive(message.error));
      });
      // An error the thread did not catch (it failed to load, say): it has ended.
      worker.once('error', reject);
      void exited.then((code) => reject(new Error(`Die eingebettete Datenbank hat sich beim Start beendet (Code ${code}).`)));
    });
  } catch (err) {
    // The thread has closed what it opened before reporting; once it is gone the folder is free.
    await Promise.race([exited, delay(STOP_TIMEOUT_MS)]);
    await worker.terminate();
    lock.release();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  let stopError: Error | undefined;
  worker.on('message', (message: FromEmbeddedWorker) => {
    if (message.type === 'stopped' && message.error) stopError = revive(message.error);
  });
  worker.on('error', (err) => {
    if (!stopping) process.stderr.write(`Fehler in der eingebetteten Datenbank: ${err.stack ?? err.message}\n`);
  });
  void exited.then((code) => {
    if (stopping) return;
    const err = new Error(`Die eingebettete Datenbank wurde unerwartet beendet (Code ${code}).`);
    process.stderr.write(`${err.message}\n`);
    options.onUnexpectedExit?.(err);
  });

  return {
    url: ready.url,
    lock,
    createdFrom: ready.createdFrom,
    startedAhead,
    stop() {
      stopping ??= (async () => {
        worker.postMessage({ type: 'stop' } satisfies ToEmbeddedWorker);
        const ended = await Promise.race([exited.then(() => true), delay(STOP_TIMEOUT_MS).then(() => false)]);
        if (!ended) await worker.terminate();
        // Only now: no thread of this process has the database open any more.
        lock.release();
        if (stopError) throw stopError;
      })();
      return stopping;
    },
  };
}

function revive(error: WorkerError): Error {
  const err = new Error(error.message);
  err.name = error.name;
  if (error.stack) err.stack = error.stack;
  if (error.code) (err as NodeJS.ErrnoException).code = error.code;
  return err;
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

/**
 * Serves an open PGlite on 127.0.0.1 with an ephemeral port, in this thread (the test harness's
 * in-memory databases). Required when called: the service's main thread never loads PGlite.
 */
export async function serve(db: PGlite): Promise<Served> {
  const { serve: serveOn } = require('./pglite-serve') as typeof import('./pglite-serve');
  return serveOn(db);
}

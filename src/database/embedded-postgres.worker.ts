import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { EmbeddedWorkerData, FromEmbeddedWorker, ToEmbeddedWorker, WorkerError } from './embedded-postgres';
import { unpackImage } from './pgdata-unpack';
import { makePrivate } from './private-files';
import { serveOnUnixSocket, type Served } from './pglite-serve';

/**
 * The embedded database's thread (started by startEmbeddedPostgres): unpacks the image into a fresh
 * folder, opens PGlite and serves it on the folder's unix socket. PGlite runs its wasm on the thread
 * that calls it: here it starts while the main thread loads the application's modules (cold start,
 * issue 14), and its queries no longer hold up the service's event loop.
 */
const port = parentPort!;
const data = workerData as EmbeddedWorkerData;
const send = (message: FromEmbeddedWorker) => port.postMessage(message);

/**
 * Prewarmed (prewarmEmbeddedPostgres): PGlite's wasm is compiled and its file bundle read now, while
 * the main thread loads the application; the folder is opened on `open`. A failure here is reported
 * then, as a failed start.
 */
type Preloaded = Required<Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>>;
// The project's TypeScript libraries (no DOM) do not declare the global WebAssembly; Node has it.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<Preloaded['pgliteWasmModule']> };
const preloaded: Promise<Preloaded> | undefined = 'prewarm' in data ? preload() : undefined;
preloaded?.catch(() => undefined);

let opened: { db: PGlite; served: Served } | undefined;
let stopRequested = false;
let opening = false;

// Listening keeps this thread alive while PGlite starts, and lets a stop arrive at any time.
port.on('message', (message: ToEmbeddedWorker) => {
  if (message.type === 'open') {
    if (!opening) begin(message.dataDir, message.image);
    return;
  }
  if (stopRequested) return;
  stopRequested = true;
  if (opened) void stop(opened);
  // Prewarmed and never opened: nothing to close.
  else if (!opening) {
    send({ type: 'stopped' });
    port.unref();
  }
});

async function preload(): Promise<Preloaded> {
  const dist = dirname(require.resolve('@electric-sql/pglite'));
  const [wasm, bundle] = await Promise.all([readFile(join(dist, 'pglite.wasm')), readFile(join(dist, 'pglite.data'))]);
  return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([bundle]) };
}

async function open(dataDir: string, image: string | undefined): Promise<{ db: PGlite; served: Served; createdFrom: 'existing' | 'image' | 'initdb' }> {
  const pgdata = join(dataDir, 'pgdata');
  const createdFrom = existsSync(join(pgdata, 'PG_VERSION')) ? 'existing' : fromImage(pgdata, image) ? 'image' : 'initdb';
  const db = await PGlite.create({ dataDir: pgdata, ...(preloaded ? await preloaded : {}) });
  try {
    // Here rather than on the main thread: the walk over ≈ 1,200 entries costs the main thread
    // 10–17 ms, and it is the same walk; the umask is the process's (set before this thread started).
    makePrivate(dataDir);
    return { db, served: await serveOnUnixSocket(db, dataDir), createdFrom };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Unpacks the image into a data folder that has no database yet. Only an absent (or empty) pgdata
 * folder is filled: anything else there is left to PGlite as before. False when there is no usable
 * image; the caller then takes the normal path (initdb, then every migration).
 */
function fromImage(pgdata: string, image: string | undefined): boolean {
  if (!image || !existsSync(image)) return false;
  if (existsSync(pgdata)) {
    if (readdirSync(pgdata).length > 0) return false;
    rmSync(pgdata, { recursive: true });
  }
  try {
    unpackImage(image, pgdata);
    return true;
  } catch (err) {
    process.stderr.write(`Warnung: Das Datenbank-Abbild ${image} ist unbrauchbar (${err instanceof Error ? err.message : String(err)}); die Datenbank wird neu angelegt.\n`);
    return false;
  }
}

async function stop({ db, served }: { db: PGlite; served: Served }): Promise<void> {
  let error: WorkerError | undefined;
  try {
    await served.server.stop();
    await db.close();
  } catch (err) {
    error = describe(err);
  }
  send({ type: 'stopped', error });
  // Nothing is left to keep the thread: it ends, and the main thread (waiting for its exit) releases the folder.
  port.unref();
}

function describe(err: unknown): WorkerError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  return { name: err.name, message: err.message, stack: err.stack, code: (err as NodeJS.ErrnoException).code };
}

function begin(dataDir: string, image: string | undefined): void {
  opening = true;
  open(dataDir, image).then(
    (result) => {
      opened = { db: result.db, served: result.served };
      send({ type: 'ready', url: result.served.url, createdFrom: result.createdFrom });
      if (stopRequested) void stop(opened);
    },
    (err: unknown) => {
      send({ type: 'failed', error: describe(err) });
      port.unref();
    },
  );
}

if ('dataDir' in data) begin(data.dataDir, data.image);

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MIGRATIONS } from '../../migrations';
import { projectRoot } from '../common/project-root';

/**
 * A prepared, migrated embedded database (issue 14, item 5): initdb inside wasm and every migration
 * take most of a fresh start, and their result is the same every time. The build makes it once
 * (`npm run build`, see main() below) as a tar of PGlite's data folder; a fresh data folder starts
 * by unpacking it. The image is named by a key over everything that shapes it (the migrations'
 * names and code, the PGlite version, this format), so a stale image is never found: the folder
 * then takes the normal path (initdb + migrations). After unpacking, the migrations still run
 * through the normal runner (then no-ops): correctness never depends on the image.
 */
export type MigrationClass = (typeof MIGRATIONS)[number];

const FORMAT = 1;
const PREFIX = 'pgdata-';
const SUFFIX = '.tar.gz';

function pgliteVersion(): string {
  // The package's exports hide its package.json; it sits two folders above the CommonJS entry.
  const entry = require.resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
  }
  throw new Error('the version of @electric-sql/pglite was not found');
}

/** The key of the image the given migrations make: any change of a migration's code gives another key. */
export function imageKey(migrations: readonly MigrationClass[] = MIGRATIONS): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: FORMAT, pglite: pgliteVersion() }));
  for (const m of migrations) hash.update(JSON.stringify([m.name, String(m.prototype.up), String(m.prototype.down)]));
  return hash.digest('hex').slice(0, 32);
}

/** Where the build puts the images (a build artefact, never committed). */
export function defaultImageDir(): string {
  return join(projectRoot(), 'dist', 'pgdata-image');
}

export function imageFile(dir: string, key = imageKey()): string {
  return join(dir, `${PREFIX}${key}${SUFFIX}`);
}

/**
 * Makes the image of the given migrations in `dir` unless it is there, and removes images of other
 * keys. Returns its path. The file appears atomically (written aside, then renamed).
 */
export async function ensureImage(dir = defaultImageDir(), migrations: readonly MigrationClass[] = MIGRATIONS): Promise<{ file: string; made: boolean }> {
  const file = imageFile(dir, imageKey(migrations));
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    // Only finished images: a concurrent build's file in the making (….tmp) is left alone.
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
  }
  if (existsSync(file)) return { file, made: false };
  const tar = await makeImage(migrations);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, tar);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file, made: true };
}

/** An in-memory PGlite, migrated through the normal runner, checkpointed and dumped (gzip tar). */
async function makeImage(migrations: readonly MigrationClass[]): Promise<Buffer> {
  // Required here, not above: the service loads this module to unpack the image, before TypeORM.
  const { openDataSource } = require('./data-source.factory') as typeof import('./data-source.factory');
  const db = await PGlite.create();
  try {
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    try {
      const ds = await openDataSource({ url: `postgres://postgres@${server.getServerConn()}/postgres`, embedded: true }, { migrate: true, migrations: [...migrations] });
      try {
        await ds.query('CHECKPOINT');
      } finally {
        await ds.destroy();
      }
    } finally {
      await server.stop();
    }
    return Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await db.close();
  }
}

/** The image is broken or holds something other than a data folder. */
export class ImageError extends Error {}

/**
 * Unpacks an image (a ustar archive as PGlite's dumpDataDir writes it, gzip or not) into `target`,
 * which must not exist: everything goes to a folder beside it first, renamed into place at the end,
 * so that a crash never leaves a half data folder that PGlite would take for a database.
 * Folders get 0700 and files 0600 (the data folder is private, see private-files.ts).
 * Creating its ≈ 1,000 files is most of the cost: they are written by the thread pool, all at once,
 * so that the caller's event loop (main.ts loads the application's modules meanwhile) goes on.
 */
export async function unpackImage(file: string, target: string): Promise<void> {
  const raw = readFileSync(file);
  const tar = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const tmp = `${target}.unpacking`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { mode: 0o700 });
  const writes: Promise<void>[] = [];
  try {
    let sawVersion = false;
    let off = 0;
    let longName: string | undefined;
    while (off + 512 <= tar.length) {
      const header = tar.subarray(off, off + 512);
      if (header.every((b) => b === 0)) break;
      if (!validChecksum(header)) throw new ImageError(`${file}: broken tar header at ${off}`);
      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 0x30);
      const body = off + 512;
      if (body + size > tar.length) throw new ImageError(`${file}: truncated`);
      off = body + Math.ceil(size / 512) * 512;
      if (type === 'L') {
        longName = text(tar.subarray(body, body + size), 0, size);
        continue;
      }
      const prefix = text(header, 345, 155);
      const name = longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
      longName = undefined;
      const rel = normalize(name.replace(/^\/+/, '')).replace(/\/+$/, '');
      if (rel === '' || rel === '.') continue;
      if (rel.split(sep).includes('..')) throw new ImageError(`${file}: path outside the data folder: ${name}`);
      const path = join(tmp, rel);
      if (type === '5') {
        mkdirSync(path, { recursive: true, mode: 0o700 });
      } else if (type === '0') {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writes.push(writeFile(path, tar.subarray(body, body + size), { mode: 0o600 }));
        if (rel === 'PG_VERSION') sawVersion = true;
      } else {
        throw new ImageError(`${file}: unexpected entry type ${type} (${name})`);
      }
    }
    if (!sawVersion) throw new ImageError(`${file}: holds no PG_VERSION`);
    const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    renameSync(tmp, target);
  } catch (err) {
    // No write may still be running when the half folder is removed.
    await Promise.allSettled(writes);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

function text(buf: Buffer, start: number, length: number): string {
  const field = buf.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function octal(buf: Buffer, start: number, length: number): number {
  const value = text(buf, start, length).trim();
  if (!/^[0-7]*$/.test(value)) throw new ImageError(`bad number in tar header: ${value}`);
  return value ? parseInt(value, 8) : 0;
}

function validChecksum(header: Buffer): boolean {
  const stored = octal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return sum === stored;
}

/** `node dist/src/database/pgdata-image.js`: run by `npm run build`. */
if (require.main === module) {
  const t0 = Date.now();
  ensureImage()
    .then(({ file, made }) => {
      if (made) process.stderr.write(`Datenbank-Abbild erstellt: ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    })
    .catch((err: unknown) => {
      // The service starts without the image (slower); a failed image must not fail the build.
      process.stderr.write(`Warnung: Datenbank-Abbild nicht erstellt: ${err instanceof Error ? err.message : String(err)}\n`);
    });
}

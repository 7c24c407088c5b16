import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** 2: without the template databases (see makeImage). */
const FORMAT = 2;
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

/**
 * Set only in the bundle (scripts/bundle.js): the key of the tsc output the bundle was made from.
 * esbuild prints the migrations' code differently, so String(up) there would name an image that
 * the build never made.
 */
declare const STANDARDS_MONITOR_BUNDLED_IMAGE_KEY: string | undefined;

/** The key of the image the given migrations make: any change of a migration's code gives another key. */
export function imageKey(migrations: readonly MigrationClass[] = MIGRATIONS): string {
  if (migrations === MIGRATIONS && typeof STANDARDS_MONITOR_BUNDLED_IMAGE_KEY === 'string') return STANDARDS_MONITOR_BUNDLED_IMAGE_KEY;
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
  // Required here, not above: the service loads this module for the image's name only (main.ts),
  // on the main thread, where neither TypeORM nor PGlite is needed that early (PGlite runs in the
  // embedded database's worker thread).
  const { openDataSource } = require('./data-source.factory') as typeof import('./data-source.factory');
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket') as typeof import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  try {
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    try {
      const ds = await openDataSource({ url: `postgres://postgres@${server.getServerConn()}/postgres`, embedded: true }, { migrate: true, migrations: [...migrations] });
      try {
        // template0 and template1 are 602 of the image's ≈ 1,160 files, and creating a file costs
        // ≈ 0.7 ms on this machine's disk: unpacking a fresh folder took ≈ 1.2 s of its cold start.
        // PGlite serves the one database `postgres` in a single session; nothing connects to the
        // templates, and they would only be copied by CREATE DATABASE, which the service never runs.
        for (const template of ['template1', 'template0']) {
          await ds.query(`ALTER DATABASE ${template} IS_TEMPLATE false`);
          await ds.query(`DROP DATABASE ${template}`);
        }
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

export { ImageError, unpackImage } from './pgdata-unpack';

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

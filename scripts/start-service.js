// The service as operators start it (`npm start`), cold start of issue 14, item 5:
// - the bundle dist/bundle/main.js (scripts/bundle.js): one file instead of ~2,500 modules;
// - compiled with V8's code cache of an earlier start (Node 20 has no module.enableCompileCache, so
//   the bundle runs as one vm.Script with cachedData). The cache is named by a hash of the bundle's
//   bytes and the Node version, carries its own checksum, and is written aside and renamed: a stale,
//   foreign, torn or corrupt cache is never used, only replaced by the next start;
// - dist/src/main.js, with a note on stderr, when the bundle is missing or belongs to another build
//   (a build that stopped halfway, a tsc-only rebuild): never a stale service;
// - for the embedded database, its thread is started first (prewarmEmbeddedPostgres): it compiles
//   PGlite's wasm while this thread loads the service, and opens the data folder only when the
//   service hands it over after its own checks.
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const HEADER = '// standards-monitor bundle ';
const CACHE_MAGIC = Buffer.from('SMV8C001');
const CACHE_SUFFIX = '.v8cache';

const sha256 = (data) => createHash('sha256').update(data).digest();

/** The build a bundle was made from (its first line, see scripts/bundle.js); undefined if none. */
function bundleBuild(code) {
  const end = code.indexOf(10);
  const line = code.subarray(0, end < 0 ? 0 : end).toString('utf8');
  if (!line.startsWith(HEADER)) return undefined;
  try {
    return JSON.parse(line.slice(HEADER.length)).build;
  } catch {
    return undefined;
  }
}

/** The cache file for exactly these bundle bytes under this Node (V8 rejects other versions anyway). */
function cacheFileFor(file, code) {
  return join(dirname(file), `main.${sha256(code).toString('hex').slice(0, 32)}.${process.version}-${process.arch}${CACHE_SUFFIX}`);
}

/** The cached data if the file is there and whole (checksum over the payload); else undefined. */
function readCache(cacheFile) {
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const head = CACHE_MAGIC.length + 32;
  if (data.length <= head || !data.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC)) return undefined;
  const payload = data.subarray(head);
  return sha256(payload).equals(data.subarray(CACHE_MAGIC.length, head)) ? payload : undefined;
}

/** Writes the cache aside and renames it into place: concurrent starts each write a whole file, the last one stays. */
function writeCache(cacheFile, payload) {
  const tmp = `${cacheFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([CACHE_MAGIC, sha256(payload), payload]));
    renameSync(tmp, cacheFile);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes the caches of other bundles and leftovers of interrupted writes (scripts/bundle.js, after a new bundle). */
function removeCaches(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith(CACHE_SUFFIX) || /\.v8cache\.\d+\.[0-9a-f]+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}

/**
 * Runs a CommonJS file as require() would, but compiled with the code cache. Returns the module's
 * exports and `cache`: 'used', 'none' or 'rejected' (V8 refused it: other flags, or a stale file),
 * and saveCache(), which writes what V8 has compiled by then (used after the start, so the cache holds
 * the functions a start runs, not only the top level).
 */
function runWithCodeCache(file, code) {
  const cacheFile = cacheFileFor(file, code);
  const cachedData = readCache(cacheFile);
  // The wrapper require() puts around a CommonJS file (the bundle is one, format cjs).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${code.toString('utf8')}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  const mod = new Module(file, module);
  mod.filename = file;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return {
    exports: mod.exports,
    cache,
    saveCache() {
      try {
        writeCache(cacheFile, script.createCachedData());
        return true;
      } catch {
        // A read-only dist/ (or a full disk) only costs the cache: the next start compiles as without it.
        return false;
      }
    },
  };
}

/** What to start in this project: the bundle if it belongs to the last build, else dist/src/main.js and why not the bundle. */
function chooseEntry(root) {
  const bundle = join(root, 'dist', 'bundle', 'main.js');
  const unbundled = join(root, 'dist', 'src', 'main.js');
  let stamp;
  try {
    stamp = readFileSync(join(root, 'dist', '.build-stamp'), 'utf8').trim();
  } catch {
    stamp = undefined;
  }
  let code;
  try {
    code = readFileSync(bundle);
  } catch {
    return { file: unbundled, note: 'das Bündel dist/bundle/main.js fehlt' };
  }
  const build = bundleBuild(code);
  if (!build || build !== stamp) return { file: unbundled, note: 'das Bündel dist/bundle/main.js stammt nicht vom letzten Build' };
  return { file: bundle, code };
}

/** Starts the embedded database's thread ahead of the service (not for a database server, nor without a build). */
function prewarmDatabase(root) {
  if (process.env.DATABASE_URL) return;
  const file = join(root, 'dist', 'src', 'database', 'embedded-postgres.js');
  if (!existsSync(file)) return;
  try {
    require(file).prewarmEmbeddedPostgres();
  } catch {
    // Only a head start: the service starts its database thread itself as without it.
  }
}

function start(root = join(__dirname, '..')) {
  prewarmDatabase(root);
  const entry = chooseEntry(root);
  if (!existsSync(entry.file)) {
    process.stderr.write('Der Dienst ist nicht gebaut (dist/src/main.js fehlt). Bitte `npm run build` ausführen oder mit `npm start` starten.\n');
    process.exit(1);
  }
  if (!entry.code) {
    process.stderr.write(`Hinweis: ${entry.note}; der Dienst startet ohne Bündel aus dist/src/main.js (langsamer). \`npm run build\` legt es neu an.\n`);
    require(entry.file);
    return;
  }
  const run = runWithCodeCache(entry.file, entry.code);
  if (run.cache !== 'used') Promise.resolve(run.exports.started).then(() => setTimeout(() => run.saveCache(), 0));
}

module.exports = { bundleBuild, cacheFileFor, chooseEntry, readCache, removeCaches, runWithCodeCache, writeCache, HEADER };

if (require.main === module) start();

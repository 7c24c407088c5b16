// Bundles the compiled service (tsc output under dist/, which already carries the decorator
// metadata) into one CommonJS file, dist/bundle/main.js (issue 14, item 5: cold start). Node then
// reads and compiles one file instead of resolving and loading ~2,500 files, most of them Nest 12's
// ES modules through require(esm). Run by `npm run build` after tsc; scripts/start-service.js
// starts the bundle, and falls back to dist/src/main.js when it is missing or stale.
//
// What stays outside the bundle, and why (all are loaded from node_modules at run time, as before):
const EXTERNAL = [
  // wasm and data files found relative to the package; loaded in the database's worker thread
  // (dist/src/database/embedded-postgres.worker.js, which is not bundled) and by the image build.
  '@electric-sql/pglite',
  '@electric-sql/pglite-socket',
  // TypeORM loads its driver by name at run time (PlatformTools.load('pg')): a bundled copy of pg
  // would be a second one, and the DATE type parser set in data-source.factory.ts would be set on
  // the copy TypeORM does not use.
  'pg',
  'pg-native',
  'pg-query-stream',
  // Finds its asset folder relative to itself (absolute-path.js uses __dirname).
  'swagger-ui-dist',
  // Loaded lazily, only for PDF reports, Excel exports, holidays and mail: in the bundle they would
  // be parsed at every start although a start needs none of them (date-holidays also carries a large
  // data file, playwright-core resolves its own files).
  'playwright-core',
  'exceljs',
  'date-holidays',
  'nodemailer',
];
// Packages that Nest imports by name only if installed (@nestjs/microservices, @nestjs/websockets,
// @fastify/static, …) are not installed here: they stay external (see `optional` below), so the
// bundle behaves as node_modules does when one of them is asked for.

const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const esbuild = require('esbuild');
const { HEADER, removeCaches } = require('./start-service');

const root = join(__dirname, '..');
const outDir = join(root, 'dist', 'bundle');
const outFile = join(outDir, 'main.js');

/** A bare import that cannot be resolved stays a run-time import (optional packages of Nest). */
const optional = {
  name: 'optional-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.optionalCheck) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { optionalCheck: true } });
      return resolved.errors.length ? { path: args.path, external: true } : resolved;
    });
  },
};

/**
 * esbuild gives every bundled module the bundle's __dirname. Our compiled files use theirs (the
 * worker's file next to embedded-postgres.js, the walk up to package.json): they get their own
 * folder back, relative to the bundle's, so the project folder can still be moved after the build.
 */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(join(root, 'dist') + '/') || args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(source)) return undefined;
      const at = (path) => `require("node:path").join(__dirname, ${JSON.stringify(relative(outDir, path))})`;
      return {
        contents: source.replace(/\b__dirname\b/g, at(dirname(args.path))).replace(/\b__filename\b/g, at(args.path)),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * Nest 12's ES modules load some packages with createRequire(import.meta.url)('pkg') (class-validator
 * in @nestjs/mapped-types, typeorm in @nestjs/typeorm, …). esbuild neither follows that nor keeps
 * import.meta in CommonJS output (it becomes {}, and createRequire(undefined) throws). A plain
 * require('pkg') there resolves to the same package and lets esbuild bundle it: one copy of
 * class-validator and typeorm, whose metadata the application's decorators fill. Any other use of
 * import.meta fails the build, so that a new one after an update is looked at, not silently broken.
 */
const importMetaRequire = {
  name: 'import-meta-require',
  setup(build) {
    build.onLoad({ filter: /\/node_modules\/.*\.m?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const contents = source
        .replace(/\b(?:const|let|var)\s+require\s*=\s*createRequire\(import\.meta\.url\);?/g, '')
        .replace(/\bcreateRequire\(import\.meta\.url\)/g, 'require');
      if (contents.includes('import.meta')) throw new Error(`import.meta in ${relative(root, args.path)}: not supported in the bundle, see scripts/bundle.js`);
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * The key of the database image hashes the migrations' code as the running build prints it
 * (String(up), see pgdata-image.ts); esbuild prints it differently. The bundle takes the key of the
 * tsc output it was made from, which is the one `npm run build` made the image for.
 */
function imageKeyOfBuild() {
  return require(join(root, 'dist', 'src', 'database', 'pgdata-image.js')).imageKey();
}

async function main() {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, 'dist', 'src', 'main.js')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Class names matter: Nest's and TypeORM's messages, swagger's schema names.
    keepNames: true,
    // No import() left: the bundle runs as a vm.Script (for its compile cache, start-service.js),
    // where import() needs an experimental loader. Every import() becomes a require(), as tsc does.
    supported: { 'dynamic-import': false },
    external: EXTERNAL,
    plugins: [optional, ownDirname, importMetaRequire],
    define: { STANDARDS_MONITOR_BUNDLED_IMAGE_KEY: JSON.stringify(imageKeyOfBuild()) },
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  const build = readFileSync(join(root, 'dist', '.build-stamp'), 'utf8').trim();
  // First line: which tsc build it was made from (start-service.js compares it with dist/.build-stamp).
  const header = `${HEADER}${JSON.stringify({ build })}\n`;
  mkdirSync(outDir, { recursive: true });
  // Caches of the previous bundle are of no use to this one (they are named by its hash).
  removeCaches(outDir);
  // Written aside and renamed: a start never reads half a bundle.
  const tmp = `${outFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([Buffer.from(header), code]));
    renameSync(tmp, outFile);
  } finally {
    rmSync(tmp, { force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`Das Bündeln des Dienstes (dist/bundle/main.js) ist fehlgeschlagen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

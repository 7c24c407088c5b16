import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleBuild, cacheFileFor, chooseEntry, HEADER, readCache, removeCaches, runWithCodeCache, writeCache } from '../../scripts/start-service';

/**
 * The launcher of the bundle (scripts/start-service.js, issue 14, item 5): which file it starts, and
 * that its compile cache is only ever used for exactly the bytes it was made from.
 */
describe('start-service', () => {
  let root: string;
  const bundleDir = () => join(root, 'dist', 'bundle');
  const bundleFile = () => join(bundleDir(), 'main.js');
  const writeBundle = (build: string, body: string) => {
    mkdirSync(bundleDir(), { recursive: true });
    writeFileSync(bundleFile(), `${HEADER}${JSON.stringify({ build })}\n${body}`);
    return readFileSync(bundleFile());
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'start-service-'));
    mkdirSync(join(root, 'dist', 'src'), { recursive: true });
    writeFileSync(join(root, 'dist', '.build-stamp'), '2026-11-29T10:00:00.000Z');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('starts the bundle of the last build, else dist/src/main.js and says why', () => {
    expect(chooseEntry(root)).toEqual({ file: join(root, 'dist', 'src', 'main.js'), note: 'das Bündel dist/bundle/main.js fehlt' });

    writeBundle('2026-11-29T10:00:00.000Z', 'module.exports = 1;');
    expect(chooseEntry(root).file).toBe(bundleFile());

    // A later tsc-only build (or one that stopped before the bundle) leaves an older bundle.
    writeFileSync(join(root, 'dist', '.build-stamp'), '2026-11-29T11:00:00.000Z');
    expect(chooseEntry(root)).toEqual({ file: join(root, 'dist', 'src', 'main.js'), note: 'das Bündel dist/bundle/main.js stammt nicht vom letzten Build' });

    writeFileSync(bundleFile(), 'module.exports = 1;');
    expect(bundleBuild(readFileSync(bundleFile()))).toBeUndefined();
    expect(chooseEntry(root).code).toBeUndefined();
  });

  it('runs a bundle as require() would, and uses its cache from the second start on', () => {
    const code = writeBundle('b', `exports.dir = __dirname; exports.file = __filename; exports.path = require('node:path').sep; exports.started = Promise.resolve(); exports.add = (a, b) => a + b;`);
    const first = runWithCodeCache(bundleFile(), code);
    expect(first.cache).toBe('none');
    expect(first.exports).toMatchObject({ dir: bundleDir(), file: bundleFile(), path: '/' });
    expect((first.exports as { add: (a: number, b: number) => number }).add(2, 3)).toBe(5);
    expect(first.saveCache()).toBe(true);

    const second = runWithCodeCache(bundleFile(), code);
    expect(second.cache).toBe('used');
    expect((second.exports as { add: (a: number, b: number) => number }).add(2, 3)).toBe(5);
  });

  it('never uses a cache of other bytes, a torn or a corrupt one', () => {
    const code = writeBundle('b', 'exports.value = "aaaa";');
    runWithCodeCache(bundleFile(), code).saveCache();
    const cacheFile = cacheFileFor(bundleFile(), code);
    const whole = readFileSync(cacheFile);

    // Same length, other content (V8 itself only compares the length): another cache file.
    const other = writeBundle('b', 'exports.value = "bbbb";');
    expect(other.length).toBe(code.length);
    expect(cacheFileFor(bundleFile(), other)).not.toBe(cacheFile);
    const run = runWithCodeCache(bundleFile(), other);
    expect(run.cache).toBe('none');
    expect(run.exports).toEqual({ value: 'bbbb' });

    // Torn (a crash while writing it by hand, a full disk) or with a flipped byte: not used.
    writeFileSync(cacheFile, whole.subarray(0, whole.length - 10));
    expect(readCache(cacheFile)).toBeUndefined();
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 20] ^= 0xff;
    writeFileSync(cacheFile, flipped);
    expect(readCache(cacheFile)).toBeUndefined();
    writeFileSync(cacheFile, whole);
    expect(readCache(cacheFile)).toBeDefined();
  });

  it('reports a cache that V8 refuses, so that it is written anew', () => {
    const foreignCode = writeBundle('b', 'exports.value = "something else entirely";');
    runWithCodeCache(bundleFile(), foreignCode).saveCache();
    const foreignPayload = readCache(cacheFileFor(bundleFile(), foreignCode))!;
    // A whole file with a valid checksum, but V8's data for other code.
    const code = writeBundle('b', 'exports.value = 1;');
    writeCache(cacheFileFor(bundleFile(), code), foreignPayload);
    const run = runWithCodeCache(bundleFile(), code);
    expect(run.cache).toBe('rejected');
    expect(run.exports).toEqual({ value: 1 });
    expect(run.saveCache()).toBe(true);
    expect(runWithCodeCache(bundleFile(), code).cache).toBe('used');
  });

  it('keeps a whole cache when several starts write it at once', async () => {
    const code = writeBundle('b', 'exports.value = 1;');
    const cacheFile = cacheFileFor(bundleFile(), code);
    const launcher = join(__dirname, '..', '..', 'scripts', 'start-service.js');
    // Four processes, each writing its own payload 50 times: every read sees one whole payload.
    const writer = `const { writeCache } = require(${JSON.stringify(launcher)}); for (let i = 0; i < 50; i++) writeCache(${JSON.stringify(cacheFile)}, Buffer.alloc(200000, process.argv[1]));`;
    const codes = await Promise.all(
      ['a', 'b', 'c', 'd'].map((fill) => new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', writer, fill], { stdio: 'ignore' }).once('exit', resolve))),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    const payload = readCache(cacheFile);
    expect(payload?.length).toBe(200000);
    expect(new Set(payload!).size).toBe(1);
    expect(readdirSync(bundleDir()).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the caches and leftovers of interrupted writes, not the bundle', () => {
    const code = writeBundle('b', 'exports.value = 1;');
    runWithCodeCache(bundleFile(), code).saveCache();
    writeFileSync(`${cacheFileFor(bundleFile(), code)}.123.0badc0de.tmp`, 'x');
    removeCaches(bundleDir());
    expect(readdirSync(bundleDir())).toEqual(['main.js']);
  });
});

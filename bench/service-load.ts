import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCpuSeconds } from './instruments';
import { pacedLoad, type PacedFigures } from './paced-load';
import { SERVICE_ENTRY, recreateDatabase, startService } from './service-process';

// autocannon ships no types; the part used here.
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  duration: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = require('autocannon') as Cannon;

/** Mornings Mon–Fri 08:00–11:36 and Thursday 14:00–18:00 (22 h): a realistic pre-check body. */
const day = (...pairs: string[]) => pairs.map((p) => ({ from: p.split('-')[0], to: p.split('-')[1] }));
const PRECHECK_BODY = JSON.stringify({
  officeId: 'witten',
  validFrom: '2027-07-05',
  validUntil: null,
  week: { mon: day('08:00-11:36'), tue: day('08:00-11:36'), wed: day('08:00-11:36'), thu: day('08:00-11:36', '14:00-18:00'), fri: day('08:00-11:36') },
});

export interface LoadFigures {
  database: string;
  seconds: number;
  connections: number;
  health: { rps: number; p99Ms: number };
  precheck: { rps: number; p99Ms: number; non2xx: number };
  ratio: number;
  /** The pre-check sent at a fixed rate, evenly spaced (paced-load.ts, not autocannon: see there). */
  paced: PacedFigures;
}

export interface ColdStartFigures {
  database: string;
  /** Process start to the first 200 of /health with an empty data folder (migrations included). */
  freshSeconds: number[];
  /** The same with the folder of a previous start. */
  existingSeconds: number[];
}

/**
 * The schedule pre-check under load (issue 14, item 4): the built service as a child process
 * (demo data, embedded unless `databaseUrl`), autocannon on loopback in this process. First
 * saturation of /health and of POST /api/v1/schedules/check (same connections, same duration), then
 * the pre-check at `rate` requests per second, evenly spaced.
 */
export async function precheckLoad(options: { databaseUrl?: string; seconds: number; connections: number; rate: number; log: (line: string) => void }): Promise<LoadFigures> {
  const { log } = options;
  let dataDir: string | undefined;
  const env: Record<string, string | undefined> = { NIGHTLY_AUDIT: 'false', MAIL_DIGEST: 'false' };
  if (options.databaseUrl) {
    await recreateDatabase(options.databaseUrl);
    env.DATABASE_URL = options.databaseUrl;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'sm-bench-precheck-'));
    Object.assign(env, { DATA_DIR: join(dataDir, 'data'), DATABASE_URL: '' });
  }
  const service = await startService(env, { timeoutMs: 120_000 });
  try {
    const url = (path: string) => `${service.base}${path}`;
    const auth = { Authorization: `Bearer ${service.token}` };
    const post = { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: PRECHECK_BODY };
    // The demo audits at start; give them time, then warm both routes.
    await waitQuiet(service.child.pid!, 15_000);
    await autocannon({ url: url('/health'), connections: 4, duration: 1 });
    const warm = await autocannon({ url: url('/api/v1/schedules/check'), connections: 4, duration: 1, ...post });
    if (warm.non2xx > 0) throw new Error(`the pre-check answered ${warm.non2xx} requests with an error status during warm-up`);
    const { connections, seconds: duration } = options;
    log(`load: /health saturated (${connections} connections, ${duration} s)`);
    const health = await autocannon({ url: url('/health'), connections, duration });
    log(`load: pre-check saturated (${connections} connections, ${duration} s)`);
    const precheck = await autocannon({ url: url('/api/v1/schedules/check'), connections, duration, ...post });
    log(`load: pre-check at ${options.rate} req/s (${duration} s)`);
    const paced = await pacedLoad({ url: url('/api/v1/schedules/check'), rate: options.rate, seconds: duration, ...post });
    return {
      database: options.databaseUrl ? 'server' : 'embedded',
      seconds: duration,
      connections,
      health: { rps: Math.round(health.requests.average), p99Ms: health.latency.p99 },
      precheck: { rps: Math.round(precheck.requests.average), p99Ms: precheck.latency.p99, non2xx: precheck.non2xx },
      ratio: Math.round((precheck.requests.average / health.requests.average) * 100) / 100,
      paced,
    };
  } finally {
    await service.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Cold start (issue 14, item 5): process start to the first 200 of /health, with a new data folder
 * and then with that folder again (embedded database, no demo data).
 */
export async function coldStarts(options: { runs: number; log: (line: string) => void }): Promise<ColdStartFigures> {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'sm-bench-cold-'));
    try {
      const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', NIGHTLY_AUDIT: 'false', DEMO_DATA: 'false', MAIL_DIGEST: 'false', PORT: '0', LOG_LEVEL: 'warn' };
      fresh.push(await timeToFirstHealth(env));
      existing.push(await timeToFirstHealth(env));
      options.log(`cold start #${i + 1}: fresh ${fresh[i].toFixed(2)} s, existing ${existing[i].toFixed(2)} s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { database: 'embedded', freshSeconds: fresh, existingSeconds: existing };
}

async function timeToFirstHealth(env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVICE_ENTRY], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`service did not start within 60 s:\n${out}`)), 60_000);
      const seen = (d: Buffer) => {
        out += d.toString();
        const m = out.match(/läuft: (http:\/\/localhost:\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1].replace('localhost', '127.0.0.1'));
        }
      };
      child.stdout!.on('data', seen);
      child.stderr!.on('data', seen);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`service ended at start (code ${code}):\n${out}`));
      });
    });
    for (;;) {
      const res = await fetch(`${base}/health`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return (performance.now() - t0) / 1000;
  } finally {
    child.removeAllListeners('exit');
    if (child.exitCode === null) {
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await ended;
    }
  }
}

/** Waits until the child's CPU use falls below 10 % over half a second (its start-up work done), at most `maxMs`. */
async function waitQuiet(pid: number, maxMs: number): Promise<void> {
  const t0 = Date.now();
  let last = processCpuSeconds(pid) ?? 0;
  while (Date.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = processCpuSeconds(pid) ?? 0;
    if (now - last < 0.05) return;
    last = now;
  }
}


import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hotlineCsv } from './import-csv';
import { recreateDatabase, startService, type ServiceProcess } from './service-process';

/**
 * Does a maximum-size import stall the service? (issue 10, item 3)
 *
 * Starts the compiled service as a child process, sends hotline-coverage CSV files as large as the
 * body limit allows (2 MB, ≈ 50 000 rows) and meanwhile asks /health and GET /api/v1/offices in a
 * loop, one request in flight each, measuring every answer's latency from the outside. The target:
 * p99 < 200 ms during the imports. A script, not a timed test.
 *
 *   npm run bench:imports -- [--database-url URL | --embedded] [--uploads 1] [--json]
 */
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/standards_bench_imports';
const TARGET_P99_MS = 200;

const HELP = `npm run bench:imports -- [options]

  --database-url URL   PostgreSQL database (default: $BENCH_DATABASE_URL, else ${DEFAULT_URL});
                       dropped and created anew, so its name must contain "bench"
  --embedded           instead: the embedded database in a temporary data folder
  --uploads N          imports sent at the same time (default 1), each to another office
  --json               print the result as JSON on stdout (progress stays on stderr)
`;

const log = (line: string) => process.stderr.write(`[bench:imports] ${line}\n`);

interface Latencies {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface Result {
  database: 'server' | 'embedded';
  csv: { rows: number; bytes: number };
  uploads: Array<{ office: string; status: number; seconds: number; rows?: number; message?: string }>;
  idle: Record<string, Latencies>;
  duringImports: Record<string, Latencies>;
  targetP99Ms: number;
  met: boolean;
}

function summarise(samples: number[], errors: number): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, errors, p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), max: r(sorted[sorted.length - 1] ?? NaN) };
}

/** Asks one path again and again, one request in flight, until stopped; latency per answer. */
function probe(url: string, headers: Record<string, string>) {
  const samples: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) errors++;
        samples.push(performance.now() - t0);
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop(): Promise<Latencies> {
      running = false;
      await done;
      return summarise(samples, errors);
    },
  };
}

async function measure(service: ServiceProcess, ms: number): Promise<Record<string, Latencies>> {
  const probes = startProbes(service);
  await new Promise((r) => setTimeout(r, ms));
  return stopProbes(probes);
}

function startProbes(service: ServiceProcess) {
  return {
    '/health': probe(`${service.base}/health`, {}),
    'GET /api/v1/offices': probe(`${service.base}/api/v1/offices`, { Authorization: `Bearer ${service.token}` }),
  };
}

async function stopProbes(probes: ReturnType<typeof startProbes>): Promise<Record<string, Latencies>> {
  const out: Record<string, Latencies> = {};
  for (const [name, p] of Object.entries(probes)) out[name] = await p.stop();
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, embedded: { type: 'boolean', default: false }, uploads: { type: 'string', default: '1' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const uploads = Number(values.uploads);
  if (!Number.isInteger(uploads) || uploads < 1 || uploads > 8) throw new Error('--uploads must be 1 … 8');
  const offices = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'sprockhoevel', 'breckerfeld', 'gevelsberg'];

  let dataDir: string | undefined;
  const env: Record<string, string | undefined> = { NIGHTLY_AUDIT: 'false' };
  if (values.embedded) {
    dataDir = mkdtempSync(join(tmpdir(), 'sm-bench-imports-'));
    Object.assign(env, { DATA_DIR: join(dataDir, 'data'), DATABASE_URL: '' });
  } else {
    const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
    log(`database ${url.replace(/\/\/[^@]*@/, '//…@')}`);
    await recreateDatabase(url);
    Object.assign(env, { DATABASE_URL: url });
  }
  const csv = hotlineCsv();
  log(`CSV: ${csv.rows} rows, ${(Buffer.byteLength(csv.text) / 1048576).toFixed(2)} MB`);
  const service = await startService(env, { timeoutMs: 120_000 });
  try {
    log('idle latency (3 s)');
    const idle = await measure(service, 3000);
    log(`${uploads} upload(s) while probing`);
    const probes = startProbes(service);
    await new Promise((r) => setTimeout(r, 300));
    const results = await Promise.all(
      offices.slice(0, uploads).map(async (office) => {
        const t0 = performance.now();
        try {
          const res = await fetch(`${service.base}/api/v1/offices/${office}/hotline-coverage`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${service.token}`, 'Content-Type': 'text/csv; charset=utf-8' },
            body: csv.text,
          });
          const body = (await res.json()) as { rows?: number; message?: string };
          return { office, status: res.status, seconds: (performance.now() - t0) / 1000, rows: body.rows, message: res.ok ? undefined : body.message };
        } catch (err) {
          return { office, status: 0, seconds: (performance.now() - t0) / 1000, message: String(err) };
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const during = await stopProbes(probes);
    const result: Result = {
      database: values.embedded ? 'embedded' : 'server',
      csv: { rows: csv.rows, bytes: Buffer.byteLength(csv.text) },
      uploads: results,
      idle,
      duringImports: during,
      targetP99Ms: TARGET_P99_MS,
      met: Object.values(during).every((l) => l.p99 < TARGET_P99_MS && l.errors === 0) && results.every((u) => u.status === 201),
    };
    process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : report(result));
    return 0;
  } finally {
    await service.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: Result): string {
  const rows = (set: Record<string, Latencies>) =>
    Object.entries(set).map(([name, l]) => `  ${name.padEnd(22)} n=${String(l.count).padStart(5)}  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  max ${l.max} ms  Fehler ${l.errors}`);
  return [
    `Datenbank: ${r.database}; CSV: ${r.csv.rows} Zeilen, ${(r.csv.bytes / 1048576).toFixed(2)} MB`,
    'Uploads:',
    ...r.uploads.map((u) => `  ${u.office.padEnd(14)} HTTP ${u.status}  ${u.seconds.toFixed(1)} s${u.message ? `  ${u.message}` : ''}`),
    'Antwortzeiten ohne Import:',
    ...rows(r.idle),
    'Antwortzeiten während der Importe:',
    ...rows(r.duringImports),
    `Ziel p99 < ${r.targetP99Ms} ms während der Importe: ${r.met ? 'erreicht' : 'NICHT erreicht'}`,
    '',
  ].join('\n');
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

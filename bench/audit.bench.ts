import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { AuditService } from '../src/audits/audit.service';
import { loadConfig } from '../src/config/app-config';
import { openDataSource } from '../src/database/data-source.factory';
import type { DatabaseTarget } from '../src/database/database-target';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '../src/database/embedded-postgres';
import { JsonLogger } from '../src/logging/json-logger';
import { estimateTimeRecords, prepareDataset, TABLES, type LoadResult, type Scale } from './dataset';
import { MemorySampler, QueryTimer, type QueryStat } from './instruments';

/**
 * The audit benchmark (issue 5, "Scale"): loads a synthetic dataset of a chosen scale into a
 * database, runs a full audit through the public AuditService API and compares its time with the
 * floor, the bare SQL aggregation of the same staff time records in the same database.
 *
 *   npm run bench -- [--database-url URL | --embedded] [--offices 400] [--officers 25]
 *                    [--other-staff 10] [--days 365] [--audit-offices N] [--reuse] [--json]
 */
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/standards_bench';
const EMBEDDED_MAX_RECORDS = 2_000_000;
// A calendar year the catalog in force applies to (config/standards/2026.1/catalog.yaml, validFrom).
const START = '2026-01-01';

const HELP = `npm run bench -- [options]

  --database-url URL   PostgreSQL database for the dataset (default: $BENCH_DATABASE_URL, else
                       ${DEFAULT_URL}). Created if missing. Its name must contain "bench":
                       every application table in it is emptied before a load.
  --embedded           instead: a temporary embedded PGlite database (small scales only, at most
                       ${EMBEDDED_MAX_RECORDS.toLocaleString('en')} time records; removed afterwards)
  --offices N          offices (default 400)
  --officers N         placement officers per office (default 25)
  --other-staff N      staff of other roles per office (default 10; 400 offices then ≈ 10 M time records)
  --days N             days from ${START} (default 365)
  --audit-offices N    audit only the first N offices (default all; floor restricted alike)
  --reuse              keep the dataset when bench_meta says this scale is already loaded
  --floor-runs N       timed runs of the floor query after the audit, best counts (default 3)
  --json               print the result as JSON on stdout (progress stays on stderr)
`;

interface Result {
  database: string;
  embedded: boolean;
  scale: Scale;
  dataset: LoadResult & { totalRows: number };
  audit: {
    offices: number;
    periods: number;
    from: string;
    to: string;
    bootSeconds: number;
    seconds: number;
    /** CPU time of this Node process during the audit (user + system): less sensitive to other load on the machine than wall time. */
    cpuSeconds: number;
    findings: number;
    timeRecords: number;
    rowsPerSecond: number;
    memory: { samples: number; baselineRssMb: number; peakRssMb: number; peakHeapUsedMb: number; peakHeapTotalMb: number; peakExternalMb: number; maxGapMs: number; maxRssLifetimeMb: number };
    queries: { count: number; seconds: number; jsSeconds: number; byKind: QueryStat[] };
  };
  floor: { sql: string; rows: number; runs: number[]; seconds: number };
  ratio: number;
}

/** A wrong command line or an unsafe target: reported in one line, exit code 2. */
class UsageError extends Error {}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Creates the bench database when missing (connecting to the server's "postgres" database). */
async function ensureDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}`);
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

function checkBenchDatabaseName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--database-url is not a URL: ${url}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new UsageError('--database-url must start with postgres:// or postgresql://');
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!name) throw new UsageError('--database-url must name a database, e.g. …/standards_bench');
  // The bench empties every application table of its database: only ever one meant for it.
  if (!/bench/i.test(name) || /^(postgres|template\d|test)$/i.test(name)) {
    throw new UsageError(`refusing to use database "${name}": the benchmark empties its tables, so its name must contain "bench" (e.g. standards_bench)`);
  }
  return name;
}

function floorSql(officeFilter: boolean): string {
  return `SELECT office_id, date_trunc('month', date) AS month, staff_ref,
       COALESCE(sum(minutes) FILTER (WHERE activity = 'employer_service'), 0)::int AS employer_minutes,
       sum(minutes)::int AS working_minutes, count(*)::int AS records
  FROM staff_time_record
 WHERE role = 'placement_officer' AND date BETWEEN $1::date AND $2::date${officeFilter ? ' AND office_id = ANY($3::text[])' : ''}
 GROUP BY 1, 2, 3`;
}

async function timeFloor(ds: DataSource, from: string, to: string, officeIds: string[] | undefined): Promise<{ seconds: number; rows: number }> {
  const t0 = performance.now();
  const rows: unknown[] = await ds.query(floorSql(!!officeIds), officeIds ? [from, to, officeIds] : [from, to]);
  return { seconds: (performance.now() - t0) / 1000, rows: rows.length };
}

const OPTIONS = {
  'database-url': { type: 'string' },
  embedded: { type: 'boolean', default: false },
  offices: { type: 'string' },
  officers: { type: 'string' },
  'other-staff': { type: 'string' },
  days: { type: 'string' },
  'audit-offices': { type: 'string' },
  'floor-runs': { type: 'string' },
  reuse: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function parseCommandLine() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<number> {
  const values = parseCommandLine();
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const scale: Scale = {
    offices: positiveInt('offices', values.offices, 400),
    officers: positiveInt('officers', values.officers, 25),
    otherStaff: values['other-staff'] === '0' ? 0 : positiveInt('other-staff', values['other-staff'], 10),
    start: START,
    days: positiveInt('days', values.days, 365),
  };
  if (scale.offices > 9999) throw new UsageError('--offices is at most 9999 (ids office-0001 … office-9999)');
  if (scale.officers > 999 || scale.otherStaff > 999) throw new UsageError('--officers and --other-staff are at most 999');
  const auditOffices = values['audit-offices'] === undefined ? undefined : Math.min(positiveInt('audit-offices', values['audit-offices'], 0), scale.offices);
  const floorRuns = positiveInt('floor-runs', values['floor-runs'], 3);
  const from = START;
  const to = addDays(START, scale.days - 1);

  // Each phase (load, audit, floor) connects anew. The embedded socket server serves one
  // connection and may still be detaching the previous one, so it gets a fresh server per phase.
  let pglite: PGlite | undefined;
  let embeddedDir: string | undefined;
  let connect: () => Promise<{ target: DatabaseTarget; close(): Promise<void> }>;
  let databaseLabel: string;
  if (values.embedded) {
    if (values['database-url']) throw new UsageError('use either --embedded or --database-url');
    const estimate = estimateTimeRecords(scale);
    if (estimate > EMBEDDED_MAX_RECORDS) {
      throw new UsageError(`the embedded database is for small scales (about ${estimate.toLocaleString('en')} time records requested, at most ${EMBEDDED_MAX_RECORDS.toLocaleString('en')}); use a PostgreSQL server`);
    }
    embeddedDir = mkdtempSync(join(tmpdir(), 'standards-bench-'));
    const db = (pglite = await PGlite.create({ dataDir: join(embeddedDir, 'pgdata') }));
    connect = async () => {
      const { url, server } = await serve(db);
      return { target: { url, embedded: true }, close: () => server.stop() };
    };
    databaseLabel = `embedded PGlite (${embeddedDir}, removed afterwards)`;
  } else {
    const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
    checkBenchDatabaseName(url);
    await ensureDatabase(url);
    connect = async () => ({ target: { url, embedded: false }, close: async () => undefined });
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    databaseLabel = shown.toString();
  }

  try {
    log(`database: ${databaseLabel}`);
    log(`scale: ${scale.offices} offices × (${scale.officers} placement officers + ${scale.otherStaff} other staff), ${scale.days} days from ${from}; about ${estimateTimeRecords(scale).toLocaleString('en')} time records`);

    // 1. Schema (the application's migrations) and dataset.
    let phase = await connect();
    let ds = await openDataSource(phase.target);
    let dataset: LoadResult;
    let officeIds: string[] | undefined;
    let timeRecords: number;
    try {
      dataset = await prepareDataset(ds, scale, { reuse: values.reuse && !values.embedded, log });
      if (auditOffices !== undefined) {
        officeIds = (await ds.query('SELECT id FROM office ORDER BY id LIMIT $1', [auditOffices])).map((r: { id: string }) => r.id);
      }
      // Warm-up: the same aggregation run to completion in the server (its rows are not fetched,
      // so the audit's memory figures stay its own); audit and floor then start from warm caches.
      const t = performance.now();
      await ds.query(`SELECT count(*) FROM (${floorSql(!!officeIds)}) q`, officeIds ? [from, to, officeIds] : [from, to]);
      log(`warm-up aggregation ${((performance.now() - t) / 1000).toFixed(2)} s (not counted)`);
      timeRecords = officeIds ? await countTimeRecords(ds, officeIds, from, to) : dataset.rows.staff_time_record;
    } finally {
      await ds.destroy();
      await phase.close();
    }

    // 2. The audit, through the public service API on a CLI-mode application context.
    Logger.overrideLogger(new JsonLogger('warn'));
    phase = await connect();
    const target = phase.target;
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: target.embedded ? '' : target.url,
      DEMO_DATA: 'false',
      NIGHTLY_AUDIT: 'false',
      LOG_LEVEL: 'warn',
    });
    const bootStart = performance.now();
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, database: target, mode: 'cli' }), { abortOnError: false, logger: new JsonLogger('warn') });
    const bootSeconds = (performance.now() - bootStart) / 1000;
    const queries = new QueryTimer().install();
    let auditSeconds: number;
    let cpuSeconds = 0;
    let findings: number;
    let periods: number;
    let memory: MemorySampler;
    try {
      const audits = app.get(AuditService);
      log(`audit ${from} … ${to} of ${officeIds ? officeIds.length : 'all'} offices …`);
      let t0 = performance.now();
      const progress = setInterval(() => {
        const q = queries.totals();
        log(`  … ${((performance.now() - t0) / 1000).toFixed(0)} s, ${q.count} queries (${(q.ms / 1000).toFixed(1)} s in them), rss ${mb(process.memoryUsage.rss())} MB`);
      }, 15_000);
      progress.unref();
      memory = new MemorySampler(100).start();
      queries.enabled = true;
      t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let run;
      try {
        run = await audits.run({ trigger: 'cli', from, to, officeIds });
      } finally {
        auditSeconds = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        cpuSeconds = (cpu.user + cpu.system) / 1e6;
        queries.enabled = false;
        memory.stop();
        clearInterval(progress);
      }
      if (!run || run.status !== 'succeeded') throw new Error(`audit did not succeed: ${run ? `${run.status} ${run.error ?? ''}` : 'no run created'}`);
      findings = run.findingCount ?? 0;
      periods = run.periods.length;
      log(`audit: ${auditSeconds.toFixed(2)} s, ${findings} findings`);
    } finally {
      queries.uninstall();
      await app.close();
      await phase.close();
    }

    // 3. The floor: the bare aggregation of the same rows, fetched like the audit fetches its sums.
    const maxRssAfterAudit = process.resourceUsage().maxRSS * 1024;
    const floorAfter: Array<{ seconds: number; rows: number }> = [];
    phase = await connect();
    ds = await openDataSource(phase.target, { migrate: false });
    try {
      for (let i = 0; i < floorRuns; i++) {
        const f = await timeFloor(ds, from, to, officeIds);
        floorAfter.push(f);
        log(`floor #${i + 1}: ${f.seconds.toFixed(2)} s, ${f.rows} groups fetched`);
      }
    } finally {
      await ds.destroy();
      await phase.close();
    }

    const floorSeconds = Math.min(...floorAfter.map((f) => f.seconds));
    const q = queries.totals();
    const result: Result = {
      database: databaseLabel,
      embedded: !!pglite,
      scale,
      dataset: { ...dataset, totalRows: TABLES.reduce((n, t) => n + dataset.rows[t], 0) },
      audit: {
        offices: officeIds ? officeIds.length : dataset.rows.office,
        periods,
        from,
        to,
        bootSeconds: round(bootSeconds),
        seconds: round(auditSeconds),
        cpuSeconds: round(cpuSeconds),
        findings,
        timeRecords,
        rowsPerSecond: Math.round(timeRecords / auditSeconds),
        memory: {
          samples: memory.samples,
          baselineRssMb: mb(memory.baseline.rss),
          peakRssMb: mb(memory.peakRss),
          peakHeapUsedMb: mb(memory.peakHeapUsed),
          peakHeapTotalMb: mb(memory.peakHeapTotal),
          peakExternalMb: mb(memory.peakExternal),
          // resourceUsage().maxRSS is in kilobytes and covers the whole process (incl. an embedded PGlite).
          maxGapMs: Math.round(memory.maxGapMs),
          maxRssLifetimeMb: mb(maxRssAfterAudit),
        },
        queries: {
          count: q.count,
          seconds: round(q.ms / 1000),
          jsSeconds: round(auditSeconds - q.ms / 1000),
          byKind: queries.byLabel().map((s) => ({ ...s, ms: Math.round(s.ms) })),
        },
      },
      floor: { sql: floorSql(!!officeIds), rows: floorAfter[0].rows, runs: floorAfter.map((f) => round(f.seconds)), seconds: round(floorSeconds) },
      ratio: round(auditSeconds / floorSeconds),
    };
    process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : report(result));
    return 0;
  } finally {
    await pglite?.close();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  }
}

async function countTimeRecords(ds: DataSource, officeIds: string[], from: string, to: string): Promise<number> {
  const [{ n }] = await ds.query('SELECT count(*)::bigint AS n FROM staff_time_record WHERE office_id = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date', [officeIds, from, to]);
  return Number(n);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const num = (x: number) => x.toLocaleString('en');

function report(r: Result): string {
  const a = r.audit;
  const lines = [
    '',
    `Audit benchmark — ${r.database}`,
    `Scale: ${r.scale.offices} offices × (${r.scale.officers} placement officers + ${r.scale.otherStaff} other staff), ${r.scale.days} days from ${r.scale.start}`,
    '',
    `Dataset (${r.dataset.reused ? `reused, loaded ${r.dataset.loadedAt}` : 'generated'}; load ${r.dataset.loadSeconds.toFixed(1)} s)`,
    ...TABLES.map((t) => `  ${t.padEnd(20)} ${num(r.dataset.rows[t]).padStart(12)}`),
    `  ${'total'.padEnd(20)} ${num(r.dataset.totalRows).padStart(12)}`,
    '',
    `Audit ${a.from} … ${a.to}: ${a.offices} offices × ${a.periods} periods (AuditService.run, trigger cli)`,
    `  wall time            ${a.seconds.toFixed(2)} s   (application start ${a.bootSeconds.toFixed(2)} s, not included)`,
    `  CPU of this process  ${a.cpuSeconds.toFixed(2)} s (user + system; the database server's CPU not included)`,
    `  findings written     ${num(a.findings)}`,
    `  time records judged  ${num(a.timeRecords)}`,
    `  rows per second      ${num(a.rowsPerSecond)}`,
    `  peak memory          RSS ${a.memory.peakRssMb} MB (before the audit ${a.memory.baselineRssMb} MB), heap used ${a.memory.peakHeapUsedMb} MB, heap total ${a.memory.peakHeapTotalMb} MB, external ${a.memory.peakExternalMb} MB`,
    `  sampling             ${a.memory.samples} samples every 100 ms; longest gap ${num(a.memory.maxGapMs)} ms (= event loop blocked that long)`,
    `  maxRSS (process)     ${a.memory.maxRssLifetimeMb} MB at the audit's end, since process start${r.embedded ? ' (includes the embedded database)' : ''}`,
    `  queries              ${num(a.queries.count)}, ${a.queries.seconds.toFixed(2)} s waiting for results; rest (JS) ${a.queries.jsSeconds.toFixed(2)} s`,
    ...a.queries.byKind.slice(0, 8).map((s) => `    ${s.label.padEnd(32)} ${num(s.count).padStart(9)} × ${(s.ms / s.count).toFixed(2).padStart(7)} ms = ${(s.ms / 1000).toFixed(2).padStart(8)} s  (${num(s.rows)} rows)`),
    '',
    `Floor: bare SQL aggregation of the same rows (${num(r.floor.rows)} groups)`,
    `  runs (after audit)   ${r.floor.runs.map((s) => `${s.toFixed(2)} s`).join(', ')}`,
    `  floor (best)         ${r.floor.seconds.toFixed(2)} s`,
    '',
    `Ratio audit / floor:   ${r.ratio.toFixed(2)}   (target ≤ 1.5)`,
    ...(a.offices < r.dataset.rows.office
      ? [`  (--audit-offices: a subset's floor does not scale like the full one (other plan), so compare audit times, not this ratio)`]
      : []),
    '',
  ];
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`bench: ${err.message} (see --help)\n`);
      process.exit(2);
    }
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { AuditService, type AuditRequest } from '../src/audits/audit.service';
import { nightlyPeriods } from '../src/audits/audit-periods';
import { warmHolidayCalendar } from '../src/calendar';
import { loadConfig } from '../src/config/app-config';
import { openDataSource } from '../src/database/data-source.factory';
import type { DatabaseTarget } from '../src/database/database-target';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '../src/database/embedded-postgres';
import { JsonLogger } from '../src/logging/json-logger';
import { estimateTimeRecords, prepareDataset, TABLES, type LoadResult, type Scale } from './dataset';
import { jsReferenceMs, MemorySampler, QueryTimer, ServerCpuSampler, type QueryStat } from './instruments';
import { coldStarts, precheckLoad, type ColdStartFigures, type LoadFigures } from './service-load';

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
// A calendar year the catalog in force applies to (config/standards/catalog.yaml, validFrom).
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
  --runs N             timed runs of the audit, the nightly run and the floor; best counts (default 3)
  --floor-runs N       timed runs of the floor only (default: --runs)
  --skip-service       skip the service measurements (pre-check under load, cold starts)
  --load-seconds N     duration of each load step (default 5)
  --load-connections N connections for the saturated load steps (default 10)
  --load-rate N        requests per second of the paced pre-check step (default 500)
  --json               print the result as JSON on stdout (progress stays on stderr)
`;

interface Result {
  database: string;
  embedded: boolean;
  /** This machine's speed for JavaScript (jsReferenceMs), so that runs of different sessions can be compared. */
  machine: { cores: number; jsReferenceMs: number };
  scale: Scale;
  dataset: LoadResult & { totalRows: number };
  audit: TimedRun & {
    offices: number;
    periods: number;
    from: string;
    to: string;
    bootSeconds: number;
    runs: number[];
    findings: number;
    timeRecords: number;
    rowsPerSecond: number;
    memory: { samples: number; baselineRssMb: number; peakRssMb: number; peakHeapUsedMb: number; peakHeapTotalMb: number; peakExternalMb: number; maxGapMs: number; eventLoopDelay: { maxMs: number; p99Ms: number }; maxRssLifetimeMb: number };
    queries: { count: number; awaitedSeconds: number; byKind: QueryStat[] };
  };
  nightly: TimedRun & { periods: string[]; runs: number[] };
  floor: TimedRun & { sql: string; workMem: string; rows: number; runs: number[] };
  ratio: number;
  load: LoadFigures[];
  coldStart?: ColdStartFigures;
  /** maxRSS of this process over the whole bench (audits and floor; the service runs as a child). */
  peakRssMb: number;
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

/** work_mem for the floor's transaction: enough that its hash aggregates never spill to disk. */
const FLOOR_WORK_MEM = '256MB';

/**
 * The floor: the cheapest single statement that yields everything the rules read, in the same
 * database: per office and month the placement officers' employer, jobseeker and total minutes,
 * their number, how many are below the half-time target and how many outside the one-to-one
 * bounds, the record count; and the week facts (schedule versions, closures, hotline coverage).
 * The officers are grouped by in SQL (the pseudonym never leaves it), like the audit does.
 */
function floorSql(officeFilter: boolean): string {
  const offices = (column = 'office_id') => (officeFilter ? ` AND ${column} = ANY($3::text[])` : '');
  return `WITH per_officer AS (
  SELECT office_id, date_trunc('month', date::timestamp) AS month, staff_ref,
         COALESCE(sum(minutes) FILTER (WHERE activity = 'employer_service'), 0) AS employer,
         COALESCE(sum(minutes) FILTER (WHERE activity = 'jobseeker_service'), 0) AS jobseeker,
         sum(minutes) AS total, count(*) AS records
    FROM staff_time_record
   WHERE role = 'placement_officer' AND date >= $1::date AND date < $2::date${offices()}
   GROUP BY 1, 2, 3)
SELECT 'month' AS kind, office_id, to_char(month, 'YYYY-MM') AS key,
       sum(employer)::int AS employer_minutes, sum(jobseeker)::int AS jobseeker_minutes, sum(total)::int AS total_minutes,
       count(*)::int AS officers, count(*) FILTER (WHERE employer * 2 < total)::int AS below_target,
       count(*) FILTER (WHERE employer * 2 < total OR jobseeker * 2 < total)::int AS outside_one_to_one,
       sum(records)::int AS records, NULL::text AS detail
  FROM per_officer GROUP BY office_id, month
UNION ALL
SELECT 'schedule', office_id, valid_from::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, week::text
  FROM schedule_version WHERE valid_from < $2::date AND (valid_until IS NULL OR valid_until >= $1::date)${offices()}
UNION ALL
SELECT 'closure', office_id, date::text, from_minute, to_minute, NULL, NULL, NULL, NULL, NULL, NULL
  FROM closure WHERE date >= $1::date AND date < $2::date${offices()}
UNION ALL
SELECT 'hotline', office_id, starts_at::text, (extract(epoch FROM ends_at - starts_at) / 60)::int, NULL, NULL, NULL, NULL, NULL, NULL, covered_by
  FROM hotline_coverage WHERE ends_at > $1::date AND starts_at < $2::date${offices()}`;
}

async function timeFloor(ds: DataSource, from: string, toExclusive: string, officeIds: string[] | undefined): Promise<{ seconds: number; rows: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows: unknown[] = await ds.transaction(async (m) => {
    await m.query(`SET LOCAL work_mem = '${FLOOR_WORK_MEM}'`);
    return m.query(floorSql(!!officeIds), officeIds ? [from, toExclusive, officeIds] : [from, toExclusive]);
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, rows: rows.length, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
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
  runs: { type: 'string' },
  'skip-service': { type: 'boolean', default: false },
  'load-seconds': { type: 'string' },
  'load-connections': { type: 'string' },
  'load-rate': { type: 'string' },
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
  const runs = positiveInt('runs', values.runs, 3);
  const floorRuns = positiveInt('floor-runs', values['floor-runs'], runs);
  const from = START;
  const to = addDays(START, scale.days - 1);
  // Measured first, before anything else loads this machine.
  const machine = { cores: availableParallelism(), jsReferenceMs: jsReferenceMs() };

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
    const toExclusive = addDays(to, 1);
    try {
      dataset = await prepareDataset(ds, scale, { reuse: values.reuse && !values.embedded, log });
      if (auditOffices !== undefined) {
        officeIds = (await ds.query('SELECT id FROM office ORDER BY id LIMIT $1', [auditOffices])).map((r: { id: string }) => r.id);
      }
      // Warm-up: the floor run to completion in the server (its rows are not fetched, so the
      // audit's memory figures stay its own); audit and floor then start from warm caches.
      const t = performance.now();
      await ds.query(`SELECT count(*) FROM (${floorSql(!!officeIds)}) q`, officeIds ? [from, toExclusive, officeIds] : [from, toExclusive]);
      log(`warm-up aggregation ${((performance.now() - t) / 1000).toFixed(2)} s (not counted)`);
      timeRecords = officeIds ? await countTimeRecords(ds, officeIds, from, to) : dataset.rows.staff_time_record;
    } finally {
      await ds.destroy();
      await phase.close();
    }

    // 2. The audit (best of N) and the nightly run (best of N), through the public service API on a
    // CLI-mode application context.
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
    // The audit judges the dataset's days as of the day after them: only ended periods are judged,
    // and the dataset's year may still be running by the calendar.
    const asOfDayAfter = new Date(`${addDays(to, 1)}T12:00:00Z`);
    const bootStart = performance.now();
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, database: target, mode: 'cli', clock: () => asOfDayAfter }), { abortOnError: false, logger: new JsonLogger('warn') });
    const bootSeconds = (performance.now() - bootStart) / 1000;
    // As the service does a second after it listens (main.ts): the holiday library is not loaded inside the audit.
    warmHolidayCalendar();
    const queries = new QueryTimer().install();
    const auditRuns: TimedRun[] = [];
    const nightlyRuns: TimedRun[] = [];
    const night = nightlyPeriods(to);
    let findings = 0;
    let periods = 0;
    let memory: MemorySampler;
    try {
      const audits = app.get(AuditService);
      const timed = async (label: string, req: AuditRequest, withQueries: boolean): Promise<TimedRun & { findings: number; periods: number }> => {
        const t0 = performance.now();
        const progress = setInterval(() => {
          const q = queries.totals();
          log(`  … ${((performance.now() - t0) / 1000).toFixed(0)} s, ${q.count} queries, rss ${mb(process.memoryUsage.rss())} MB`);
        }, 15_000);
        progress.unref();
        const server = target.embedded ? undefined : await new ServerCpuSampler(target.url).start();
        queries.enabled = withQueries;
        const cpu0 = process.cpuUsage();
        const w0 = performance.now();
        let run;
        let seconds: number;
        let cpu: NodeJS.CpuUsage;
        try {
          run = await audits.run(req);
        } finally {
          seconds = (performance.now() - w0) / 1000;
          cpu = process.cpuUsage(cpu0);
          queries.enabled = false;
          clearInterval(progress);
        }
        const serverSeconds = await server?.stop();
        if (!run || run.status !== 'succeeded') throw new Error(`${label} did not succeed: ${run ? `${run.status} ${run.error ?? ''}` : 'no run created'}`);
        const r = { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, serverCpuSeconds: serverSeconds ?? null, findings: run.findingCount ?? 0, periods: run.periods.length };
        log(`${label}: ${seconds.toFixed(2)} s wall, CPU ${r.cpuSeconds.toFixed(2)} s here${r.serverCpuSeconds === null ? '' : ` + ${r.serverCpuSeconds.toFixed(2)} s server`}, ${r.findings} findings`);
        return r;
      };
      log(`audit ${from} … ${to} of ${officeIds ? officeIds.length : 'all'} offices, ${runs} run(s) …`);
      memory = new MemorySampler(100).start();
      try {
        for (let i = 0; i < runs; i++) {
          // Queries are timed in the first run only (the patched driver costs a little).
          const r = await timed(`audit #${i + 1}`, { trigger: 'cli', from, to, officeIds }, i === 0);
          auditRuns.push(r);
          findings = r.findings;
          periods = r.periods;
        }
      } finally {
        memory.stop();
      }
      log(`nightly run: week ${night.periods[0].id} and month ${night.periods[1].id}, ${runs} run(s) …`);
      for (let i = 0; i < runs; i++) {
        nightlyRuns.push(await timed(`nightly #${i + 1}`, { trigger: 'cli', from: night.from, to: night.to, periods: night.periods, officeIds }, false));
      }
    } finally {
      queries.uninstall();
      await app.close();
      await phase.close();
    }

    // 3. The floor (best of N) in the same process and database.
    const maxRssAfterAudit = process.resourceUsage().maxRSS * 1024;
    const floorAfter: Array<{ seconds: number; rows: number; cpuSeconds: number; serverCpuSeconds: number | null }> = [];
    phase = await connect();
    ds = await openDataSource(phase.target, { migrate: false });
    try {
      for (let i = 0; i < floorRuns; i++) {
        const server = phase.target.embedded ? undefined : await new ServerCpuSampler(phase.target.url).start();
        const f = await timeFloor(ds, from, toExclusive, officeIds);
        const serverCpuSeconds = (await server?.stop()) ?? null;
        floorAfter.push({ ...f, serverCpuSeconds });
        log(`floor #${i + 1}: ${f.seconds.toFixed(2)} s, ${f.rows} rows fetched`);
      }
    } finally {
      await ds.destroy();
      await phase.close();
    }

    // 4. The service as an operator runs it: the pre-check under load, cold starts.
    const load: LoadFigures[] = [];
    let coldStart: ColdStartFigures | undefined;
    if (!values['skip-service']) {
      const loadOptions = {
        seconds: positiveInt('load-seconds', values['load-seconds'], 5),
        connections: positiveInt('load-connections', values['load-connections'], 10),
        rate: positiveInt('load-rate', values['load-rate'], 500),
        log,
      };
      load.push(await precheckLoad(loadOptions));
      if (!values.embedded) {
        const own = new URL(values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL);
        own.pathname = `/${decodeURIComponent(own.pathname.replace(/^\//, ''))}_precheck`;
        load.push(await precheckLoad({ ...loadOptions, databaseUrl: own.toString() }));
      }
      coldStart = await coldStarts({ runs, log });
    }

    const best = <T extends { seconds: number }>(xs: T[]): T => xs.reduce((m, x) => (x.seconds < m.seconds ? x : m));
    const floorBest = best(floorAfter);
    const auditBest = best(auditRuns);
    const nightlyBest = best(nightlyRuns);
    const q = queries.totals();
    const result: Result = {
      database: databaseLabel,
      embedded: !!pglite,
      machine,
      scale,
      dataset: { ...dataset, totalRows: TABLES.reduce((n, t) => n + dataset.rows[t], 0) },
      audit: {
        offices: officeIds ? officeIds.length : dataset.rows.office,
        periods,
        from,
        to,
        bootSeconds: round(bootSeconds),
        runs: auditRuns.map((r) => round(r.seconds)),
        seconds: round(auditBest.seconds),
        cpuSeconds: round(auditBest.cpuSeconds),
        serverCpuSeconds: auditBest.serverCpuSeconds === null ? null : round(auditBest.serverCpuSeconds),
        findings,
        timeRecords,
        rowsPerSecond: Math.round(timeRecords / auditBest.seconds),
        memory: {
          samples: memory.samples,
          baselineRssMb: mb(memory.baseline.rss),
          peakRssMb: mb(memory.peakRss),
          peakHeapUsedMb: mb(memory.peakHeapUsed),
          peakHeapTotalMb: mb(memory.peakHeapTotal),
          peakExternalMb: mb(memory.peakExternal),
          // resourceUsage().maxRSS is in kilobytes and covers the whole process (incl. an embedded PGlite).
          maxGapMs: Math.round(memory.maxGapMs),
          eventLoopDelay: memory.eventLoopDelay(),
          maxRssLifetimeMb: mb(maxRssAfterAudit),
        },
        queries: {
          count: q.count,
          awaitedSeconds: round(q.ms / 1000),
          byKind: queries.byLabel().map((s) => ({ ...s, ms: Math.round(s.ms) })),
        },
      },
      nightly: {
        periods: night.periods.map((p) => p.id),
        runs: nightlyRuns.map((r) => round(r.seconds)),
        seconds: round(nightlyBest.seconds),
        cpuSeconds: round(nightlyBest.cpuSeconds),
        serverCpuSeconds: nightlyBest.serverCpuSeconds === null ? null : round(nightlyBest.serverCpuSeconds),
      },
      floor: {
        sql: floorSql(!!officeIds),
        workMem: FLOOR_WORK_MEM,
        rows: floorAfter[0].rows,
        runs: floorAfter.map((f) => round(f.seconds)),
        seconds: round(floorBest.seconds),
        cpuSeconds: round(floorBest.cpuSeconds),
        serverCpuSeconds: floorBest.serverCpuSeconds === null ? null : round(floorBest.serverCpuSeconds),
      },
      ratio: round(auditBest.seconds / floorBest.seconds),
      load,
      coldStart,
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
    process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : report(result));
    return 0;
  } finally {
    await pglite?.close();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  }
}

interface TimedRun {
  seconds: number;
  /** CPU of this Node process (user + system); with --embedded it includes the database. */
  cpuSeconds: number;
  /** CPU of the PostgreSQL backends serving this database; null when not measurable (embedded, remote). */
  serverCpuSeconds: number | null;
}

async function countTimeRecords(ds: DataSource, officeIds: string[], from: string, to: string): Promise<number> {
  const [{ n }] = await ds.query('SELECT count(*)::bigint AS n FROM staff_time_record WHERE office_id = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date', [officeIds, from, to]);
  return Number(n);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const num = (x: number) => x.toLocaleString('en');
const secs = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(2)} s`);

function split(r: { seconds: number; cpuSeconds: number; serverCpuSeconds: number | null }, embedded: boolean): string {
  if (embedded) return `CPU here ${r.cpuSeconds.toFixed(2)} s (Node and the embedded database share this process)`;
  const idle = r.serverCpuSeconds === null ? undefined : Math.max(0, r.seconds - Math.max(r.cpuSeconds, r.serverCpuSeconds));
  return `Node CPU ${r.cpuSeconds.toFixed(2)} s, server CPU ${secs(r.serverCpuSeconds)}${idle === undefined ? '' : `, neither busy ≥ ${idle.toFixed(2)} s`}`;
}

function report(r: Result): string {
  const a = r.audit;
  const lines = [
    '',
    `Audit benchmark — ${r.database}`,
    `Machine: ${r.machine.cores} cores; JavaScript reference work ${r.machine.jsReferenceMs} ms (best of 5; compare runs only next to it)`,
    `Scale: ${r.scale.offices} offices × (${r.scale.officers} placement officers + ${r.scale.otherStaff} other staff), ${r.scale.days} days from ${r.scale.start}`,
    '',
    `Dataset (${r.dataset.reused ? `reused, loaded ${r.dataset.loadedAt}` : 'generated'}; load ${r.dataset.loadSeconds.toFixed(1)} s)`,
    ...TABLES.map((t) => `  ${t.padEnd(20)} ${num(r.dataset.rows[t]).padStart(12)}`),
    `  ${'total'.padEnd(20)} ${num(r.dataset.totalRows).padStart(12)}`,
    '',
    `Audit ${a.from} … ${a.to}: ${a.offices} offices × ${a.periods} periods (AuditService.run, trigger cli)`,
    `  runs                 ${a.runs.map((s) => `${s.toFixed(2)} s`).join(', ')}   (application start ${a.bootSeconds.toFixed(2)} s, not included)`,
    `  wall time (best)     ${a.seconds.toFixed(2)} s`,
    `  where (best run)     ${split(a, r.embedded)}`,
    `  findings written     ${num(a.findings)}`,
    `  time records judged  ${num(a.timeRecords)}`,
    `  rows per second      ${num(a.rowsPerSecond)}`,
    `  peak memory          RSS ${a.memory.peakRssMb} MB (before the audit ${a.memory.baselineRssMb} MB), heap used ${a.memory.peakHeapUsedMb} MB, heap total ${a.memory.peakHeapTotalMb} MB, external ${a.memory.peakExternalMb} MB`,
    `  sampling             ${a.memory.samples} samples every 100 ms; longest gap ${num(a.memory.maxGapMs)} ms`,
    `  event loop           longest delay ${num(a.memory.eventLoopDelay.maxMs)} ms, p99 ${num(a.memory.eventLoopDelay.p99Ms)} ms (limit ~50 ms; perf_hooks, 10 ms resolution)`,
    `  maxRSS (process)     ${a.memory.maxRssLifetimeMb} MB at the audits' end, since process start${r.embedded ? ' (includes the embedded database)' : ''}`,
    `  queries (1st run)    ${num(a.queries.count)}; send-to-result times sum to ${a.queries.awaitedSeconds.toFixed(2)} s (includes time the event loop was busy elsewhere: not server time)`,
    ...a.queries.byKind.slice(0, 8).map((s) => `    ${s.label.padEnd(32)} ${num(s.count).padStart(9)} × ${(s.ms / s.count).toFixed(2).padStart(7)} ms = ${(s.ms / 1000).toFixed(2).padStart(8)} s  (${num(s.rows)} rows)`),
    '',
    `Nightly run (last week ${r.nightly.periods[0]} and last month ${r.nightly.periods[1]}, ${a.offices} offices)`,
    `  runs                 ${r.nightly.runs.map((s) => `${s.toFixed(2)} s`).join(', ')}`,
    `  wall time (best)     ${r.nightly.seconds.toFixed(2)} s   (target < 1 s)`,
    `  where (best run)     ${split(r.nightly, r.embedded)}`,
    '',
    `Floor: one statement yielding what the rules read (${num(r.floor.rows)} rows; SET LOCAL work_mem = '${r.floor.workMem}')`,
    ...r.floor.sql.split('\n').map((l) => `  | ${l}`),
    `  runs (after audits)  ${r.floor.runs.map((s) => `${s.toFixed(2)} s`).join(', ')}`,
    `  floor (best)         ${r.floor.seconds.toFixed(2)} s`,
    `  where (best run)     ${split(r.floor, r.embedded)}`,
    '',
    `Ratio audit / floor:   ${r.ratio.toFixed(2)}   (target ≤ 2.0)`,
    ...(a.offices < r.dataset.rows.office
      ? [`  (--audit-offices: a subset's floor does not scale like the full one (other plan), so compare audit times, not this ratio)`]
      : []),
    `Peak RSS of the bench process: ${r.peakRssMb} MB`,
    '',
    ...r.load.flatMap((l) => [
      `Schedule pre-check under load (${l.database} database, service as a child process, on loopback, ${l.seconds} s per step)`,
      `  /health saturated    ${num(l.health.rps)} req/s (${l.connections} connections), p99 ${l.health.p99Ms} ms`,
      `  pre-check saturated  ${num(l.precheck.rps)} req/s, p99 ${l.precheck.p99Ms} ms${l.precheck.non2xx ? `, ${l.precheck.non2xx} error answers` : ''}`,
      `  ratio                ${l.ratio.toFixed(2)}   (target ≥ 0.50)`,
      `  at ${l.paced.rate} req/s           evenly spaced, achieved ${num(l.paced.achievedRps)} req/s, p50 ${l.paced.p50Ms} ms, p99 ${l.paced.p99Ms} ms (target < 10 ms), max ${l.paced.maxMs} ms` +
        `${l.paced.non2xx + l.paced.errors ? `, ${l.paced.non2xx} error answers, ${l.paced.errors} failed` : ''} (sender at most ${l.paced.maxSendLagMs} ms late)`,
      '',
    ]),
    ...(r.coldStart
      ? [
          `Cold start (embedded, process start to the first 200 of /health)`,
          `  fresh data folder    ${r.coldStart.freshSeconds.map((s) => `${s.toFixed(2)} s`).join(', ')}   (target < 2 s)`,
          `  existing folder      ${r.coldStart.existingSeconds.map((s) => `${s.toFixed(2)} s`).join(', ')}   (target < 1 s)`,
          '',
        ]
      : []),
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

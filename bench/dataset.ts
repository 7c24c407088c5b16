import type { DataSource, EntityManager } from 'typeorm';
import { publicHolidaysNrw } from '../src/calendar';

/**
 * The synthetic dataset of the audit benchmark, generated entirely in SQL (INSERT … SELECT … FROM
 * generate_series), never row by row in JS. Values are deterministic functions of office number,
 * staff number and day, so two loads of one scale are identical except for uuids and timestamps.
 *
 *   office            office-0001 … ; every 20th pair is a tandem (seat n ≡ 19, minor n ≡ 0 mod 20)
 *   schedule_version  one per office, valid from 2024-01-01, open end; a few weak schedules
 *   closure           ~5 per office and year, full or partial days
 *   hotline_coverage  every working day 08:00–17:00 Europe/Berlin (some afternoons by the call
 *                     centre, some 30-minute gaps)
 *   staff_time_record per working day (Mon–Fri, not an NRW holiday, ~4 % absence) and staff member,
 *                     one record per activity (employer_service, jobseeker_service, other: the
 *                     natural key allows no more); a placement officer's employer share is an
 *                     office level (28–44 %) plus a personal one (0–40 %) plus daily noise (±8 %):
 *                     about a third of the officers and ~10 % of the office-months miss the 50 % target
 *   evidence_import   one per office and kind (the rows' foreign key)
 */
export const GENERATOR_VERSION = 2;

export interface Scale {
  offices: number;
  officers: number;
  otherStaff: number;
  /** First day 'YYYY-MM-DD' and number of days. */
  start: string;
  days: number;
}

export const TABLES = ['office', 'schedule_version', 'closure', 'hotline_coverage', 'staff_time_record', 'evidence_import'] as const;
export type RowCounts = Record<(typeof TABLES)[number], number>;

export interface LoadResult {
  reused: boolean;
  rows: RowCounts;
  loadSeconds: number;
  loadedAt: string;
}

type Log = (line: string) => void;

const sameScale = (a: Scale, b: Scale) => a.offices === b.offices && a.officers === b.officers && a.otherStaff === b.otherStaff && a.start === b.start && a.days === b.days;

/** Rough number of staff_time_record rows, for warnings before anything is generated. */
export function estimateTimeRecords(s: Scale): number {
  // A year in NRW: ~261 weekdays less ~10 public holidays on weekdays ≈ 251 working days; less ~4 % absence ≈ 240.
  return Math.round(s.offices * (s.officers + s.otherStaff) * s.days * (240 / 365) * 3);
}

export async function ensureMetaTable(ds: DataSource): Promise<void> {
  await ds.query(`
    CREATE TABLE IF NOT EXISTS bench_meta (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      generator integer NOT NULL,
      scale jsonb NOT NULL,
      rows jsonb NOT NULL,
      load_seconds double precision NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function readMeta(ds: DataSource): Promise<{ generator: number; scale: Scale; rows: RowCounts; loadSeconds: number; loadedAt: string } | undefined> {
  const [row] = await ds.query('SELECT generator, scale, rows, load_seconds AS "loadSeconds", loaded_at AS "loadedAt" FROM bench_meta WHERE id = 1');
  return row ? { ...row, loadedAt: new Date(row.loadedAt).toISOString() } : undefined;
}

/**
 * Makes the database hold exactly the dataset of this scale: reused when --reuse and bench_meta
 * says it is there, otherwise every application table is emptied and reloaded. One transaction:
 * a crash leaves the previous dataset (or none) and no half-loaded one.
 */
export async function prepareDataset(ds: DataSource, scale: Scale, opts: { reuse: boolean; log: Log }): Promise<LoadResult> {
  await ensureMetaTable(ds);
  const meta = await readMeta(ds);
  if (opts.reuse && meta && meta.generator === GENERATOR_VERSION && sameScale(meta.scale, scale)) {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM office');
    if (n === meta.rows.office) {
      opts.log(`dataset of this scale already loaded at ${meta.loadedAt} (--reuse): generation skipped`);
      // Audit runs of earlier bench runs are removed so every run writes into the same state.
      // CASCADE: corrective actions (src/actions) refer to the runs.
      await ds.query('TRUNCATE audit_finding, audit_run CASCADE');
      return { reused: true, rows: meta.rows, loadSeconds: meta.loadSeconds, loadedAt: meta.loadedAt };
    }
  }
  if (opts.reuse) opts.log(meta ? 'bench_meta describes another scale or generator: regenerating' : 'no dataset recorded in bench_meta: generating');

  // Never wipe data that is not ours, even in a database whose name says "bench".
  const [{ foreign }] = await ds.query(`SELECT count(*)::int AS foreign FROM office WHERE id !~ '^office-[0-9]{4}$'`);
  if (foreign > 0) throw new Error(`the database holds ${foreign} offices the benchmark did not create; refusing to empty it`);

  const started = Date.now();
  const rows = await ds.transaction(async (m) => load(m, scale, opts.log));
  const loadSeconds = (Date.now() - started) / 1000;
  // VACUUM as well as ANALYZE: it sets the visibility map (index-only scans of the covering time
  // record index) and hint bits, the state autovacuum reaches soon after a real import; otherwise
  // autovacuum would start on the fresh 10 M rows in the middle of the measured audit.
  opts.log(`VACUUM ANALYZE …`);
  for (const t of [...TABLES, 'audit_run', 'audit_finding']) await ds.query(`VACUUM (ANALYZE) ${t}`);
  const total = (Date.now() - started) / 1000;
  await ds.query(
    `INSERT INTO bench_meta (id, generator, scale, rows, load_seconds) VALUES (1, $1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET generator = EXCLUDED.generator, scale = EXCLUDED.scale, rows = EXCLUDED.rows, load_seconds = EXCLUDED.load_seconds, loaded_at = now()`,
    [GENERATOR_VERSION, JSON.stringify(scale), JSON.stringify(rows), total],
  );
  opts.log(`dataset loaded in ${total.toFixed(1)} s (of which VACUUM ANALYZE ${(total - loadSeconds).toFixed(1)} s)`);
  return { reused: false, rows, loadSeconds: total, loadedAt: new Date().toISOString() };
}

async function load(m: EntityManager, s: Scale, log: Log): Promise<RowCounts> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const res = await m.query(sql, params);
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return res;
  };
  await m.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await m.query(`SET LOCAL work_mem = '64MB'`);
  // The rows are consistent by construction; skipping the per-row foreign-key triggers makes the
  // load several times faster. Only a superuser may do this: otherwise the checks simply run.
  const [{ su }] = await m.query(`SELECT current_setting('is_superuser') = 'on' AS su`);
  if (su) await m.query(`SET LOCAL session_replication_role = replica`);

  await step('emptied application tables', 'TRUNCATE audit_finding, audit_run, staff_time_record, hotline_coverage, closure, evidence_import, schedule_version, deviation_event, deviation, api_token_office, api_token, office CASCADE');

  const last = new Date(Date.parse(`${s.start}T00:00:00Z`) + (s.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const holidays: string[] = [];
  for (let y = Number(s.start.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) holidays.push(...publicHolidaysNrw(y).keys());

  // Working days: Monday to Friday, not an NRW public holiday.
  await m.query(`CREATE TEMP TABLE bench_days ON COMMIT DROP AS
    SELECT d::date AS date, extract(isodow FROM d)::int AS dow, (d::date - $1::date) AS k
      FROM generate_series($1::date, $2::date, interval '1 day') d
     WHERE extract(isodow FROM d) <= 5 AND d::date <> ALL ($3::date[])`, [s.start, last, holidays]);

  await step(
    'office',
    `INSERT INTO office (id, name, role, seat_id)
     SELECT 'office-' || lpad(n::text, 4, '0'), 'Bench-Regionalstelle ' || n,
            CASE WHEN n % 20 = 19 AND n < $1 THEN 'tandem-seat' ELSE 'standalone' END, NULL
       FROM generate_series(1, $1) n WHERE n % 20 <> 0`,
    [s.offices],
  );
  await m.query(
    `INSERT INTO office (id, name, role, seat_id)
     SELECT 'office-' || lpad(n::text, 4, '0'), 'Bench-Regionalstelle ' || n, 'tandem-minor', 'office-' || lpad((n - 1)::text, 4, '0')
       FROM generate_series(20, $1, 20) n`,
    [s.offices],
  );
  // n: the office number, used by every formula below.
  await m.query(`CREATE TEMP TABLE bench_office ON COMMIT DROP AS SELECT id, substring(id FROM 8)::int AS n FROM office`);

  await step(
    'evidence_import',
    `INSERT INTO evidence_import (id, office_id, kind, format, row_count, inserted, updated, unchanged)
     SELECT md5(o.id || '/' || k.kind)::uuid, o.id, k.kind, 'csv', 0, 0, 0, 0
       FROM bench_office o CROSS JOIN (VALUES ('closures'), ('hotline-coverage'), ('time-records')) k(kind)`,
  );

  // The stored week (StoredWeek): Monday to Saturday, HH:MM. Most offices 29.5 h; every tenth
  // (n ≡ 3) only 17.5 h of mornings; every tenth (n ≡ 7) closed on Fridays.
  await step(
    'schedule_version',
    `INSERT INTO schedule_version (office_id, valid_from, valid_until, week, opening_hours, catalog_version, compliant, findings)
     SELECT o.id, DATE '2024-01-01', NULL,
            CASE
              WHEN o.n % 10 = 3 THEN jsonb_build_object('mon', m, 'tue', m, 'wed', m, 'thu', m, 'fri', m, 'sat', '[]'::jsonb)
              WHEN o.n % 10 = 7 THEN jsonb_build_object('mon', f, 'tue', f || a1, 'wed', f, 'thu', f || a2, 'fri', '[]'::jsonb, 'sat', '[]'::jsonb)
              ELSE jsonb_build_object('mon', f, 'tue', f || a1, 'wed', f, 'thu', f || a2, 'fri', f, 'sat', '[]'::jsonb)
            END,
            NULL, '2026.1', true, '[]'::jsonb
       FROM bench_office o,
            LATERAL (SELECT '[{"from":"08:30","to":"12:00"}]'::jsonb AS m, '[{"from":"08:00","to":"12:30"}]'::jsonb AS f,
                            '[{"from":"13:30","to":"16:00"}]'::jsonb AS a1, '[{"from":"13:30","to":"18:00"}]'::jsonb AS a2) w`,
  );

  await step(
    'closure',
    `INSERT INTO closure (office_id, date, from_minute, to_minute, reason, import_id)
     SELECT o.id, d.date,
            CASE WHEN (o.n + d.k) % 2 = 0 THEN NULL ELSE 480 END,
            CASE WHEN (o.n + d.k) % 2 = 0 THEN NULL ELSE 600 END,
            CASE WHEN (o.n + d.k) % 2 = 0 THEN 'Personalversammlung' ELSE 'Teambesprechung' END,
            md5(o.id || '/closures')::uuid
       FROM bench_office o CROSS JOIN bench_days d
      WHERE (o.n * 13 + d.k) % 47 = 0`,
  );

  // 08:00–12:00 by staff, 12:00–17:00 by staff or (n ≡ 1 mod 4) the call centre; on about one
  // day in 29 the morning has a gap 10:00–10:30.
  await step(
    'hotline_coverage',
    `INSERT INTO hotline_coverage (office_id, starts_at, ends_at, covered_by, import_id)
     SELECT o.id, (d.date + seg.f) AT TIME ZONE 'Europe/Berlin', (d.date + seg.t) AT TIME ZONE 'Europe/Berlin',
            CASE WHEN seg.afternoon AND o.n % 4 = 1 THEN 'call_centre' ELSE 'staff' END,
            md5(o.id || '/hotline-coverage')::uuid
       FROM bench_office o CROSS JOIN bench_days d
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES (time '08:00', time '12:00', false, 0), (time '08:00', time '10:00', false, 1),
                               (time '10:30', time '12:00', false, 1), (time '12:00', time '17:00', true, 2)) v(f, t, afternoon, kind)
          WHERE v.kind = 2 OR v.kind = CASE WHEN (o.n * 7 + d.k) % 29 = 0 THEN 1 ELSE 0 END) seg`,
  );

  // The bulk table: its indexes and constraints are dropped for the load and rebuilt from their
  // own definitions afterwards (one sorted build instead of 10 M random inserts into a uuid index).
  const constraints: Array<{ name: string; def: string }> = await m.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'staff_time_record'::regclass AND contype IN ('p', 'u') ORDER BY contype, conname`,
  );
  const indexes: Array<{ name: string; def: string }> = await m.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'staff_time_record'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
  );
  for (const c of constraints) await m.query(`ALTER TABLE staff_time_record DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await m.query(`DROP INDEX ${i.name}`);

  const ids: Array<{ id: string }> = await m.query('SELECT id FROM bench_office ORDER BY id');
  const BATCH = 25;
  let inserted = 0;
  const t0 = Date.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const [{ n }] = await m.query(
      `WITH ins AS (
         INSERT INTO staff_time_record (office_id, staff_ref, role, date, activity, minutes, import_id)
         SELECT o.id, st.ref, st.role, d.date, a.activity,
                CASE a.k WHEN 1 THEN mm.emp WHEN 2 THEN mm.job ELSE mm.oth END,
                md5(o.id || '/time-records')::uuid
           FROM bench_office o
          CROSS JOIN LATERAL (
            SELECT g AS s, 'ma-' || lpad(g::text, 3, '0') AS ref,
                   CASE WHEN g <= $3::int THEN 'placement_officer' WHEN g % 2 = 0 THEN 'specialist_adviser' ELSE 'other' END AS role,
                   CASE WHEN g <= $3::int THEN 0.28 + ((o.n * 7) % 17) / 100.0 + ((o.n * 37 + g * 101) % 41) / 100.0 ELSE 0.10 END AS share
              FROM generate_series(1, $3::int + $4::int) g) st
          CROSS JOIN bench_days d
          CROSS JOIN LATERAL (SELECT 420 + (o.n * 31 + st.s * 17 + d.k * 13) % 61 AS total) t
          CROSS JOIN LATERAL (SELECT least(t.total - 2, greatest(1, round(t.total * (st.share + ((o.n + st.s * 3 + d.k * 7) % 17 - 8) / 100.0))))::int AS emp) e
          CROSS JOIN LATERAL (SELECT e.emp, round((t.total - e.emp) * 0.75)::int AS job, t.total - e.emp - round((t.total - e.emp) * 0.75)::int AS oth) mm
          CROSS JOIN (VALUES (1, 'employer_service'), (2, 'jobseeker_service'), (3, 'other')) a(k, activity)
          WHERE o.id BETWEEN $1 AND $2
            AND (o.n * 7919 + st.s * 104729 + d.k * 31) % 23 <> 0
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [batch[0].id, batch[batch.length - 1].id, s.officers, s.otherStaff],
    );
    inserted += n;
    const secs = (Date.now() - t0) / 1000;
    log(`  staff_time_record: offices ${i + batch.length}/${ids.length}, ${inserted.toLocaleString('en')} rows, ${secs.toFixed(0)} s`);
  }
  for (const c of constraints) await step(`rebuilt ${c.name}`, `ALTER TABLE staff_time_record ADD CONSTRAINT ${c.name} ${c.def}`);
  for (const i of indexes) await step(`rebuilt ${i.name}`, i.def);

  await step(
    'evidence_import counts',
    `UPDATE evidence_import ei SET row_count = c.n, inserted = c.n
       FROM (SELECT import_id, count(*)::int AS n FROM (
               SELECT import_id FROM closure UNION ALL SELECT import_id FROM hotline_coverage UNION ALL SELECT import_id FROM staff_time_record) x
             GROUP BY import_id) c
      WHERE ei.id = c.import_id`,
  );
  return countRows(m);
}

export async function countRows(m: Pick<EntityManager, 'query'>): Promise<RowCounts> {
  const out = {} as RowCounts;
  for (const t of TABLES) {
    const [{ n }] = await m.query(`SELECT count(*)::bigint AS n FROM ${t}`);
    out[t] = Number(n);
  }
  return out;
}

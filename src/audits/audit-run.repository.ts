import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { ZONE } from '../calendar';
import type { FindingStatus, Obligation } from '../engine';
import type { DatabaseTarget } from '../database/database-target';
import { DATABASE_TARGET } from '../database/database.module';
import { ServiceInstance } from '../instances/service-instance';
import { decodeFinding, RUN_RULE_JOIN, STORED_FINDING_COLUMNS, type FindingRow, type RuleTextIndex, type RunRuleText, type StoredFindingRow } from './audit-finding.codec';
import { RUN_COLUMNS, type AuditFindingView, type AuditRunRow, type AuditTrigger } from './audit-run.view';
import { FindingsWriter } from './findings-writer';

export type { FindingRow } from './audit-finding.codec';

export interface NewRun {
  trigger: AuditTrigger;
  from: string;
  to: string;
  periods: string[];
  officeIds: string[];
  catalogVersion: string;
  requestedBy?: string | null;
  nightlyDate?: string | null;
}

export interface FindingFilter {
  /** Only these offices' findings (undefined: every office). */
  officeIds?: string[];
  /** Whether district findings (office_id NULL) are included; default true. */
  includeDistrict?: boolean;
  /** Only district findings. */
  districtOnly?: boolean;
  ruleId?: string;
  status?: string;
  obligation?: string;
  limit?: number;
  offset?: number;
}

/** Either the data source or the manager of a running transaction (the embedded database has one connection). */
export type FindingsDb = Pick<EntityManager, 'query'>;

/** A finding as corrective actions refer to it: which run, which one, its period and verdict. */
export interface FindingRef {
  officeId: string | null;
  ruleId: string;
  seq: number;
  period: string;
  periodKind: 'week' | 'month';
  status: FindingStatus;
}

/** A run failed because the process running it died. */
export interface ReapedRun {
  id: string;
  trigger: AuditRunRow['trigger'];
  nightlyDate: string | null;
  findingsWritten: number;
}

/** Runs from before instances were recorded (no instance_id) are dead when their own heartbeat is this old. */
const LEGACY_STALE_SECONDS = 15 * 60;

@Injectable()
export class AuditRunRepository {
  private readonly writer: FindingsWriter;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly instance: ServiceInstance,
    @Inject(DATABASE_TARGET) target: Pick<DatabaseTarget, 'embedded'>,
  ) {
    this.writer = new FindingsWriter(ds, target.embedded);
  }

  /**
   * Creates a run in status running. For a nightly run the partial unique index admits one running
   * or succeeded run per night across all instances: a second claim returns undefined. The run
   * names this process's instance, so that others can tell whether it is still alive.
   */
  async create(run: NewRun): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, requested_by, nightly_date, instance_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8, $9)
       ON CONFLICT (nightly_date) WHERE status IN ('running', 'succeeded') DO NOTHING
       RETURNING id`,
      [run.trigger, run.from, run.to, run.periods, run.officeIds, run.catalogVersion, run.requestedBy ?? null, run.nightlyDate ?? null, this.instance.id],
    );
    return rows[0]?.id;
  }

  /**
   * Marks the run alive. Throws when it is no longer running: another instance took it for dead and
   * failed it, and its night is being redone, so this process must not add to it.
   */
  async heartbeat(runId: string): Promise<void> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (UPDATE audit_run SET heartbeat_at = clock_timestamp() WHERE id = $1 AND status = 'running' RETURNING id) SELECT id FROM u`,
      [runId],
    );
    if (rows.length === 0) throw new Error('Der Prüflauf wurde zwischenzeitlich als abgebrochen markiert.');
  }

  /** The text every finding of a rule shares, once per run and catalog version (audit-finding.codec.ts). */
  async recordRuleTexts(runId: string, texts: readonly RunRuleText[]): Promise<void> {
    await this.ds.query(
      `INSERT INTO audit_run_rule (run_id, catalog_version, rule_id, title, citation, params)
       SELECT $1, t.catalog_version, t.rule_id, t.title, t.citation, t.params
         FROM jsonb_to_recordset($2::jsonb) AS t(catalog_version text, rule_id text, title text, citation jsonb, params jsonb)`,
      [runId, JSON.stringify(texts.map((t) => ({ catalog_version: t.catalogVersion, rule_id: t.ruleId, title: t.title, citation: t.citation, params: t.params })))],
    );
  }

  /**
   * Adds a page of findings to a running run: refused once the run is no longer running (another
   * instance took it for dead), then written compactly, then counted as progress.
   */
  async appendFindings(runId: string, rows: readonly FindingRow[], texts: RuleTextIndex): Promise<void> {
    await this.heartbeat(runId);
    await this.writer.write(runId, rows, texts);
    // How far the run got, readable while it runs and kept when it fails.
    await this.ds.query(`UPDATE audit_run SET findings_written = findings_written + $2 WHERE id = $1 AND status = 'running'`, [runId, rows.length]);
  }

  async succeed(runId: string, findingCount: number): Promise<void> {
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (UPDATE audit_run SET status = 'succeeded', finished_at = clock_timestamp(), finding_count = $2 WHERE id = $1 AND status = 'running' RETURNING id) SELECT id FROM u`,
      [runId, findingCount],
    );
    if (rows.length === 0) throw new Error('Der Prüflauf wurde zwischenzeitlich als abgebrochen markiert.');
  }

  /**
   * A failed run keeps its row and error for the record but no partial findings. Only a running run
   * fails: the first reason given (say, "the process died") is not overwritten by a later one.
   */
  async fail(runId: string, error: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query('DELETE FROM audit_finding WHERE run_id = $1', [runId]);
      await m.query('DELETE FROM audit_run_rule WHERE run_id = $1', [runId]);
      await m.query(`UPDATE audit_run SET status = 'failed', finished_at = clock_timestamp(), error = $2 WHERE id = $1 AND status = 'running'`, [runId, error.slice(0, 2000)]);
    });
  }

  /**
   * Fails the runs left "running" by processes that died, and removes their partial findings, so
   * that no half-finished report is ever served and a nightly run's night can be redone.
   * A run's process is dead when its instance stopped or has not beaten for `deadAfterSeconds`
   * (a server shared by several instances), or, with `othersAreDead`, whenever it is not this
   * process: the embedded database admits one process per data folder, so at start-up any run still
   * running was left by an earlier process.
   */
  async failDeadRuns(options: { deadAfterSeconds: number; othersAreDead: boolean }): Promise<ReapedRun[]> {
    const dead: Array<{ id: string; trigger: AuditRunRow['trigger']; nightly_date: string | null; findings_written: number }> = await this.ds.query(
      `SELECT r.id, r.trigger, r.nightly_date, r.findings_written
         FROM audit_run r LEFT JOIN service_instance i ON i.id = r.instance_id
        WHERE r.status = 'running' AND r.instance_id IS DISTINCT FROM $1
          AND ($2
               OR (r.instance_id IS NULL AND r.heartbeat_at < clock_timestamp() - make_interval(secs => $4))
               OR i.stopped_at IS NOT NULL
               OR i.heartbeat_at < clock_timestamp() - make_interval(secs => $3))
        ORDER BY r.started_at`,
      [this.instance.id, options.othersAreDead, options.deadAfterSeconds, LEGACY_STALE_SECONDS],
    );
    for (const run of dead) {
      const got = run.findings_written === 1 ? '1 Feststellung' : `${run.findings_written.toLocaleString('de-DE')} Feststellungen`;
      await this.fail(run.id, `Abgebrochen: Der ausführende Prozess wurde beendet, bevor der Lauf abgeschlossen war (bis dahin ${got} geschrieben, die verworfen wurden).`);
    }
    return dead.map((r) => ({ id: r.id, trigger: r.trigger, nightlyDate: r.nightly_date, findingsWritten: r.findings_written }));
  }

  /** The first night any nightly run was made for: catch-up never reaches back before it. */
  async firstNightlyDate(): Promise<string | undefined> {
    const [row]: Array<{ d: string | null }> = await this.ds.query(`SELECT min(nightly_date) AS d FROM audit_run WHERE trigger = 'nightly'`);
    return row?.d ?? undefined;
  }

  /**
   * Nights in [from, to] without a running or succeeded nightly run, oldest first. Asked directly
   * rather than "after the latest done night", so a night that failed before later ones succeeded
   * is not skipped for good.
   */
  async nightsWithoutRun(from: string, to: string): Promise<string[]> {
    const rows: Array<{ night: string }> = await this.ds.query(
      `SELECT d::date::text AS night FROM generate_series($1::date, $2::date, interval '1 day') AS d
        WHERE NOT EXISTS (SELECT 1 FROM audit_run r WHERE r.trigger = 'nightly' AND r.nightly_date = d::date AND r.status IN ('running', 'succeeded'))
        ORDER BY 1`,
      [from, to],
    );
    return rows.map((r) => r.night);
  }

  /**
   * Nights in [from, to] that will not be audited automatically any more: no nightly run running or
   * succeeded, and not yet recorded as missed. Oldest first.
   */
  async unrecordedMissedNights(from: string, to: string): Promise<string[]> {
    if (to < from) return [];
    const rows: Array<{ night: string }> = await this.ds.query(
      `SELECT d::date::text AS night FROM generate_series($1::date, $2::date, interval '1 day') AS d
        WHERE NOT EXISTS (SELECT 1 FROM audit_run r WHERE r.trigger = 'nightly' AND r.nightly_date = d::date AND (r.status IN ('running', 'succeeded') OR r.missed))
        ORDER BY 1`,
      [from, to],
    );
    return rows.map((r) => r.night);
  }

  /** Records a night as missed: a failed nightly run that never ran, its error saying how to audit it. Once per night, across instances. */
  async recordMissedNight(run: Omit<NewRun, 'trigger' | 'officeIds'> & { nightlyDate: string }, error: string): Promise<boolean> {
    // Every office, as the night's run would have judged them.
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date, instance_id, started_at, heartbeat_at, finished_at, error, missed)
       VALUES ('nightly', $1, $2, $3, (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM office), $4, 'failed', $5, $6, $8::timestamptz, $8::timestamptz, $8::timestamptz, $7, true)
       ON CONFLICT (nightly_date) WHERE missed DO NOTHING
       RETURNING id`,
      // Dated when the night's run was due (the morning after it), not when the gap was noticed: a
      // long outage must not push the real runs out of the newest-first run list.
      [run.from, run.to, run.periods, run.catalogVersion, run.nightlyDate, this.instance.id, error, DateTime.fromISO(run.nightlyDate, { zone: ZONE }).plus({ days: 1 }).toISO()],
    );
    return rows.length > 0;
  }

  /** Missed nights still without a successful (or running) nightly run: the open gaps, oldest first. */
  async openGaps(): Promise<AuditRunRow[]> {
    return this.ds.query(
      `SELECT ${RUN_COLUMNS} FROM audit_run m
        WHERE m.missed AND NOT EXISTS (
          SELECT 1 FROM audit_run r WHERE r.trigger = 'nightly' AND r.nightly_date = m.nightly_date AND r.status IN ('running', 'succeeded'))
        ORDER BY m.nightly_date`,
    );
  }

  async get(runId: string): Promise<AuditRunRow | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(runId)) return undefined;
    const rows: AuditRunRow[] = await this.ds.query(`SELECT ${RUN_COLUMNS} FROM audit_run WHERE id = $1`, [runId]);
    return rows[0];
  }

  async list(limit: number, officeIds?: string[]): Promise<AuditRunRow[]> {
    return officeIds
      ? this.ds.query(`SELECT ${RUN_COLUMNS} FROM audit_run WHERE office_ids && $2 ORDER BY started_at DESC, id LIMIT $1`, [limit, officeIds])
      : this.ds.query(`SELECT ${RUN_COLUMNS} FROM audit_run ORDER BY started_at DESC, id LIMIT $1`, [limit]);
  }

  async findings(runId: string, f: FindingFilter): Promise<AuditFindingView[]> {
    const where = ['f.run_id = $1'];
    const params: unknown[] = [runId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.districtOnly) where.push('f.office_id IS NULL');
    else if (f.officeIds) add(f.includeDistrict === false ? 'f.office_id = ANY(?)' : '(f.office_id IS NULL OR f.office_id = ANY(?))', f.officeIds);
    else if (f.includeDistrict === false) where.push('f.office_id IS NOT NULL');
    if (f.ruleId) add('f.rule_id = ?', f.ruleId);
    if (f.status) add('f.status = ?', f.status);
    if (f.obligation) add('f.obligation = ?', f.obligation);
    params.push(f.limit ?? 1000, f.offset ?? 0);
    const rows: StoredFindingRow[] = await this.ds.query(
      `SELECT ${STORED_FINDING_COLUMNS} FROM audit_finding f ${RUN_RULE_JOIN}
        WHERE ${where.join(' AND ')} ORDER BY f.seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(decodeFinding);
  }

  /**
   * Counts per office, rule and status, aggregated in SQL (a run may hold many thousand findings).
   * District findings (office_id NULL) come as their own rows and are visible to every caller.
   */
  async cellCounts(runId: string, officeIds?: string[]): Promise<Array<{ office_id: string | null; rule_id: string; obligation: Obligation; status: FindingStatus; n: number; deviations: string[] }>> {
    return this.ds.query(
      `SELECT office_id, rule_id, obligation, status, count(*)::int AS n,
              array_remove(array_agg(DISTINCT deviation_id::text), NULL) AS deviations
         FROM audit_finding WHERE run_id = $1 AND ($2::text[] IS NULL OR office_id IS NULL OR office_id = ANY($2))
        GROUP BY office_id, rule_id, obligation, status`,
      [runId, officeIds ?? null],
    );
  }

  /** One rule's status per stored period for an office, from the latest succeeded run that judged it. */
  async trend(officeId: string, ruleId: string): Promise<Array<{ period: string; period_kind: string; run_id: string; status: FindingStatus; measured: number | null; required: number | null; unit: string }>> {
    // Only columns: the trend needs no text, so neither documents nor rule texts are read.
    return this.ds.query(
      `SELECT DISTINCT ON (f.period) f.period, f.period_kind, f.run_id, f.status, f.measured, f.required, f.unit
         FROM audit_finding f JOIN audit_run r ON r.id = f.run_id AND r.status = 'succeeded'
        WHERE f.office_id = $1 AND f.rule_id = $2
        ORDER BY f.period, r.started_at DESC`,
      [officeId, ruleId],
    );
  }

  /** Streams a run's findings in order, a page at a time, for exports of any size; district findings always. */
  async *stream(runId: string, officeIds?: string[], pageSize = 2000): AsyncGenerator<AuditFindingView> {
    let after = -1;
    for (;;) {
      const rows: StoredFindingRow[] = await this.ds.query(
        `SELECT ${STORED_FINDING_COLUMNS} FROM audit_finding f ${RUN_RULE_JOIN}
          WHERE f.run_id = $1 AND f.seq > $2 AND ($3::text[] IS NULL OR f.office_id IS NULL OR f.office_id = ANY($3)) ORDER BY f.seq LIMIT $4`,
        [runId, after, officeIds ?? null, pageSize],
      );
      for (const r of rows) yield decodeFinding(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  // ---- For corrective actions (src/actions): read findings only through these methods. ----

  /** Non-compliant findings of the given rules in a run, ordered by office, rule and sequence. */
  async violations(runId: string, ruleIds: string[], db: FindingsDb = this.ds): Promise<Array<FindingRef & { obligation: Obligation; catalogVersion: string }>> {
    const rows: Array<{ office_id: string | null; rule_id: string; seq: number; period: string; period_kind: 'week' | 'month'; status: FindingStatus; obligation: Obligation; catalog_version: string }> =
      await db.query(
        // Findings stored before the compact format keep their version inside the document.
        `SELECT office_id, rule_id, seq, period, period_kind, status, obligation, COALESCE(catalog_version, finding->>'catalogVersion') AS catalog_version FROM audit_finding
          WHERE run_id = $1 AND status = 'non_compliant' AND rule_id = ANY($2::text[])
          ORDER BY office_id NULLS FIRST, rule_id, seq`,
        [runId, ruleIds],
      );
    return rows.map((r) => ({
      officeId: r.office_id,
      ruleId: r.rule_id,
      seq: r.seq,
      period: r.period,
      periodKind: r.period_kind,
      status: r.status,
      obligation: r.obligation,
      catalogVersion: r.catalog_version,
    }));
  }

  /** A run's findings for given (office, rule, period) keys; office null is the district. */
  async verdicts(runId: string, keys: Array<{ officeId: string | null; ruleId: string; period: string }>, db: FindingsDb = this.ds): Promise<FindingRef[]> {
    if (keys.length === 0) return [];
    const rows: Array<{ office_id: string | null; rule_id: string; seq: number; period: string; period_kind: 'week' | 'month'; status: FindingStatus }> = await db.query(
      `SELECT f.office_id, f.rule_id, f.seq, f.period, f.period_kind, f.status
         FROM audit_finding f
         JOIN unnest($2::text[], $3::text[], $4::text[]) AS k(office_id, rule_id, period)
           ON f.office_id IS NOT DISTINCT FROM k.office_id AND f.rule_id = k.rule_id AND f.period = k.period
        WHERE f.run_id = $1
        ORDER BY f.seq`,
      [runId, keys.map((k) => k.officeId), keys.map((k) => k.ruleId), keys.map((k) => k.period)],
    );
    return rows.map((r) => ({ officeId: r.office_id, ruleId: r.rule_id, seq: r.seq, period: r.period, periodKind: r.period_kind, status: r.status }));
  }

  /** Per rule, the finding of an office and period from the latest succeeded run that judged it (office reports). */
  async latestForPeriod(officeId: string, period: string): Promise<Array<{ runId: string; finding: AuditFindingView }>> {
    const rows: Array<StoredFindingRow & { run_id: string }> = await this.ds.query(
      `SELECT DISTINCT ON (f.rule_id) f.run_id, ${STORED_FINDING_COLUMNS}
         FROM audit_finding f JOIN audit_run r ON r.id = f.run_id AND r.status = 'succeeded' ${RUN_RULE_JOIN}
        WHERE f.office_id = $1 AND f.period = $2
        ORDER BY f.rule_id, r.started_at DESC`,
      [officeId, period],
    );
    return rows.map((r) => ({ runId: r.run_id, finding: decodeFinding(r) }));
  }
}

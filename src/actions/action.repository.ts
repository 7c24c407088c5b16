import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FindingRef } from '../audits/audit-run.repository';
import type { ActionSource, ActionStatus, Obligation, Side } from '../engine';
import type { SurveyActionSource, SurveyFollowUp } from '../surveys/actions/survey-action-source';
import { ACTION_COLUMNS, type ActionEventKind, type ActionEventRow, type ActionFindingRow, type ActionRow, type AuditActionRow } from './action.view';

/** Either the data source or the manager of a running transaction (the embedded database has one connection). */
export type Db = Pick<EntityManager, 'query'>;

/** Identifies an audit action by office (empty: the district) and rule. */
export function actionKey(officeId: string | null, ruleId: string | null): string {
  return `${officeId ?? ''}\u0000${ruleId ?? ''}`;
}

/** Serialises turning runs into actions across instances (pg_advisory_xact_lock key). */
const PROCESSING_LOCK = 1_764_200_000;

export interface NewAction {
  officeId: string | null;
  ruleId: string;
  obligation: Obligation;
  periodKind: 'week' | 'month';
  responsibleSide: Side;
  dueDate: string;
  catalogVersion: string;
  openedByRun: string;
}

export interface NewActionEvent {
  actionId: string;
  kind: ActionEventKind;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  /** A person: side and token. The service: the run (or survey round) whose evidence it acted on. */
  actor: { side: Side; tokenId: string } | { runId: string } | { surveyRoundId: string };
  note?: string | null;
}

/** The columns a transition may set; everything else of an action is fixed when it opens. */
export interface ActionChange {
  status: ActionStatus;
  measure?: string;
  dueDate?: string;
  doneOn?: string | null;
  verifyPeriod?: string | null;
  dismissReason?: string | null;
}

export interface ActionFilter {
  /** undefined: every office and the district (coordination). */
  officeIds?: string[];
  source?: ActionSource;
  ruleId?: string;
  statuses?: ActionStatus[];
  /** Only actions past their due date (as of this day) and still open or planned. */
  overdueOn?: string;
  /** Only actions closed (verified or dismissed) at or after this instant. */
  closedSince?: Date;
  limit?: number;
}

@Injectable()
export class ActionRepository {
  /** Findings linked to actions per statement (linkFindingsMany); tests make it small. */
  linksPerStatement = 5000;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.ds.transaction((manager) => work(manager));
  }

  async lockProcessing(db: Db): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [PROCESSING_LOCK]);
  }

  /** The run's processed marker, written in the caller's transaction; false when the run was processed already. */
  async claimRun(db: Db, runId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `INSERT INTO action_run_processed (run_id, outcome) VALUES ($1, 'processed') ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
      [runId],
    );
    return rows.length > 0;
  }

  async recordCounts(db: Db, runId: string, c: { opened: number; linked: number; verified: number; reopened: number }): Promise<void> {
    await db.query('UPDATE action_run_processed SET opened = $2, linked = $3, verified = $4, reopened = $5 WHERE run_id = $1', [runId, c.opened, c.linked, c.verified, c.reopened]);
  }

  /** Succeeded runs not yet turned into actions, oldest first (a crash between success and processing is caught up). */
  async pendingRuns(limit = 50): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT r.id FROM audit_run r
        WHERE r.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM action_run_processed p WHERE p.run_id = r.id)
        ORDER BY r.finished_at, r.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async processedOutcome(runId: string): Promise<{ outcome: string; opened: number; linked: number; verified: number; reopened: number } | undefined> {
    const [row] = await this.ds.query('SELECT outcome, opened, linked, verified, reopened FROM action_run_processed WHERE run_id = $1', [runId]);
    return row;
  }

  /** The live (open, planned or done) action of an office (null: the district) and rule, locked. */
  async liveFor(db: Db, officeId: string | null, ruleId: string): Promise<AuditActionRow | undefined> {
    return (await this.liveForMany(db, [{ officeId, ruleId }])).get(actionKey(officeId, ruleId));
  }

  /**
   * The live (open, planned or done) actions of many offices (null: the district) and rules at once,
   * locked; keyed by `actionKey`.
   */
  async liveForMany(db: Db, keys: ReadonlyArray<{ officeId: string | null; ruleId: string }>): Promise<Map<string, AuditActionRow>> {
    if (keys.length === 0) return new Map();
    const rows: AuditActionRow[] = await db.query(
      `SELECT ${ACTION_COLUMNS} FROM corrective_action
        WHERE status IN ('open', 'planned', 'done')
          AND (COALESCE(office_id, ''), rule_id) IN (SELECT COALESCE(k.o, ''), k.r FROM unnest($1::text[], $2::text[]) AS k(o, r))
        ORDER BY id FOR UPDATE`,
      [keys.map((k) => k.officeId), keys.map((k) => k.ruleId)],
    );
    return new Map(rows.map((r) => [actionKey(r.office_id, r.rule_id), r]));
  }

  async insert(db: Db, a: NewAction): Promise<AuditActionRow> {
    return (await this.insertMany(db, [a]))[0];
  }

  /** Opens actions in one statement; returns their rows in the order given (one per office and rule). */
  async insertMany(db: Db, actions: readonly NewAction[]): Promise<AuditActionRow[]> {
    if (actions.length === 0) return [];
    const rows: AuditActionRow[] = await db.query(
      `INSERT INTO corrective_action (office_id, rule_id, obligation, period_kind, responsible_side, due_date, catalog_version, opened_by_run)
       SELECT a.office_id, a.rule_id, a.obligation, a.period_kind, a.responsible_side, a.due_date, a.catalog_version, a.opened_by_run
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (office_id text, rule_id text, obligation text, period_kind text, responsible_side text, due_date date, catalog_version text, opened_by_run uuid))
              WITH ORDINALITY AS a(office_id, rule_id, obligation, period_kind, responsible_side, due_date, catalog_version, opened_by_run, ord)
        ORDER BY a.ord
       RETURNING ${ACTION_COLUMNS}`,
      [
        JSON.stringify(
          actions.map((a) => ({
            office_id: a.officeId,
            rule_id: a.ruleId,
            obligation: a.obligation,
            period_kind: a.periodKind,
            responsible_side: a.responsibleSide,
            due_date: a.dueDate,
            catalog_version: a.catalogVersion,
            opened_by_run: a.openedByRun,
          })),
        ),
      ],
    );
    const byKey = new Map(rows.map((r) => [actionKey(r.office_id, r.rule_id), r]));
    return actions.map((a) => byKey.get(actionKey(a.officeId, a.ruleId))!);
  }

  /** Links findings of a run; a finding already linked is skipped. Returns the newly linked ones. */
  async linkFindings(db: Db, actionId: string, runId: string, refs: FindingRef[], role: 'cause' | 'evidence'): Promise<FindingRef[]> {
    return (await this.linkFindingsMany(db, runId, [{ actionId, refs }], role)).get(actionId) ?? [];
  }

  /** Links findings of a run to many actions in one statement; returns per action the newly linked ones. */
  async linkFindingsMany(db: Db, runId: string, links: ReadonlyArray<{ actionId: string; refs: FindingRef[] }>, role: 'cause' | 'evidence'): Promise<Map<string, FindingRef[]>> {
    const flat = links.flatMap((l) => l.refs.map((r) => ({ actionId: l.actionId, ref: r })));
    if (flat.length === 0) return new Map();
    const linked = new Set<string>();
    // In statements of linksPerStatement: the 23,665 links of a full-year run in one statement took
    // ~70 ms of the event loop to encode and parse (bench, gap probe).
    const per = Math.max(1, Math.floor(this.linksPerStatement));
    for (let i = 0; i < flat.length; i += per) {
      const part = flat.slice(i, i + per);
      const rows: Array<{ action_id: string; seq: number }> = await db.query(
        `INSERT INTO corrective_action_finding (action_id, run_id, seq, period, period_kind, status, role)
         SELECT a, $1, s, p, k, st, $7 FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(a, s, p, k, st)
         ON CONFLICT (action_id, run_id, seq) DO NOTHING RETURNING action_id, seq`,
        [runId, part.map((f) => f.actionId), part.map((f) => f.ref.seq), part.map((f) => f.ref.period), part.map((f) => f.ref.periodKind), part.map((f) => f.ref.status), role],
      );
      for (const r of rows) linked.add(`${r.action_id} ${r.seq}`);
    }
    const result = new Map<string, FindingRef[]>();
    for (const { actionId, refs } of links) result.set(actionId, refs.filter((r) => linked.has(`${actionId} ${r.seq}`)));
    return result;
  }

  /**
   * A survey action (source "Befragung"); the unique index refuses a second live one for the same
   * round, field, item and office (23505, mapped by the caller).
   */
  async insertSurvey(db: Db, a: { source: SurveyActionSource; dueDate: string; measure: string | null; status: 'open' | 'planned' }): Promise<ActionRow> {
    const s = a.source;
    const [row]: ActionRow[] = await db.query(
      `INSERT INTO corrective_action (source, office_id, responsible_side, due_date, measure, status, survey_round_id, survey_field_id, survey_item_id, survey_source)
       VALUES ('survey', $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${ACTION_COLUMNS}`,
      [s.officeId, s.responsibleSide, a.dueDate, a.measure, a.status, s.roundId, s.fieldId, s.itemId, JSON.stringify(s)],
    );
    return row;
  }

  /** The live survey action for the same round, field, item and office, if any. */
  async liveSurveyFor(db: Db, s: Pick<SurveyActionSource, 'roundId' | 'fieldId' | 'itemId' | 'officeId'>): Promise<ActionRow | undefined> {
    const [row]: ActionRow[] = await db.query(
      `SELECT ${ACTION_COLUMNS} FROM corrective_action
        WHERE source = 'survey' AND survey_round_id = $1 AND survey_field_id = $2 AND survey_item_id IS NOT DISTINCT FROM $3
          AND office_id IS NOT DISTINCT FROM $4 AND status IN ('open', 'planned', 'done')`,
      [s.roundId, s.fieldId, s.itemId, s.officeId],
    );
    return row;
  }

  /** The actions that came from a survey round (all statuses), oldest first. */
  async forSurveyRound(roundId: string, officeIds?: string[]): Promise<ActionRow[]> {
    return this.ds.query(
      `SELECT ${ACTION_COLUMNS} FROM corrective_action WHERE source = 'survey' AND survey_round_id = $1 ${officeIds ? 'AND office_id = ANY($2::text[])' : ''} ORDER BY opened_at, id`,
      officeIds ? [roundId, officeIds] : [roundId],
    );
  }

  /** Survey actions reported done: the candidates for a decision by a later round. */
  async doneSurveyActions(): Promise<ActionRow[]> {
    return this.ds.query(`SELECT ${ACTION_COLUMNS} FROM corrective_action WHERE source = 'survey' AND status = 'done' ORDER BY opened_at, id`);
  }

  async setFollowUp(db: Db, id: string, followUp: SurveyFollowUp): Promise<void> {
    await db.query('UPDATE corrective_action SET survey_follow_up = $2, updated_at = clock_timestamp() WHERE id = $1', [id, JSON.stringify(followUp)]);
  }

  async addEvent(db: Db, e: NewActionEvent): Promise<void> {
    await this.addEvents(db, [e]);
  }

  /** Adds history entries in one statement, in the order given. */
  async addEvents(db: Db, events: readonly NewActionEvent[]): Promise<void> {
    if (events.length === 0) return;
    await db.query(
      `INSERT INTO corrective_action_event (action_id, kind, from_status, to_status, side, token_id, run_id, survey_round_id, note)
       SELECT e.action_id, e.kind, e.from_status, e.to_status, e.side, e.token_id, e.run_id, e.survey_round_id, e.note
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (action_id uuid, kind text, from_status text, to_status text, side text, token_id uuid, run_id uuid, survey_round_id uuid, note text))
              WITH ORDINALITY AS e(action_id, kind, from_status, to_status, side, token_id, run_id, survey_round_id, note, ord)
        ORDER BY e.ord`,
      [
        JSON.stringify(
          events.map((e) => {
            const person = 'side' in e.actor ? e.actor : undefined;
            return {
              action_id: e.actionId,
              kind: e.kind,
              from_status: e.fromStatus,
              to_status: e.toStatus,
              side: person?.side ?? null,
              token_id: person?.tokenId ?? null,
              run_id: 'runId' in e.actor ? e.actor.runId : null,
              survey_round_id: 'surveyRoundId' in e.actor ? e.actor.surveyRoundId : null,
              note: e.note ?? null,
            };
          }),
        ),
      ],
    );
  }

  async change(db: Db, id: string, c: ActionChange): Promise<ActionRow> {
    const sets = ['status = $2', 'updated_at = clock_timestamp()', `closed_at = CASE WHEN $2 IN ('verified', 'dismissed') THEN clock_timestamp() ELSE NULL END`];
    const params: unknown[] = [id, c.status];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (c.measure !== undefined) set('measure', c.measure);
    if (c.dueDate !== undefined) set('due_date', c.dueDate);
    if (c.doneOn !== undefined) set('done_on', c.doneOn);
    if (c.verifyPeriod !== undefined) set('verify_period', c.verifyPeriod);
    if (c.dismissReason !== undefined) set('dismiss_reason', c.dismissReason);
    const [row]: ActionRow[] = await db.query(`WITH u AS (UPDATE corrective_action SET ${sets.join(', ')} WHERE id = $1 RETURNING *) SELECT ${ACTION_COLUMNS} FROM u`, params);
    return row;
  }

  /** Every audit action reported done, locked: the candidates for verification by a run (survey actions wait for the next round). */
  async done(db: Db): Promise<AuditActionRow[]> {
    return db.query(`SELECT ${ACTION_COLUMNS} FROM corrective_action WHERE status = 'done' AND source = 'audit' ORDER BY id FOR UPDATE`);
  }

  async get(id: string, db: Db = this.ds): Promise<ActionRow | undefined> {
    const [row]: ActionRow[] = await db.query(`SELECT ${ACTION_COLUMNS} FROM corrective_action WHERE id = $1`, [id]);
    return row;
  }

  async getForUpdate(db: Db, id: string): Promise<ActionRow | undefined> {
    const [row]: ActionRow[] = await db.query(`SELECT ${ACTION_COLUMNS} FROM corrective_action WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async findings(id: string, db: Db = this.ds): Promise<ActionFindingRow[]> {
    return db.query('SELECT run_id, seq, period, period_kind, status, role, linked_at FROM corrective_action_finding WHERE action_id = $1 ORDER BY linked_at, run_id, seq', [id]);
  }

  async events(id: string, db: Db = this.ds): Promise<ActionEventRow[]> {
    return db.query('SELECT kind, from_status, to_status, side, token_id, run_id, survey_round_id, note, at FROM corrective_action_event WHERE action_id = $1 ORDER BY id', [id]);
  }

  async list(f: ActionFilter): Promise<Array<ActionRow & { finding_count: number }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.officeIds) add((n) => `office_id = ANY(${n}::text[])`, f.officeIds);
    if (f.source) add((n) => `source = ${n}`, f.source);
    if (f.ruleId) add((n) => `rule_id = ${n}`, f.ruleId);
    if (f.statuses) add((n) => `status = ANY(${n}::text[])`, f.statuses);
    if (f.overdueOn) add((n) => `status IN ('open', 'planned') AND due_date < ${n}::date`, f.overdueOn);
    if (f.closedSince) add((n) => `closed_at >= ${n}`, f.closedSince);
    params.push(f.limit ?? 500);
    return this.ds.query(
      `SELECT ${ACTION_COLUMNS.split(', ').map((c) => (c.includes(' AS ') ? c.replace(/^(\w+)/, 'a.$1') : `a.${c}`)).join(', ')},
              (SELECT count(*)::int FROM corrective_action_finding f WHERE f.action_id = a.id) AS finding_count
         FROM corrective_action a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.office_id NULLS FIRST, a.due_date, a.rule_id, a.opened_at
        LIMIT $${params.length}`,
      params,
    );
  }
}

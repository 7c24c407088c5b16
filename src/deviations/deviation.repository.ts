import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeviationKind } from '../engine';
import {
  DEVIATION_COLUMNS,
  type DeviationAction,
  type DeviationEventRow,
  type DeviationParams,
  type DeviationRow,
  type DeviationSide,
  type DeviationStatus,
} from './deviation.view';

/** Either the data source or the manager of a running transaction (the embedded database has one connection). */
export type Db = Pick<EntityManager, 'query'>;

export interface NewDeviation {
  officeId: string;
  ruleId: string;
  validFrom: string;
  validUntil: string | null;
  kind: DeviationKind;
  params: DeviationParams | null;
  reason: string;
  proposedBy: string;
  proposedSide: DeviationSide;
}

export interface DeviationFilter {
  officeIds?: string[];
  ruleId?: string;
  status?: DeviationStatus;
  /** Only proposals awaiting the consent of this side. */
  awaitingConsentFrom?: DeviationSide;
}

/** The deviations still in play: proposed ones block overlapping proposals, agreed ones apply. */
const LIVE = "status IN ('proposed', 'agreed')";
/** Periods are inclusive; null validUntil is open-ended. */
const OVERLAPS = "valid_from <= COALESCE($4::date, 'infinity'::date) AND COALESCE(valid_until, 'infinity'::date) >= $3::date";

@Injectable()
export class DeviationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.ds.transaction((manager) => work(manager));
  }

  /**
   * Serialises every change to one office's deviations (overlap check, then write). FOR NO KEY
   * UPDATE does not block inserts elsewhere that only reference the office by foreign key.
   */
  async lockOffice(db: Db, officeId: string): Promise<boolean> {
    const rows: unknown[] = await db.query('SELECT id FROM office WHERE id = $1 FOR NO KEY UPDATE', [officeId]);
    return rows.length > 0;
  }

  async overlapping(db: Db, d: { officeId: string; ruleId: string; validFrom: string; validUntil: string | null; exceptId?: string }): Promise<DeviationRow[]> {
    return db.query(
      `SELECT ${DEVIATION_COLUMNS} FROM deviation
        WHERE office_id = $1 AND rule_id = $2 AND ${LIVE} AND ${OVERLAPS} AND id IS DISTINCT FROM $5::uuid
        ORDER BY valid_from`,
      [d.officeId, d.ruleId, d.validFrom, d.validUntil, d.exceptId ?? null],
    );
  }

  async insert(db: Db, d: NewDeviation): Promise<DeviationRow> {
    const [row]: DeviationRow[] = await db.query(
      `INSERT INTO deviation (office_id, rule_id, valid_from, valid_until, kind, params, reason, proposed_by, proposed_side)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${DEVIATION_COLUMNS}`,
      [d.officeId, d.ruleId, d.validFrom, d.validUntil, d.kind, d.params === null ? null : JSON.stringify(d.params), d.reason, d.proposedBy, d.proposedSide],
    );
    return row;
  }

  /** The row, locked until the transaction ends, so two decisions on one proposal cannot both win. */
  async getForUpdate(db: Db, id: string): Promise<DeviationRow | undefined> {
    const [row]: DeviationRow[] = await db.query(`SELECT ${DEVIATION_COLUMNS} FROM deviation WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async get(id: string, db: Db = this.ds): Promise<DeviationRow | undefined> {
    const [row]: DeviationRow[] = await db.query(`SELECT ${DEVIATION_COLUMNS} FROM deviation WHERE id = $1`, [id]);
    return row;
  }

  async decide(db: Db, id: string, status: Exclude<DeviationStatus, 'proposed'>, tokenId: string, side: DeviationSide): Promise<void> {
    await db.query(
      "UPDATE deviation SET status = $2, decided_by = $3, decided_side = $4, decided_at = clock_timestamp() WHERE id = $1 AND status = 'proposed'",
      [id, status, tokenId, side],
    );
  }

  async addEvent(db: Db, e: { deviationId: string; action: DeviationAction; side: DeviationSide; tokenId: string; reason: string | null }): Promise<void> {
    await db.query('INSERT INTO deviation_event (deviation_id, action, side, token_id, reason) VALUES ($1, $2, $3, $4, $5)', [
      e.deviationId,
      e.action,
      e.side,
      e.tokenId,
      e.reason,
    ]);
  }

  async events(deviationId: string, db: Db = this.ds): Promise<DeviationEventRow[]> {
    return db.query('SELECT action, side, token_id, at, reason FROM deviation_event WHERE deviation_id = $1 ORDER BY id', [deviationId]);
  }

  async list(f: DeviationFilter): Promise<DeviationRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.officeIds) add((n) => `office_id = ANY(${n}::text[])`, f.officeIds);
    if (f.ruleId) add((n) => `rule_id = ${n}`, f.ruleId);
    if (f.status) add((n) => `status = ${n}`, f.status);
    if (f.awaitingConsentFrom) {
      where.push("status = 'proposed'");
      add((n) => `proposed_side <> ${n}`, f.awaitingConsentFrom);
    }
    return this.ds.query(
      `SELECT ${DEVIATION_COLUMNS} FROM deviation ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY office_id, rule_id, valid_from, proposed_at`,
      params,
    );
  }

  /** Proposed and agreed deviations of an office whose period touches [from, to]. */
  async liveInPeriod(officeId: string, from: string, to: string): Promise<DeviationRow[]> {
    return this.ds.query(
      `SELECT ${DEVIATION_COLUMNS} FROM deviation
        WHERE office_id = $1 AND ${LIVE} AND valid_from <= $3::date AND COALESCE(valid_until, 'infinity'::date) >= $2::date
        ORDER BY rule_id, valid_from`,
      [officeId, from, to],
    );
  }

  /** Proposed and agreed deviations of an office, whatever their period (the pre-check keeps them in memory). */
  async live(officeId: string): Promise<DeviationRow[]> {
    return this.ds.query(`SELECT ${DEVIATION_COLUMNS} FROM deviation WHERE office_id = $1 AND ${LIVE} ORDER BY rule_id, valid_from`, [officeId]);
  }

  /** Agreed deviations of many offices touching a range: one query for a whole audit chunk. */
  async agreedInPeriod(officeIds: string[], from: string, to: string): Promise<DeviationRow[]> {
    return this.ds.query(
      `SELECT ${DEVIATION_COLUMNS} FROM deviation
        WHERE office_id = ANY($1) AND status = 'agreed' AND valid_from <= $3::date AND COALESCE(valid_until, 'infinity'::date) >= $2::date
        ORDER BY office_id, rule_id, valid_from`,
      [officeIds, from, to],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Finding } from '../engine';
import { SCHEDULE_COLUMNS, type ScheduleVersionRow } from './schedule-version.view';
import { pickInForce } from '../judging/schedule-in-force';
import type { StoredWeek } from '../judging/stored-week';

export interface NewScheduleVersion {
  officeId: string;
  validFrom: string;
  validUntil: string | null;
  week: StoredWeek;
  openingHours: string | null;
  submittedBy: string;
  catalogVersion: string;
  compliant: boolean;
  findings: Finding[];
}

@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Stores a new version, unless it repeats the latest version submitted for the same office and
   * validFrom byte for byte (same validity, week and opening_hours text): then a retried submission
   * would only add a copy, and the client hears which version exists (409, issue 10). An equal
   * version after a different one is stored: it supersedes that one. A per-office transaction lock
   * keeps two identical submissions at the same moment from both passing the check.
   */
  async insert(v: NewScheduleVersion): Promise<ScheduleVersionRow> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('schedule_version:' || $1))`, [v.officeId]);
      const [latest]: Array<ScheduleVersionRow & { same: boolean }> = await m.query(
        `SELECT ${SCHEDULE_COLUMNS},
                (valid_until IS NOT DISTINCT FROM $3::date AND week = $4::jsonb AND opening_hours IS NOT DISTINCT FROM $5) AS same
           FROM schedule_version WHERE office_id = $1 AND valid_from = $2::date
          ORDER BY submitted_at DESC, id DESC LIMIT 1`,
        [v.officeId, v.validFrom, v.validUntil, JSON.stringify(v.week), v.openingHours],
      );
      if (latest?.same) {
        const at = new Date(latest.submitted_at).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' });
        throw new DomainError(
          'conflict',
          `Diese Fassung ist bereits gespeichert: Fassung ${latest.id} vom ${at}, gültig ab ${latest.valid_from}, ist mit ihr identisch. Es wurde keine weitere Fassung angelegt.`,
          [{ field: 'validFrom', message: `gleicht der vorhandenen Fassung ${latest.id}` }],
        );
      }
      const [row]: ScheduleVersionRow[] = await m.query(
        `INSERT INTO schedule_version (office_id, valid_from, valid_until, week, opening_hours, submitted_by, catalog_version, compliant, findings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SCHEDULE_COLUMNS}`,
        [v.officeId, v.validFrom, v.validUntil, JSON.stringify(v.week), v.openingHours, v.submittedBy, v.catalogVersion, v.compliant, JSON.stringify(v.findings)],
      );
      return row;
    });
  }

  async history(officeId: string): Promise<ScheduleVersionRow[]> {
    return this.ds.query(`SELECT ${SCHEDULE_COLUMNS} FROM schedule_version WHERE office_id = $1 ORDER BY valid_from DESC, submitted_at DESC, id`, [officeId]);
  }

  /** The version in force on a day, by the one rule in judging/schedule-in-force.ts. */
  async inForce(officeId: string, date: string): Promise<ScheduleVersionRow | undefined> {
    return pickInForce(await this.overlapping(officeId, date, date), date);
  }

  /** Every version whose period touches [from, to] (dates inclusive); a week or month needs only these. */
  async overlapping(officeId: string, from: string, to: string): Promise<ScheduleVersionRow[]> {
    return this.ds.query(
      `SELECT ${SCHEDULE_COLUMNS} FROM schedule_version
        WHERE office_id = $1 AND valid_from <= $3::date AND (valid_until IS NULL OR valid_until >= $2::date)`,
      [officeId, from, to],
    );
  }
}

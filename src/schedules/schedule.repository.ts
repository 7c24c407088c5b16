import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

  async insert(v: NewScheduleVersion): Promise<ScheduleVersionRow> {
    const [row]: ScheduleVersionRow[] = await this.ds.query(
      `INSERT INTO schedule_version (office_id, valid_from, valid_until, week, opening_hours, submitted_by, catalog_version, compliant, findings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SCHEDULE_COLUMNS}`,
      [v.officeId, v.validFrom, v.validUntil, JSON.stringify(v.week), v.openingHours, v.submittedBy, v.catalogVersion, v.compliant, JSON.stringify(v.findings)],
    );
    return row;
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

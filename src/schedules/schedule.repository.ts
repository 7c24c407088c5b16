import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Finding } from '../engine';
import { SCHEDULE_COLUMNS, type ScheduleVersionRow } from './schedule-version.view';
import type { StoredWeek } from './week-input';

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

/**
 * The version in force on a day: among the versions whose period covers the day, the one with the
 * latest validFrom (a later validFrom supersedes an earlier one; among equal validFrom the latest
 * submission). When a limited version (say, summer hours) has ended, the earlier one applies again.
 */
export function pickInForce<T extends Pick<ScheduleVersionRow, 'valid_from' | 'valid_until' | 'submitted_at' | 'id'>>(rows: T[], date: string): T | undefined {
  let best: T | undefined;
  for (const r of rows) {
    if (r.valid_from > date || (r.valid_until !== null && r.valid_until < date)) continue;
    if (!best || r.valid_from > best.valid_from || (r.valid_from === best.valid_from && later(r, best))) best = r;
  }
  return best;
}

function later(a: Pick<ScheduleVersionRow, 'submitted_at' | 'id'>, b: Pick<ScheduleVersionRow, 'submitted_at' | 'id'>): boolean {
  const ta = new Date(a.submitted_at).getTime();
  const tb = new Date(b.submitted_at).getTime();
  return ta !== tb ? ta > tb : a.id > b.id;
}

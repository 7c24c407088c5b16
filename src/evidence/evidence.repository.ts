import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CoveredBy } from './dto/hotline-coverage-row.dto';
import type { Activity } from './dto/time-record-row.dto';

export interface StoredClosure {
  id: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** Minutes after local midnight; both null: closed the whole day. */
  from: number | null;
  to: number | null;
  reason: string;
}

export interface StoredHotlineCoverage {
  id: string;
  start: Date;
  end: Date;
  coveredBy: CoveredBy;
}

/** The smallest group whose summed minutes are shown (privacy; same as the time-share rule's default). */
export const MIN_GROUP = 3;

/** Placement officers against everyone else: the only split the half-time target needs. */
export type RoleGroup = 'placement_officer' | 'other_roles';

export interface MonthlyTimeAggregate {
  /** 'YYYY-MM' */
  month: string;
  roleGroup: RoleGroup;
  activity: Activity;
  recordCount: number;
  /** null when fewer than MIN_GROUP people contributed: the sum would describe one of them. */
  minutes: number | null;
  staffCount: number;
}

export interface DateRange {
  /** inclusive 'YYYY-MM-DD' */
  from?: string;
  /** inclusive 'YYYY-MM-DD' */
  to?: string;
}

/**
 * Reads the stored evidence: the listings of the API and the queries the judging of real weeks
 * uses. Time records leave this class only as sums: per-person rows are never read out.
 */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  closures(officeId: string, range: DateRange): Promise<StoredClosure[]> {
    return this.ds.query(
      `SELECT id, date, from_minute AS "from", to_minute AS "to", reason
         FROM closure
        WHERE office_id = $1 AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
        ORDER BY date, from_minute NULLS FIRST, to_minute, id`,
      [officeId, range.from ?? null, range.to ?? null],
    );
  }

  hotlineCoverage(officeId: string, fromInstant: Date | null, toInstant: Date | null): Promise<StoredHotlineCoverage[]> {
    return this.ds.query(
      `SELECT id, starts_at AS "start", ends_at AS "end", covered_by AS "coveredBy"
         FROM hotline_coverage
        WHERE office_id = $1 AND ($2::timestamptz IS NULL OR ends_at > $2::timestamptz) AND ($3::timestamptz IS NULL OR starts_at < $3::timestamptz)
        ORDER BY starts_at, ends_at, covered_by`,
      [officeId, fromInstant?.toISOString() ?? null, toInstant?.toISOString() ?? null],
    );
  }

  /**
   * What GET time-records shows: sums per month, role group and activity; never a person. A sum
   * over fewer than MIN_GROUP people would describe one of them, so it is left out (null).
   */
  monthlyTimeAggregates(officeId: string, range: DateRange): Promise<MonthlyTimeAggregate[]> {
    return this.ds.query(
      `SELECT to_char(date, 'YYYY-MM') AS month,
              CASE WHEN role = 'placement_officer' THEN 'placement_officer' ELSE 'other_roles' END AS "roleGroup",
              activity,
              count(*)::int AS "recordCount",
              CASE WHEN count(DISTINCT staff_ref) >= ${MIN_GROUP} THEN sum(minutes)::int END AS minutes,
              count(DISTINCT staff_ref)::int AS "staffCount"
         FROM staff_time_record
        WHERE office_id = $1 AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3`,
      [officeId, range.from ?? null, range.to ?? null],
    );
  }
}

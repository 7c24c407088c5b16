import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppointmentArea } from '../engine';
import type { VersionPeriod } from './schedule-in-force';
import type { StoredWeek } from './stored-week';

export interface ScheduleVersionFact extends VersionPeriod {
  office_id: string;
  week: StoredWeek;
}

export interface ClosureFact {
  id: string;
  office_id: string;
  date: string;
  from: number | null;
  to: number | null;
}

export interface HotlineFact {
  id: string;
  office_id: string;
  start: Date;
  end: Date;
  coveredBy: 'staff' | 'call_centre';
}

/** An appointment slot of an office register (section 2): minutes after local midnight. */
export interface AppointmentSlotFact {
  id: string;
  office_id: string;
  date: string;
  from: number;
  to: number;
  area: AppointmentArea;
}

export interface ContactCountFact {
  id: string;
  office_id: string;
  month: string;
  area: AppointmentArea;
  byAppointment: number;
  walkIn: number;
}

/** Counts only (section 1.2): no person is stored, so none can be read. */
export interface CaseloadHandoverFact {
  id: string;
  office_id: string;
  month: string;
  caseloadSize: number;
  changes: number;
}

/** work_mem for the officer-month aggregation only (SET LOCAL: this statement's transaction). */
const OFFICER_MONTHS_WORK_MEM = '32MB';

/** One placement officer's month, anonymous: the pseudonym is grouped by in SQL and never selected. */
export interface OfficerMonthFact {
  office_id: string;
  month: string;
  employerServiceMinutes: number;
  jobseekerServiceMinutes: number;
  workingMinutes: number;
  records: number;
}

/**
 * The reads behind every judgement, for many offices at once: one query per kind of evidence for
 * a whole chunk of offices and the whole audited range, so an audit's cost grows with the data, not
 * with offices × weeks × queries. Staff time records are aggregated in SQL and never read as rows.
 */
@Injectable()
export class JudgingFactsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scheduleVersions(officeIds: string[], from: string, to: string): Promise<ScheduleVersionFact[]> {
    return this.ds.query(
      `SELECT id, office_id, valid_from, valid_until, submitted_at, week FROM schedule_version
        WHERE office_id = ANY($1) AND valid_from <= $3::date AND (valid_until IS NULL OR valid_until >= $2::date)`,
      [officeIds, from, to],
    );
  }

  closures(officeIds: string[], from: string, to: string): Promise<ClosureFact[]> {
    return this.ds.query(
      `SELECT id, office_id, date, from_minute AS "from", to_minute AS "to" FROM closure
        WHERE office_id = ANY($1) AND date BETWEEN $2::date AND $3::date`,
      [officeIds, from, to],
    );
  }

  hotline(officeIds: string[], fromInstant: Date, toInstant: Date): Promise<HotlineFact[]> {
    return this.ds.query(
      `SELECT id, office_id, starts_at AS "start", ends_at AS "end", covered_by AS "coveredBy" FROM hotline_coverage
        WHERE office_id = ANY($1) AND ends_at > $2::timestamptz AND starts_at < $3::timestamptz
        ORDER BY office_id, starts_at`,
      [officeIds, fromInstant.toISOString(), toInstant.toISOString()],
    );
  }

  appointmentSlots(officeIds: string[], from: string, to: string): Promise<AppointmentSlotFact[]> {
    return this.ds.query(
      `SELECT id, office_id, date, from_minute AS "from", to_minute AS "to", area FROM appointment_slot
        WHERE office_id = ANY($1) AND date BETWEEN $2::date AND $3::date
        ORDER BY office_id, date, from_minute, to_minute, area`,
      [officeIds, from, to],
    );
  }

  /** Months as 'YYYY-MM' (inclusive). */
  contactCounts(officeIds: string[], fromMonth: string, toMonth: string): Promise<ContactCountFact[]> {
    return this.ds.query(
      `SELECT id, office_id, month, area, by_appointment AS "byAppointment", walk_in AS "walkIn" FROM contact_count
        WHERE office_id = ANY($1) AND month BETWEEN $2 AND $3
        ORDER BY office_id, month, area`,
      [officeIds, fromMonth, toMonth],
    );
  }

  /** Months as 'YYYY-MM' (inclusive). */
  caseloadHandovers(officeIds: string[], fromMonth: string, toMonth: string): Promise<CaseloadHandoverFact[]> {
    return this.ds.query(
      `SELECT id, office_id, month, caseload_size AS "caseloadSize", changes FROM caseload_handover
        WHERE office_id = ANY($1) AND month BETWEEN $2 AND $3
        ORDER BY office_id, month`,
      [officeIds, fromMonth, toMonth],
    );
  }

  /**
   * Section 4.2 (half-time target, one-to-one placement): per office, month and placement officer, summed in SQL. Groups by
   * date_trunc of the date as a timestamp (no time zone involved, cheaper than to_char per row) and
   * formats only the groups. The pseudonym is grouped by, never selected; the rows come back in an
   * order fixed by their anonymous values (sorted here, not in SQL), so the order reveals nobody.
   *
   * The planner cannot estimate the number of (office, month, officer) groups (it guesses about one
   * per row, far above the real ~25 × 12 per office) and with the default work_mem it then sorts
   * all rows for a GroupAggregate; a little more work_mem for this one statement lets it hash them
   * instead (the hash holds a few MB per chunk of offices), about twice as fast on the bench data.
   */
  async officerMonths(officeIds: string[], from: string, toExclusive: string): Promise<OfficerMonthFact[]> {
    const rows: OfficerMonthFact[] = await this.ds.transaction(async (m) => {
      await m.query(`SET LOCAL work_mem = '${OFFICER_MONTHS_WORK_MEM}'`);
      return m.query(
        `SELECT office_id, to_char(month, 'YYYY-MM') AS month, "employerServiceMinutes", "jobseekerServiceMinutes", "workingMinutes", records
           FROM (SELECT office_id, date_trunc('month', date::timestamp) AS month, staff_ref,
                        COALESCE(sum(minutes) FILTER (WHERE activity = 'employer_service'), 0)::int AS "employerServiceMinutes",
                        COALESCE(sum(minutes) FILTER (WHERE activity = 'jobseeker_service'), 0)::int AS "jobseekerServiceMinutes",
                        sum(minutes)::int AS "workingMinutes",
                        count(*)::int AS records
                   FROM staff_time_record
                  WHERE office_id = ANY($1) AND role = 'placement_officer' AND date >= $2::date AND date < $3::date
                  GROUP BY office_id, date_trunc('month', date::timestamp), staff_ref) per_officer`,
        [officeIds, from, toExclusive],
      );
    });
    return rows.sort(byAnonymousValues);
  }
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function byAnonymousValues(a: OfficerMonthFact, b: OfficerMonthFact): number {
  return (
    compare(a.office_id, b.office_id) ||
    compare(a.month, b.month) ||
    compare(a.employerServiceMinutes, b.employerServiceMinutes) ||
    compare(a.jobseekerServiceMinutes, b.jobseekerServiceMinutes) ||
    compare(a.workingMinutes, b.workingMinutes) ||
    compare(a.records, b.records)
  );
}

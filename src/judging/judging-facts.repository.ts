import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
 * Answers to survey rounds counted per round, office and month (never a single answer: the answer
 * rows carry only round, office and day, and are only counted here).
 */
export interface SurveyAnswerMonthFact {
  office_id: string;
  audience: 'staff' | 'customers' | 'employers';
  questionnaireId: string;
  roundId: string;
  roundTitle: string;
  month: string;
  answers: number;
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

  /** Survey answers per round, office and month from `from` to `to` (inclusive days). */
  surveyAnswerMonths(officeIds: string[], from: string, to: string): Promise<SurveyAnswerMonthFact[]> {
    return this.ds.query(
      `SELECT a.office_id, r.audience, r.questionnaire_id AS "questionnaireId", r.id AS "roundId", r.title AS "roundTitle",
              to_char(a.answered_on, 'YYYY-MM') AS month, count(*)::int AS answers
         FROM survey_answer a JOIN survey_round r ON r.id = a.round_id
        WHERE a.office_id = ANY($1) AND a.answered_on BETWEEN $2::date AND $3::date
        GROUP BY a.office_id, r.audience, r.questionnaire_id, r.id, r.title, to_char(a.answered_on, 'YYYY-MM')
        ORDER BY a.office_id, month, r.id`,
      [officeIds, from, to],
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

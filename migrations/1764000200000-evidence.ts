import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence of what actually happened (issue: real weeks): closures against the schedule, coverage of
 * the employer hotline (section 4.2) and pseudonymous staff time records (section 4.2, half-time target).
 * Each kind has a natural key so that importing the same records twice stores them once.
 */
export class Evidence1764000200000 implements MigrationInterface {
  name = 'Evidence1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_import (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        kind text NOT NULL,
        format text NOT NULL,
        row_count integer NOT NULL,
        inserted integer NOT NULL,
        updated integer NOT NULL,
        unchanged integer NOT NULL,
        submitted_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_evidence_import PRIMARY KEY (id),
        CONSTRAINT fk_evidence_import_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_evidence_import_token FOREIGN KEY (submitted_by) REFERENCES api_token (id),
        CONSTRAINT ck_evidence_import_kind CHECK (kind IN ('closures', 'hotline-coverage', 'time-records')),
        CONSTRAINT ck_evidence_import_format CHECK (format IN ('json', 'csv'))
      )`);

    // A closure of a location against its schedule; no times = the whole day (minutes after local midnight).
    await q.query(`
      CREATE TABLE closure (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        date date NOT NULL,
        from_minute integer NULL,
        to_minute integer NULL,
        reason text NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_closure PRIMARY KEY (id),
        CONSTRAINT fk_closure_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_closure_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_closure_times CHECK (
          (from_minute IS NULL AND to_minute IS NULL)
          OR (from_minute >= 0 AND to_minute <= 1440 AND to_minute > from_minute))
      )`);
    await q.query('CREATE UNIQUE INDEX uq_closure_natural ON closure (office_id, date, COALESCE(from_minute, -1), COALESCE(to_minute, -1))');

    // Coverage intervals of the employer hotline, stored as instants (timestamptz).
    await q.query(`
      CREATE TABLE hotline_coverage (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        covered_by text NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_hotline_coverage PRIMARY KEY (id),
        CONSTRAINT fk_hotline_coverage_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_hotline_coverage_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_hotline_coverage_order CHECK (ends_at > starts_at),
        CONSTRAINT ck_hotline_coverage_by CHECK (covered_by IN ('staff', 'call_centre')),
        CONSTRAINT uq_hotline_coverage_natural UNIQUE (office_id, starts_at, ends_at, covered_by)
      )`);
    await q.query('CREATE INDEX ix_hotline_coverage_office_start ON hotline_coverage (office_id, starts_at)');

    // Staff time records: staff_ref is a pseudonym; the service never stores names.
    await q.query(`
      CREATE TABLE staff_time_record (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        staff_ref text NOT NULL,
        role text NOT NULL,
        date date NOT NULL,
        activity text NOT NULL,
        minutes integer NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_staff_time_record PRIMARY KEY (id),
        CONSTRAINT fk_staff_time_record_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_staff_time_record_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_staff_time_record_role CHECK (role IN ('placement_officer', 'specialist_adviser', 'other')),
        CONSTRAINT ck_staff_time_record_activity CHECK (activity IN ('employer_service', 'jobseeker_service', 'other')),
        CONSTRAINT ck_staff_time_record_minutes CHECK (minutes > 0 AND minutes <= 1440),
        CONSTRAINT uq_staff_time_record_natural UNIQUE (office_id, staff_ref, date, role, activity)
      )`);
    // The monthly aggregate reads one office's placement officers in a date range.
    await q.query('CREATE INDEX ix_staff_time_record_office_date ON staff_time_record (office_id, date) INCLUDE (role, staff_ref, activity, minutes)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staff_time_record');
    await q.query('DROP TABLE hotline_coverage');
    await q.query('DROP TABLE closure');
    await q.query('DROP TABLE evidence_import');
  }
}

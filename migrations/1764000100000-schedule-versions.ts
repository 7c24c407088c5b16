import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regular weekly opening schedules (section 2 of Anlage 3), one immutable row per submitted version.
 * The findings of the pre-check are stored with the version and the catalog version they were judged by.
 */
export class ScheduleVersions1764000100000 implements MigrationInterface {
  name = 'ScheduleVersions1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE schedule_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        week jsonb NOT NULL,
        opening_hours text NULL,
        submitted_by uuid NULL,
        submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        catalog_version text NOT NULL,
        compliant boolean NOT NULL,
        findings jsonb NOT NULL,
        CONSTRAINT pk_schedule_version PRIMARY KEY (id),
        CONSTRAINT fk_schedule_version_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_schedule_version_token FOREIGN KEY (submitted_by) REFERENCES api_token (id),
        CONSTRAINT ck_schedule_version_period CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await q.query('CREATE INDEX ix_schedule_version_office_from ON schedule_version (office_id, valid_from DESC, submitted_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE schedule_version');
  }
}

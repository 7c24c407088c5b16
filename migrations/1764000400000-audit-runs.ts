import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit runs and their findings. A run is immutable once finished: re-running creates a new run.
 * The partial unique index lets exactly one nightly run per day be running or succeeded, across
 * every instance sharing the database; a failed run does not block its redo.
 */
export class AuditRuns1764000400000 implements MigrationInterface {
  name = 'AuditRuns1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_run (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        trigger text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        periods text[] NOT NULL,
        office_ids text[] NOT NULL,
        catalog_version text NOT NULL,
        status text NOT NULL,
        nightly_date date NULL,
        requested_by uuid NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz NULL,
        error text NULL,
        finding_count integer NULL,
        CONSTRAINT pk_audit_run PRIMARY KEY (id),
        CONSTRAINT fk_audit_run_token FOREIGN KEY (requested_by) REFERENCES api_token (id),
        CONSTRAINT ck_audit_run_trigger CHECK (trigger IN ('nightly', 'manual', 'cli')),
        CONSTRAINT ck_audit_run_status CHECK (status IN ('running', 'succeeded', 'failed')),
        CONSTRAINT ck_audit_run_period CHECK (period_to >= period_from),
        CONSTRAINT ck_audit_run_nightly_date CHECK ((trigger = 'nightly') = (nightly_date IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_audit_run_nightly_active ON audit_run (nightly_date) WHERE status IN ('running', 'succeeded')`);
    await q.query('CREATE INDEX ix_audit_run_started ON audit_run (started_at DESC)');

    await q.query(`
      CREATE TABLE audit_finding (
        run_id uuid NOT NULL,
        seq integer NOT NULL,
        office_id text NOT NULL,
        period text NOT NULL,
        period_kind text NOT NULL,
        rule_id text NOT NULL,
        obligation text NOT NULL,
        status text NOT NULL,
        measured double precision NULL,
        required double precision NULL,
        unit text NOT NULL,
        message text NOT NULL,
        deviation_id uuid NULL,
        finding jsonb NOT NULL,
        CONSTRAINT pk_audit_finding PRIMARY KEY (run_id, seq),
        CONSTRAINT fk_audit_finding_run FOREIGN KEY (run_id) REFERENCES audit_run (id),
        CONSTRAINT fk_audit_finding_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT ck_audit_finding_period_kind CHECK (period_kind IN ('week', 'month'))
      )`);
    await q.query('CREATE INDEX ix_audit_finding_run_office_rule ON audit_finding (run_id, office_id, rule_id)');
    await q.query('CREATE INDEX ix_audit_finding_trend ON audit_finding (office_id, rule_id, period)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_finding');
    await q.query('DROP TABLE audit_run');
  }
}

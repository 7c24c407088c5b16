import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which process runs an audit, and whether it is still alive (issue 10, item 2). Every service (and
 * CLI) process registers itself as a service instance and renews heartbeat_at while it runs; a run
 * names the instance that runs it. A run left "running" by an instance that stopped or stopped
 * heartbeating belongs to a dead process: it is failed and its partial findings removed.
 * findings_written says how far a run got (also after it failed).
 */
export class ServiceInstances1764000600000 implements MigrationInterface {
  name = 'ServiceInstances1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_instance (
        id uuid NOT NULL,
        kind text NOT NULL,
        host text NOT NULL,
        pid integer NOT NULL,
        started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        stopped_at timestamptz NULL,
        CONSTRAINT pk_service_instance PRIMARY KEY (id),
        CONSTRAINT ck_service_instance_kind CHECK (kind IN ('service', 'cli'))
      )`);
    await q.query('ALTER TABLE audit_run ADD COLUMN instance_id uuid NULL');
    await q.query('ALTER TABLE audit_run ADD CONSTRAINT fk_audit_run_instance FOREIGN KEY (instance_id) REFERENCES service_instance (id)');
    await q.query('ALTER TABLE audit_run ADD COLUMN findings_written integer NOT NULL DEFAULT 0');
    // The reaper asks for the running runs only.
    await q.query(`CREATE INDEX ix_audit_run_running ON audit_run (instance_id) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_audit_run_running');
    await q.query('ALTER TABLE audit_run DROP COLUMN findings_written');
    await q.query('ALTER TABLE audit_run DROP CONSTRAINT fk_audit_run_instance');
    await q.query('ALTER TABLE audit_run DROP COLUMN instance_id');
    await q.query('DROP TABLE service_instance');
  }
}

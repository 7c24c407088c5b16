import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A night the nightly audit can no longer catch up (older than NIGHTLY_CATCH_UP_DAYS when the
 * service came back) was skipped silently (issue 10). It is now recorded as a failed nightly run
 * marked `missed`, whose error says how to audit it by hand: visible wherever runs are listed.
 * One such record per night; a later successful run of the night closes the gap.
 */
export class MissedNights1764000800000 implements MigrationInterface {
  name = 'MissedNights1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_run ADD COLUMN missed boolean NOT NULL DEFAULT false');
    await q.query(`ALTER TABLE audit_run ADD CONSTRAINT ck_audit_run_missed CHECK (NOT missed OR (trigger = 'nightly' AND status = 'failed'))`);
    await q.query('CREATE UNIQUE INDEX uq_audit_run_missed_night ON audit_run (nightly_date) WHERE missed');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX uq_audit_run_missed_night');
    await q.query('ALTER TABLE audit_run DROP CONSTRAINT ck_audit_run_missed');
    await q.query('ALTER TABLE audit_run DROP COLUMN missed');
  }
}

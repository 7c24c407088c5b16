import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * District findings (section 2, "kreiseinheitliches Angebot"): a rule judged once per period over
 * all offices stores one finding without an office. `scope` says which kind a row is, and the
 * constraint keeps the two in step: an office finding always names its office, a district finding
 * never does.
 */
export class DistrictFindings1764000610000 implements MigrationInterface {
  name = 'DistrictFindings1764000610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_finding ALTER COLUMN office_id DROP NOT NULL');
    await q.query(`ALTER TABLE audit_finding ADD COLUMN scope text NOT NULL DEFAULT 'office'`);
    await q.query(`ALTER TABLE audit_finding ADD CONSTRAINT ck_audit_finding_scope CHECK (scope IN ('office', 'district'))`);
    await q.query(`ALTER TABLE audit_finding ADD CONSTRAINT ck_audit_finding_scope_office CHECK ((scope = 'district') = (office_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_finding WHERE scope = 'district'`);
    await q.query('ALTER TABLE audit_finding DROP CONSTRAINT ck_audit_finding_scope_office');
    await q.query('ALTER TABLE audit_finding DROP CONSTRAINT ck_audit_finding_scope');
    await q.query('ALTER TABLE audit_finding DROP COLUMN scope');
    await q.query('ALTER TABLE audit_finding ALTER COLUMN office_id SET NOT NULL');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compact findings (issue 14). A full-year audit writes about 190 000 findings; each used to carry
 * its whole JSON (title, citation of Anlage 3 and the catalog parameters repeated in every row, about
 * 1.2 KB). Now what is the same for every finding of a rule in a run is stored once per run
 * (`audit_run_rule`), and a finding keeps its own columns plus `detail`: only what its rule produced
 * for it (evidence without the catalog parameters, sources, an applied deviation). The API rebuilds
 * the finding exactly as before (audit-finding.codec.ts).
 *
 * Findings written before this migration keep their `finding` document and are read as they are;
 * the constraint says every row is one kind or the other.
 */
export class CompactFindings1764450000000 implements MigrationInterface {
  name = 'CompactFindings1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_run_rule (
        run_id uuid NOT NULL,
        catalog_version text NOT NULL,
        rule_id text NOT NULL,
        title text NOT NULL,
        citation jsonb NOT NULL,
        params jsonb NOT NULL,
        CONSTRAINT pk_audit_run_rule PRIMARY KEY (run_id, catalog_version, rule_id),
        CONSTRAINT fk_audit_run_rule_run FOREIGN KEY (run_id) REFERENCES audit_run (id)
      )`);
    await q.query('ALTER TABLE audit_finding ALTER COLUMN finding DROP NOT NULL');
    await q.query('ALTER TABLE audit_finding ADD COLUMN catalog_version text NULL, ADD COLUMN detail jsonb NULL');
    await q.query(`ALTER TABLE audit_finding ADD CONSTRAINT ck_audit_finding_compact CHECK ((finding IS NULL) = (catalog_version IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Compact rows cannot be turned back into documents here: a downgrade drops them with their runs' texts.
    await q.query('DELETE FROM audit_finding WHERE finding IS NULL');
    await q.query('ALTER TABLE audit_finding DROP CONSTRAINT ck_audit_finding_compact');
    await q.query('ALTER TABLE audit_finding DROP COLUMN detail, DROP COLUMN catalog_version');
    await q.query('ALTER TABLE audit_finding ALTER COLUMN finding SET NOT NULL');
    await q.query('DROP TABLE audit_run_rule');
  }
}

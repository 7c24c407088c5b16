import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compact findings (issue 14). A full-year audit writes about 190 000 findings; each used to carry
 * its whole JSON (title, citation of Anlage 3 and the catalog parameters repeated in every row, about
 * 1.2 KB). Now what is the same for every finding of a rule in a run is stored once per run
 * (`audit_run_rule`), and a finding keeps its own columns plus `detail`: only what its rule produced
 * for it (evidence without the catalog parameters, sources, an applied deviation). The API rebuilds
 * the finding exactly as before (audit-finding.codec.ts).
 *
 * `detail` is json, not jsonb: it is only ever stored and handed back whole, never searched, and
 * the server's parsing into jsonb was a third of the time of writing a full-year run (bench).
 *
 * Findings written before this migration keep their `finding` document and are read as they are;
 * the constraint says every row is one kind or the other.
 *
 * The two foreign keys of audit_finding (run, office) checked every row with a lookup of its own:
 * measured on the bench, a third of the server's time for writing a full-year run. They are replaced
 * by one check per statement over the rows it wrote (a transition table: every run and office named
 * must exist), which keeps what the keys guaranteed on insert. What it does not do is lock the run
 * and office against deletion meanwhile: neither is ever deleted (runs are the record, offices are
 * renamed, not removed).
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
    await q.query('ALTER TABLE audit_finding ADD COLUMN catalog_version text NULL, ADD COLUMN detail json NULL');
    await q.query(`ALTER TABLE audit_finding ADD CONSTRAINT ck_audit_finding_compact CHECK ((finding IS NULL) = (catalog_version IS NOT NULL))`);

    await q.query('ALTER TABLE audit_finding DROP CONSTRAINT fk_audit_finding_office, DROP CONSTRAINT fk_audit_finding_run');
    await q.query(`
      CREATE FUNCTION audit_finding_references() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM (SELECT DISTINCT run_id FROM written) w WHERE NOT EXISTS (SELECT 1 FROM audit_run r WHERE r.id = w.run_id)) THEN
          RAISE EXCEPTION 'Feststellungen zu einem Prüflauf, den es nicht gibt' USING ERRCODE = '23503', CONSTRAINT = 'fk_audit_finding_run';
        END IF;
        IF EXISTS (SELECT 1 FROM (SELECT DISTINCT office_id FROM written WHERE office_id IS NOT NULL) w WHERE NOT EXISTS (SELECT 1 FROM office o WHERE o.id = w.office_id)) THEN
          RAISE EXCEPTION 'Feststellungen zu einer Regionalstelle, die es nicht gibt' USING ERRCODE = '23503', CONSTRAINT = 'fk_audit_finding_office';
        END IF;
        RETURN NULL;
      END $$`);
    // A trigger with a transition table serves one event: one for inserts (COPY included), one for updates.
    await q.query(`CREATE TRIGGER tr_audit_finding_references_insert AFTER INSERT ON audit_finding REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION audit_finding_references()`);
    await q.query(`CREATE TRIGGER tr_audit_finding_references_update AFTER UPDATE ON audit_finding REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION audit_finding_references()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_audit_finding_references_update ON audit_finding');
    await q.query('DROP TRIGGER tr_audit_finding_references_insert ON audit_finding');
    await q.query('DROP FUNCTION audit_finding_references()');
    await q.query('ALTER TABLE audit_finding ADD CONSTRAINT fk_audit_finding_run FOREIGN KEY (run_id) REFERENCES audit_run (id)');
    await q.query('ALTER TABLE audit_finding ADD CONSTRAINT fk_audit_finding_office FOREIGN KEY (office_id) REFERENCES office (id)');
    // Compact rows cannot be turned back into documents here: a downgrade drops them with their runs' texts.
    await q.query('DELETE FROM audit_finding WHERE finding IS NULL');
    await q.query('ALTER TABLE audit_finding DROP CONSTRAINT ck_audit_finding_compact');
    await q.query('ALTER TABLE audit_finding DROP COLUMN detail, DROP COLUMN catalog_version');
    await q.query('ALTER TABLE audit_finding ALTER COLUMN finding SET NOT NULL');
    await q.query('DROP TABLE audit_run_rule');
  }
}

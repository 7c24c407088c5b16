import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog versions this database has seen (issue 15): each with a hash of what judges (per rule:
 * check kind, obligation, offices, parameter values; and the version's validFrom) and the moment
 * its periods were first judged. Once judged, a version is history: the loader compares the files
 * with the stored hashes at start and refuses a changed past version. A change of parameters is a
 * new version with its own validFrom.
 */
export class CatalogVersions1764430000000 implements MigrationInterface {
  name = 'CatalogVersions1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalog_version (
        version text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        hash text NOT NULL,
        rule_hashes jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        first_judged timestamptz,
        CONSTRAINT pk_catalog_version PRIMARY KEY (version),
        CONSTRAINT ck_catalog_version_hash CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_catalog_version_rule_hashes CHECK (jsonb_typeof(rule_hashes) = 'object'),
        CONSTRAINT ck_catalog_version_validity CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE catalog_version');
  }
}

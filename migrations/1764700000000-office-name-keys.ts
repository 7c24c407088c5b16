import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No text may name two offices: the practice meetings import finds an office by id or name, and
 * people tell offices apart by name. office_name_key holds the keys of every office (its id, and its
 * name as compared: NFC, blanks trimmed and folded, lower case, like src/offices/office-name-key.ts)
 * and its primary key refuses a key that another office has, also when two requests create offices
 * at the same moment. A unique index on an expression of office.name could not refuse a name that
 * is another office's id, hence a table, kept by a trigger so every writer is covered.
 *
 * Offices that already share a key keep their names, so existing data cannot make this migration
 * fail: the key goes to the office whose id it is, otherwise to the oldest; the import calls the
 * shared name ambiguous and asks for the id, and renaming the other office frees it.
 *
 * lower() folds umlauts only where the database's character type knows them (C.UTF-8, de_DE.UTF-8,
 * the embedded database); with LC_CTYPE=C only A–Z. The service compares in JavaScript before it
 * writes, so this matters only for two offices created at the very same moment.
 */
export class OfficeNameKeys1764700000000 implements MigrationInterface {
  name = 'OfficeNameKeys1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION office_name_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(btrim(regexp_replace(normalize(t, NFC), '[[:space:]]+', ' ', 'g'))) $$`);
    await q.query(`
      CREATE TABLE office_name_key (
        key text NOT NULL,
        office_id text NOT NULL,
        CONSTRAINT pk_office_name_key PRIMARY KEY (key),
        CONSTRAINT fk_office_name_key_office FOREIGN KEY (office_id) REFERENCES office (id) ON DELETE CASCADE ON UPDATE CASCADE
      )`);
    await q.query('CREATE INDEX ix_office_name_key_office ON office_name_key (office_id)');
    // Ids (already unique) before names, then the oldest office: one owner per key, never a conflict.
    await q.query(`
      INSERT INTO office_name_key (key, office_id)
      SELECT DISTINCT ON (key) key, office_id
        FROM (SELECT id AS key, id AS office_id, 0 AS by_name, created_at FROM office
              UNION ALL
              SELECT office_name_key(name), id, 1, created_at FROM office) k
       ORDER BY key, by_name, created_at, office_id`);
    // Keys in one order for every writer: two creates that each want the other's key wait instead of deadlocking.
    await q.query(`CREATE FUNCTION office_name_keys_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM office_name_key WHERE office_id = NEW.id;
        INSERT INTO office_name_key (key, office_id) SELECT DISTINCT k, NEW.id FROM unnest(ARRAY[NEW.id, office_name_key(NEW.name)]) k ORDER BY k;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tr_office_name_keys AFTER INSERT OR UPDATE OF id, name ON office
      FOR EACH ROW EXECUTE FUNCTION office_name_keys_refresh()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS tr_office_name_keys ON office');
    await q.query('DROP FUNCTION IF EXISTS office_name_keys_refresh()');
    await q.query('DROP TABLE IF EXISTS office_name_key');
    await q.query('DROP FUNCTION IF EXISTS office_name_key(text)');
  }
}

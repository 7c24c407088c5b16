import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the service keeps in memory (src/database/table-changes.ts, issue 14 item 4). */
const WATCHED = ['office', 'api_token', 'api_token_office', 'schedule_version', 'deviation'];

/**
 * Every write to a table the service caches announces itself: a statement-level trigger sends
 * NOTIFY standards_monitor_changes with the table's name (delivered at commit; duplicates within a
 * transaction are folded by PostgreSQL). Being in the database, it covers every writer: the service,
 * other instances, the CLI and any SQL run by hand. PGlite sends the notification to the listening
 * session too (here: the service's own connection).
 */
export class ChangeNotifications1764500000000 implements MigrationInterface {
  name = 'ChangeNotifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('standards_monitor_changes', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of WATCHED) {
      await q.query(`CREATE TRIGGER tr_${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED) await q.query(`DROP TRIGGER IF EXISTS tr_${table}_changed ON ${table}`);
    await q.query('DROP FUNCTION IF EXISTS notify_table_change()');
  }
}

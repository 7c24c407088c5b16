import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions are kept in memory too (browser-session.repository.ts): the web form's schedule
 * pre-check, sent while typing, is then answered without a query, like one with a bearer token.
 * Sign-out, sign-in and the touch of a session announce themselves as the other cached tables do
 * (migration 1764500000000, same function).
 */
export class SessionChangeNotifications1764600000000 implements MigrationInterface {
  name = 'SessionChangeNotifications1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER tr_browser_session_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON browser_session
      FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS tr_browser_session_changed ON browser_session');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions of the web pages (issue 10): the cookie held the API token itself and never
 * expired. A session is a random id, stored only as its SHA-256 hash, bound to the token that signed
 * in; it ends after 8 hours without use, 24 hours after sign-in, on sign-out and when the token is
 * revoked.
 */
export class BrowserSessions1764000900000 implements MigrationInterface {
  name = 'BrowserSessions1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE browser_session (
        id_hash text NOT NULL,
        token_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        ended_at timestamptz NULL,
        CONSTRAINT pk_browser_session PRIMARY KEY (id_hash),
        CONSTRAINT fk_browser_session_token FOREIGN KEY (token_id) REFERENCES api_token (id)
      )`);
    await q.query('CREATE INDEX ix_browser_session_created ON browser_session (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE browser_session');
  }
}

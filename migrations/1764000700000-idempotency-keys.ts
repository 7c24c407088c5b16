import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers to requests sent with an Idempotency-Key header (issue 10): a client that retries after a
 * lost answer gets the stored answer again instead of creating a second record. Scoped to the token
 * that sent it and the route; request_hash tells a genuine retry from a key reused for other data.
 * status_code is NULL while the first request is still being processed.
 */
export class IdempotencyKeys1764000700000 implements MigrationInterface {
  name = 'IdempotencyKeys1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        token_id text NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NULL,
        response jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_idempotency_key PRIMARY KEY (token_id, route, key),
        CONSTRAINT ck_idempotency_key_answer CHECK ((status_code IS NULL) = (response IS NULL))
      )`);
    await q.query('CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
  }
}

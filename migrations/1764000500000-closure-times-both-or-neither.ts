import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ck_closure_times let a row with only one of from/to through: with one side NULL the second branch
 * evaluates to NULL, and a CHECK that is NULL passes. A closure has both times or neither.
 */
export class ClosureTimesBothOrNeither1764000500000 implements MigrationInterface {
  name = 'ClosureTimesBothOrNeither1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE closure DROP CONSTRAINT ck_closure_times');
    await q.query(`
      ALTER TABLE closure ADD CONSTRAINT ck_closure_times CHECK (
        (from_minute IS NULL AND to_minute IS NULL)
        OR (from_minute IS NOT NULL AND to_minute IS NOT NULL AND from_minute >= 0 AND to_minute <= 1440 AND to_minute > from_minute))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE closure DROP CONSTRAINT ck_closure_times');
    await q.query(`
      ALTER TABLE closure ADD CONSTRAINT ck_closure_times CHECK (
        (from_minute IS NULL AND to_minute IS NULL)
        OR (from_minute >= 0 AND to_minute <= 1440 AND to_minute > from_minute))`);
  }
}

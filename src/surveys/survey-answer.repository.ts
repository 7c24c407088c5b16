import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AnswerValues } from './answer-validation';
import type { ValueCount } from './survey-results';

/** What an answer uses up: a staff member's one-time code, or the ballot of one opened public form. */
export type AnswerPass = { kind: 'code'; hash: string } | { kind: 'ballot'; hash: string; today: string };

const ANSWER_COLUMNS = 'round_id, office_id, answered_on, ratings, importance, comments';

/** A code or ballot that was used meanwhile: ends the transaction without writing anything. */
class PassUsed extends Error {}

/**
 * Writes answers so that nobody can tell which answer came with which code, and reads them only as
 * aggregates. In one transaction per answer:
 *  1. the office of the round is locked, so answers of one office are written one after the other;
 *  2. the code is marked used (or the ballot deleted); if it already was, nothing is written;
 *  3. the answer is stored with round, office and day (no time);
 *  4. all answers of that office and day are deleted and inserted again in random order, and for a
 *     code all codes of the office too: every such row then carries the same transaction id (xmin)
 *     and a random physical position, so neither the order of rows nor their transaction tells
 *     which code was used for which answer.
 * Old row versions stay on disk until PostgreSQL's autovacuum removes them; reading them needs
 * superuser access to raw pages (documented in the README).
 */
@Injectable()
export class SurveyAnswerRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** 'used' when the code was used (or the ballot consumed) meanwhile: then nothing was written. */
  async submit(a: { roundId: string; officeId: string; day: string; values: AnswerValues; pass: AnswerPass }): Promise<'stored' | 'used'> {
    return this.submitMany(a.roundId, a.officeId, [a]);
  }

  /**
   * Several answers of one office in one transaction, all or nothing (the demo data uses it; the
   * public routes send one). Every code or ballot is used up, every answer stored, then the rows are
   * rewritten once, as for a single answer.
   */
  async submitMany(roundId: string, officeId: string, answers: Array<{ day: string; values: AnswerValues; pass: AnswerPass }>): Promise<'stored' | 'used'> {
    return this.ds.transaction(async (db) => {
      await db.query('SELECT 1 FROM survey_round_office WHERE round_id = $1 AND office_id = $2 FOR UPDATE', [roundId, officeId]);
      for (const a of answers) {
        const consumed: Array<{ n: number }> =
          a.pass.kind === 'code'
            ? await db.query(
                'WITH u AS (UPDATE survey_code SET used = true WHERE code_hash = $1 AND round_id = $2 AND office_id = $3 AND NOT used RETURNING 1) SELECT count(*)::int AS n FROM u',
                [a.pass.hash, roundId, officeId],
              )
            : await db.query(
                'WITH d AS (DELETE FROM survey_ballot WHERE ballot_hash = $1 AND round_id = $2 AND office_id = $3 AND valid_until >= $4::date RETURNING 1) SELECT count(*)::int AS n FROM d',
                [a.pass.hash, roundId, officeId, a.pass.today],
              );
        // Throwing rolls back what this transaction wrote for earlier answers of the batch.
        if (consumed[0].n !== 1) throw new PassUsed();
        await db.query(`INSERT INTO survey_answer (${ANSWER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          roundId,
          officeId,
          a.day,
          JSON.stringify(a.values.ratings),
          JSON.stringify(a.values.importance),
          JSON.stringify(a.values.comments),
        ]);
      }
      await db.query(
        `WITH gone AS (DELETE FROM survey_answer WHERE round_id = $1 AND office_id = $2 AND answered_on = ANY($3::date[]) RETURNING ${ANSWER_COLUMNS})
         INSERT INTO survey_answer (${ANSWER_COLUMNS}) SELECT ${ANSWER_COLUMNS} FROM gone ORDER BY random()`,
        [roundId, officeId, [...new Set(answers.map((a) => a.day))]],
      );
      if (answers.some((a) => a.pass.kind === 'code')) {
        await db.query(
          `WITH gone AS (DELETE FROM survey_code WHERE round_id = $1 AND office_id = $2 RETURNING code_hash, round_id, office_id, used)
           INSERT INTO survey_code (code_hash, round_id, office_id, used) SELECT code_hash, round_id, office_id, used FROM gone ORDER BY random()`,
          [roundId, officeId],
        );
      }
      return 'stored' as const;
    }).catch((err: unknown) => {
      if (err instanceof PassUsed) return 'used' as const;
      throw err;
    });
  }

  async answersPerOffice(roundId: string): Promise<Map<string, number>> {
    const rows: Array<{ office_id: string; n: number }> = await this.ds.query(
      'SELECT office_id, count(*)::int AS n FROM survey_answer WHERE round_id = $1 GROUP BY office_id',
      [roundId],
    );
    return new Map(rows.map((r) => [r.office_id, r.n]));
  }

  /** Per office, item and value the number of ratings (or importance ratings): the only way results read answers. */
  async valueCounts(roundId: string, column: 'ratings' | 'importance'): Promise<ValueCount[]> {
    const rows: Array<{ office_id: string; item_id: string; value: number; n: number }> = await this.ds.query(
      `SELECT a.office_id, v.key AS item_id, v.value::int AS value, count(*)::int AS n
         FROM survey_answer a CROSS JOIN LATERAL jsonb_each_text(a.${column === 'ratings' ? 'ratings' : 'importance'}) AS v
        WHERE a.round_id = $1
        GROUP BY a.office_id, v.key, v.value`,
      [roundId],
    );
    return rows.map((r) => ({ officeId: r.office_id, itemId: r.item_id, value: r.value, n: r.n }));
  }

  /** Free-text answers of some offices, sorted by item and text (never in the order they came in). */
  async comments(roundId: string, officeIds: string[]): Promise<Array<{ officeId: string; itemId: string; text: string }>> {
    const rows: Array<{ office_id: string; item_id: string; text: string }> = await this.ds.query(
      `SELECT a.office_id, c.key AS item_id, c.value AS text
         FROM survey_answer a CROSS JOIN LATERAL jsonb_each_text(a.comments) AS c
        WHERE a.round_id = $1 AND a.office_id = ANY($2::text[])
        ORDER BY c.key, c.value, a.office_id`,
      [roundId, officeIds],
    );
    return rows.map((r) => ({ officeId: r.office_id, itemId: r.item_id, text: r.text }));
  }
}

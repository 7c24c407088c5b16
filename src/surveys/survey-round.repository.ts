import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience, Questionnaire } from './questionnaire';

/** Either the data source or the manager of a running transaction (the embedded database has one connection). */
export type Db = Pick<EntityManager, 'query'>;

export interface SurveyRound {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  audience: Audience;
  title: string;
  questionnaire: Questionnaire;
  from: string;
  to: string;
  minimumGroupSize: number;
  createdAt: string;
  closedAt: string | null;
}

export interface RoundOffice {
  officeId: string;
  officeName: string;
  linkKey: string | null;
  codesIssued: number;
  answers: number;
}

const COLUMNS = ['id', 'questionnaire_id', 'questionnaire_version', 'audience', 'title', 'questionnaire', 'period_from', 'period_to', 'minimum_group_size', 'created_at', 'closed_at'];
const ROUND_COLUMNS = COLUMNS.join(', ');
const ROUND_COLUMNS_R = COLUMNS.map((c) => `r.${c}`).join(', ');

interface RoundRow {
  id: string;
  questionnaire_id: string;
  questionnaire_version: string;
  audience: Audience;
  title: string;
  questionnaire: Questionnaire;
  period_from: string;
  period_to: string;
  minimum_group_size: number;
  created_at: Date;
  closed_at: Date | null;
}

function toRound(r: RoundRow): SurveyRound {
  return {
    id: r.id,
    questionnaireId: r.questionnaire_id,
    questionnaireVersion: r.questionnaire_version,
    audience: r.audience,
    title: r.title,
    questionnaire: r.questionnaire,
    from: r.period_from,
    to: r.period_to,
    minimumGroupSize: r.minimum_group_size,
    createdAt: new Date(r.created_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}

/** Rounds, the offices they cover, codes and ballots. Answers live in SurveyAnswerRepository. */
@Injectable()
export class SurveyRoundRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.ds.transaction((manager) => work(manager));
  }

  async insertRound(
    db: Db,
    r: { questionnaire: Questionnaire; title: string; from: string; to: string; minimumGroupSize: number; createdBy: string | null },
  ): Promise<SurveyRound> {
    const [row]: RoundRow[] = await db.query(
      `INSERT INTO survey_round (questionnaire_id, questionnaire_version, audience, title, questionnaire, period_from, period_to, minimum_group_size, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${ROUND_COLUMNS}`,
      [r.questionnaire.id, r.questionnaire.version, r.questionnaire.audience, r.title, JSON.stringify(r.questionnaire), r.from, r.to, r.minimumGroupSize, r.createdBy],
    );
    return toRound(row);
  }

  async insertOffice(db: Db, roundId: string, officeId: string, linkKey: string | null): Promise<void> {
    await db.query('INSERT INTO survey_round_office (round_id, office_id, link_key) VALUES ($1, $2, $3)', [roundId, officeId, linkKey]);
  }

  async insertCodes(db: Db, roundId: string, officeId: string, hashes: string[]): Promise<void> {
    await db.query('INSERT INTO survey_code (code_hash, round_id, office_id) SELECT h, $2, $3 FROM unnest($1::text[]) AS h', [hashes, roundId, officeId]);
  }

  async allOfficeIds(): Promise<string[]> {
    return ((await this.ds.query('SELECT id FROM office ORDER BY id')) as Array<{ id: string }>).map((o) => o.id);
  }

  async knownOffices(db: Db, ids: string[]): Promise<Array<{ id: string; name: string }>> {
    return db.query('SELECT id, name FROM office WHERE id = ANY($1::text[]) ORDER BY id', [ids]);
  }

  async get(id: string, db: Db = this.ds): Promise<SurveyRound | undefined> {
    const [row]: RoundRow[] = await db.query(`SELECT ${ROUND_COLUMNS} FROM survey_round WHERE id = $1`, [id]);
    return row ? toRound(row) : undefined;
  }

  /** Rounds newest first; with officeIds only those covering one of them. */
  async list(officeIds?: string[]): Promise<SurveyRound[]> {
    const rows: RoundRow[] = officeIds
      ? await this.ds.query(
          `SELECT ${ROUND_COLUMNS} FROM survey_round r
            WHERE EXISTS (SELECT 1 FROM survey_round_office o WHERE o.round_id = r.id AND o.office_id = ANY($1::text[]))
            ORDER BY period_from DESC, created_at DESC`,
          [officeIds],
        )
      : await this.ds.query(`SELECT ${ROUND_COLUMNS} FROM survey_round ORDER BY period_from DESC, created_at DESC`);
    return rows.map(toRound);
  }

  /** The offices of a round with codes issued and answers received (counts; the service decides what is shown). */
  async offices(roundId: string, db: Db = this.ds): Promise<RoundOffice[]> {
    const rows: Array<{ office_id: string; name: string; link_key: string | null; codes: number; answers: number }> = await db.query(
      `SELECT ro.office_id, o.name, ro.link_key,
              (SELECT count(*)::int FROM survey_code c WHERE c.round_id = ro.round_id AND c.office_id = ro.office_id) AS codes,
              (SELECT count(*)::int FROM survey_answer a WHERE a.round_id = ro.round_id AND a.office_id = ro.office_id) AS answers
         FROM survey_round_office ro JOIN office o ON o.id = ro.office_id
        WHERE ro.round_id = $1 ORDER BY o.name, ro.office_id`,
      [roundId],
    );
    return rows.map((r) => ({ officeId: r.office_id, officeName: r.name, linkKey: r.link_key, codesIssued: r.codes, answers: r.answers }));
  }

  async byLinkKey(linkKey: string): Promise<{ round: SurveyRound; officeId: string; officeName: string } | undefined> {
    const [row]: Array<RoundRow & { office_id: string; office_name: string }> = await this.ds.query(
      `SELECT ${ROUND_COLUMNS_R}, ro.office_id, o.name AS office_name
         FROM survey_round_office ro JOIN survey_round r ON r.id = ro.round_id JOIN office o ON o.id = ro.office_id
        WHERE ro.link_key = $1`,
      [linkKey],
    );
    return row ? { round: toRound(row), officeId: row.office_id, officeName: row.office_name } : undefined;
  }

  async codeByHash(hash: string): Promise<{ roundId: string; officeId: string; officeName: string; used: boolean } | undefined> {
    const [row]: Array<{ round_id: string; office_id: string; name: string; used: boolean }> = await this.ds.query(
      'SELECT c.round_id, c.office_id, o.name, c.used FROM survey_code c JOIN office o ON o.id = c.office_id WHERE c.code_hash = $1',
      [hash],
    );
    return row ? { roundId: row.round_id, officeId: row.office_id, officeName: row.name, used: row.used } : undefined;
  }

  async close(id: string, tokenId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'WITH u AS (UPDATE survey_round SET closed_at = clock_timestamp(), closed_by = $2 WHERE id = $1 AND closed_at IS NULL RETURNING id) SELECT id FROM u',
      [id, tokenId],
    );
    return rows.length > 0;
  }

  /** The round of the same questionnaire just before this one (by start of period, then creation). */
  async previous(round: SurveyRound): Promise<SurveyRound | undefined> {
    const [row]: RoundRow[] = await this.ds.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round
        WHERE questionnaire_id = $1 AND id <> $2 AND (period_from, created_at) < ($3::date, $4::timestamptz)
        ORDER BY period_from DESC, created_at DESC LIMIT 1`,
      [round.questionnaireId, round.id, round.from, round.createdAt],
    );
    return row ? toRound(row) : undefined;
  }

  /** The round of the same questionnaire just after this one: it tells whether an action's item improved. */
  async next(round: SurveyRound): Promise<SurveyRound | undefined> {
    const [row]: RoundRow[] = await this.ds.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round
        WHERE questionnaire_id = $1 AND id <> $2 AND (period_from, created_at) > ($3::date, $4::timestamptz)
        ORDER BY period_from, created_at LIMIT 1`,
      [round.questionnaireId, round.id, round.from, round.createdAt],
    );
    return row ? toRound(row) : undefined;
  }

  /**
   * The rounds of the same questionnaire after this one that begin on or after a day, in order:
   * the candidates to decide whether an action reported done on that day worked.
   */
  async later(round: SurveyRound, fromDay: string): Promise<SurveyRound[]> {
    const rows: RoundRow[] = await this.ds.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round
        WHERE questionnaire_id = $1 AND id <> $2 AND (period_from, created_at) > ($3::date, $4::timestamptz) AND period_from >= $5::date
        ORDER BY period_from, created_at LIMIT 20`,
      [round.questionnaireId, round.id, round.from, round.createdAt, fromDay],
    );
    return rows.map(toRound);
  }

  // ---- ballots of the public link ----

  async insertBallot(hash: string, roundId: string, officeId: string, validUntil: string): Promise<void> {
    await this.ds.query('INSERT INTO survey_ballot (ballot_hash, round_id, office_id, valid_until) VALUES ($1, $2, $3, $4)', [hash, roundId, officeId, validUntil]);
  }

  async openBallots(roundId: string, officeId: string, today: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.ds.query(
      'SELECT count(*)::int AS n FROM survey_ballot WHERE round_id = $1 AND office_id = $2 AND valid_until >= $3::date',
      [roundId, officeId, today],
    );
    return row.n;
  }

  async purgeExpiredBallots(today: string): Promise<void> {
    await this.ds.query('DELETE FROM survey_ballot WHERE valid_until < $1::date', [today]);
  }
}

import { hashCode, normaliseCode } from '../../src/surveys/participation-code';
import { SurveyAnswerRepository } from '../../src/surveys/survey-answer.repository';
import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, day, openStaffRound } from './survey-fixtures';

/**
 * "Nobody, not even an administrator with database access, can tell who answered what": the schema
 * holds no link from an answer to a code, and the rows do not give one away by order or transaction.
 */
describe('anonymity of survey answers', () => {
  let t: TestApp;
  let coordination: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  const columns = async (table: string) =>
    (await t.dataSource.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`, [table])) as Array<{ column_name: string; data_type: string }>;

  it('stores answers with round, office and day only, and codes with their hash and a used mark only', async () => {
    expect(await columns('survey_answer')).toEqual([
      { column_name: 'answered_on', data_type: 'date' },
      { column_name: 'comments', data_type: 'jsonb' },
      { column_name: 'id', data_type: 'uuid' },
      { column_name: 'importance', data_type: 'jsonb' },
      { column_name: 'office_id', data_type: 'text' },
      { column_name: 'ratings', data_type: 'jsonb' },
      { column_name: 'round_id', data_type: 'uuid' },
    ]);
    expect(await columns('survey_code')).toEqual([
      { column_name: 'code_hash', data_type: 'text' },
      { column_name: 'office_id', data_type: 'text' },
      { column_name: 'round_id', data_type: 'uuid' },
      { column_name: 'used', data_type: 'boolean' },
    ]);
    // The answer's id is drawn at random, not from a sequence.
    const [{ column_default }] = await t.dataSource.query(`SELECT column_default FROM information_schema.columns WHERE table_name = 'survey_answer' AND column_name = 'id'`);
    expect(column_default).toBe('gen_random_uuid()');
    const references: Array<{ table_name: string; foreign_table: string }> = await t.dataSource.query(
      `SELECT tc.table_name, ccu.table_name AS foreign_table
         FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND (tc.table_name IN ('survey_answer', 'survey_code') OR ccu.table_name IN ('survey_answer', 'survey_code'))
        GROUP BY tc.table_name, ccu.table_name ORDER BY 1, 2`,
    );
    expect(references).toEqual([
      { table_name: 'survey_answer', foreign_table: 'survey_round_office' },
      { table_name: 'survey_code', foreign_table: 'survey_round_office' },
    ]);
  });

  it('leaves neither row order nor transaction ids that tell which code went with which answer', async () => {
    const n = 9;
    const { round, codes } = await openStaffRound(t, coordination, { offices: ['witten'], codesPerOffice: n + 3 });
    // Code k answers 'aufgaben-klar' with a value that identifies it (k mod 5 + 1) and a comment "k".
    for (let k = 0; k < n; k++) {
      const res = await answerWithCode(t, codes.witten[k], { ratings: { 'aufgaben-klar': (k % 5) + 1 }, comments: { 'gesamt-anregungen': `Antwort ${k}` } });
      expect(res.status).toBe(201);
    }
    const answers: Array<{ comment: string; xmin: string }> = await t.dataSource.query(
      `SELECT comments->>'gesamt-anregungen' AS comment, xmin::text AS xmin FROM survey_answer WHERE round_id = $1 ORDER BY ctid`,
      [round.id],
    );
    const codeRows: Array<{ code_hash: string; used: boolean; xmin: string }> = await t.dataSource.query('SELECT code_hash, used, xmin::text AS xmin FROM survey_code WHERE round_id = $1 ORDER BY ctid', [round.id]);
    expect(answers).toHaveLength(n);
    expect(codeRows.filter((c) => c.used)).toHaveLength(n);
    // Physical order is shuffled (the chance that 9 answers come back in their own order is 1 in 362 880).
    expect(answers.map((a) => a.comment)).not.toEqual(Array.from({ length: n }, (_, k) => `Antwort ${k}`));
    // Every answer of the day and every code of the office were rewritten by the last answer's transaction.
    expect(new Set(answers.map((a) => a.xmin)).size).toBe(1);
    expect(new Set(codeRows.map((c) => c.xmin)).size).toBe(1);
    // Nor do the codes keep the order of the printed sheet (1 in 479 001 600 to keep it by chance).
    expect(codeRows.map((c) => c.code_hash)).not.toEqual(codes.witten.map((c) => hashCode(normaliseCode(c)!)));
  });

  it('writes a batch of answers all or nothing: one used code and none of them is stored', async () => {
    const { round, codes } = await openStaffRound(t, coordination, { offices: ['witten'], codesPerOffice: 6 });
    expect((await answerWithCode(t, codes.witten[2], { ratings: { 'aufgaben-klar': 3 } })).status).toBe(201);
    const answers = t.app.get(SurveyAnswerRepository);
    const pass = (k: number) => ({ kind: 'code' as const, hash: hashCode(normaliseCode(codes.witten[k])!) });
    const values = { ratings: { 'aufgaben-klar': 5 }, importance: {}, comments: {} };
    const outcome = await answers.submitMany(round.id, 'witten', [0, 1, 2, 3].map((k) => ({ day: day(), values, pass: pass(k) })));
    expect(outcome).toBe('used');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM survey_answer WHERE round_id = $1', [round.id])).toEqual([{ n: 1 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM survey_code WHERE round_id = $1 AND used', [round.id])).toEqual([{ n: 1 }]);
  });
});

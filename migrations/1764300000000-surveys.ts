import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys (Anlage 3, sections 1.1 and 3) and the self-assessment: rounds, the offices they cover,
 * one-time codes for staff, single-use ballots for the public link of customers, and the answers.
 *
 * Anonymity is a property of the schema, not a promise of the code:
 * - survey_answer carries round, office and the day only: no time, no token, no code, no IP, and its
 *   id is random (gen_random_uuid), so neither a column nor the id orders or links it;
 * - survey_code knows only its hash and whether it was used: no time of use, no reference to an answer;
 * - the service rewrites the answers of a day and the codes of an office in random order with every
 *   new answer (see survey-answer.repository.ts), so neither the physical order of rows nor the
 *   transaction id of a row (xmin) tells which answer came with which code.
 * The public link key of an office is stored as it is: it is printed on posters and QR codes and
 * only allows answering. Codes are stored as SHA-256 hashes (they carry at least 65 random bits).
 */
export class Surveys1764300000000 implements MigrationInterface {
  name = 'Surveys1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_round (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        questionnaire_id text NOT NULL,
        questionnaire_version text NOT NULL,
        audience text NOT NULL,
        title text NOT NULL,
        questionnaire jsonb NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        minimum_group_size integer NOT NULL DEFAULT 5,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        closed_at timestamptz NULL,
        closed_by uuid NULL,
        CONSTRAINT pk_survey_round PRIMARY KEY (id),
        CONSTRAINT fk_survey_round_created_by FOREIGN KEY (created_by) REFERENCES api_token (id),
        CONSTRAINT fk_survey_round_closed_by FOREIGN KEY (closed_by) REFERENCES api_token (id),
        CONSTRAINT ck_survey_round_audience CHECK (audience IN ('staff', 'customers', 'employers')),
        CONSTRAINT ck_survey_round_period CHECK (period_to >= period_from),
        CONSTRAINT ck_survey_round_group_size CHECK (minimum_group_size BETWEEN 3 AND 100),
        CONSTRAINT ck_survey_round_questionnaire CHECK (jsonb_typeof(questionnaire) = 'object')
      )`);
    await q.query('CREATE INDEX ix_survey_round_questionnaire ON survey_round (questionnaire_id, period_from)');

    await q.query(`
      CREATE TABLE survey_round_office (
        round_id uuid NOT NULL,
        office_id text NOT NULL,
        link_key text NULL,
        CONSTRAINT pk_survey_round_office PRIMARY KEY (round_id, office_id),
        CONSTRAINT fk_survey_round_office_round FOREIGN KEY (round_id) REFERENCES survey_round (id),
        CONSTRAINT fk_survey_round_office_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT uq_survey_round_office_link UNIQUE (link_key)
      )`);

    await q.query(`
      CREATE TABLE survey_code (
        code_hash text NOT NULL,
        round_id uuid NOT NULL,
        office_id text NOT NULL,
        used boolean NOT NULL DEFAULT false,
        CONSTRAINT pk_survey_code PRIMARY KEY (code_hash),
        CONSTRAINT fk_survey_code_round_office FOREIGN KEY (round_id, office_id) REFERENCES survey_round_office (round_id, office_id)
      )`);
    await q.query('CREATE INDEX ix_survey_code_round_office ON survey_code (round_id, office_id)');

    // A ballot is handed out when the public form is opened and consumed by its answer: one form, one answer.
    await q.query(`
      CREATE TABLE survey_ballot (
        ballot_hash text NOT NULL,
        round_id uuid NOT NULL,
        office_id text NOT NULL,
        valid_until date NOT NULL,
        CONSTRAINT pk_survey_ballot PRIMARY KEY (ballot_hash),
        CONSTRAINT fk_survey_ballot_round_office FOREIGN KEY (round_id, office_id) REFERENCES survey_round_office (round_id, office_id)
      )`);
    await q.query('CREATE INDEX ix_survey_ballot_round_office ON survey_ballot (round_id, office_id, valid_until)');

    await q.query(`
      CREATE TABLE survey_answer (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        office_id text NOT NULL,
        answered_on date NOT NULL,
        ratings jsonb NOT NULL,
        importance jsonb NOT NULL,
        comments jsonb NOT NULL,
        CONSTRAINT pk_survey_answer PRIMARY KEY (id),
        CONSTRAINT fk_survey_answer_round_office FOREIGN KEY (round_id, office_id) REFERENCES survey_round_office (round_id, office_id),
        CONSTRAINT ck_survey_answer_objects CHECK (jsonb_typeof(ratings) = 'object' AND jsonb_typeof(importance) = 'object' AND jsonb_typeof(comments) = 'object')
      )`);
    await q.query('CREATE INDEX ix_survey_answer_round_office_day ON survey_answer (round_id, office_id, answered_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE survey_answer');
    await q.query('DROP TABLE survey_ballot');
    await q.query('DROP TABLE survey_code');
    await q.query('DROP TABLE survey_round_office');
    await q.query('DROP TABLE survey_round');
  }
}

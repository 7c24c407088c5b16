import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrective actions from survey results (issue 16, "from gaps to actions"): the same table, status
 * cycle and history as the actions an audit opens, with a source. An audit's action names a rule and
 * the run that opened it; a survey's action names the round, field and (optionally) item it came
 * from, and keeps the figures of the gap at creation (`survey_source`, a snapshot that never changes).
 *
 * The database guards what the service checks first:
 * - what an action is about is complete for its source (ck_corrective_action_source_*);
 * - one live (open, planned or done) survey action per round, field, item and office
 *   (uq_corrective_action_survey_live; the district is one "office" of its own);
 * - done survey actions need no verification period: the next round of the questionnaire decides;
 * - the service acts on the evidence of a survey round as it does on an audit run's
 *   (corrective_action_event.survey_round_id);
 * - what an action is about, including its source and survey, never changes (the guard trigger).
 */
export class SurveyActions1764440000000 implements MigrationInterface {
  name = 'SurveyActions1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action
      ADD COLUMN source text NOT NULL DEFAULT 'audit',
      ADD COLUMN survey_round_id uuid NULL,
      ADD COLUMN survey_field_id text NULL,
      ADD COLUMN survey_item_id text NULL,
      ADD COLUMN survey_source jsonb NULL,
      ADD COLUMN survey_follow_up jsonb NULL`);
    await q.query(`ALTER TABLE corrective_action
      ALTER COLUMN rule_id DROP NOT NULL,
      ALTER COLUMN obligation DROP NOT NULL,
      ALTER COLUMN period_kind DROP NOT NULL,
      ALTER COLUMN catalog_version DROP NOT NULL,
      ALTER COLUMN opened_by_run DROP NOT NULL`);
    await q.query(`ALTER TABLE corrective_action
      ADD CONSTRAINT ck_corrective_action_source CHECK (source IN ('audit', 'survey')),
      ADD CONSTRAINT fk_corrective_action_survey_round FOREIGN KEY (survey_round_id) REFERENCES survey_round (id),
      ADD CONSTRAINT ck_corrective_action_source_audit CHECK (source <> 'audit' OR (
        rule_id IS NOT NULL AND obligation IS NOT NULL AND period_kind IS NOT NULL AND catalog_version IS NOT NULL AND opened_by_run IS NOT NULL
        AND survey_round_id IS NULL AND survey_field_id IS NULL AND survey_item_id IS NULL AND survey_source IS NULL)),
      ADD CONSTRAINT ck_corrective_action_source_survey CHECK (source <> 'survey' OR (
        rule_id IS NULL AND obligation IS NULL AND period_kind IS NULL AND opened_by_run IS NULL
        AND survey_round_id IS NOT NULL AND survey_field_id IS NOT NULL AND survey_source IS NOT NULL))`);
    await q.query('ALTER TABLE corrective_action DROP CONSTRAINT ck_corrective_action_done');
    await q.query(`ALTER TABLE corrective_action ADD CONSTRAINT ck_corrective_action_done CHECK (
      status NOT IN ('done', 'verified') OR (done_on IS NOT NULL AND (source = 'survey' OR verify_period IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX uq_corrective_action_survey_live ON corrective_action
      (survey_round_id, survey_field_id, (COALESCE(survey_item_id, '')), (COALESCE(office_id, '')))
      WHERE source = 'survey' AND status IN ('open', 'planned', 'done')`);
    await q.query('CREATE INDEX ix_corrective_action_survey_round ON corrective_action (survey_round_id) WHERE survey_round_id IS NOT NULL');

    await q.query(`ALTER TABLE corrective_action_event
      ADD COLUMN survey_round_id uuid NULL,
      ADD CONSTRAINT fk_corrective_action_event_survey_round FOREIGN KEY (survey_round_id) REFERENCES survey_round (id)`);
    await q.query('ALTER TABLE corrective_action_event DROP CONSTRAINT ck_corrective_action_event_actor');
    // A person acts with a token and a side; the service acts on the evidence of an audit run or of a survey round.
    await q.query(`ALTER TABLE corrective_action_event ADD CONSTRAINT ck_corrective_action_event_actor CHECK (
      (token_id IS NOT NULL AND side IS NOT NULL AND run_id IS NULL AND survey_round_id IS NULL)
      OR (token_id IS NULL AND side IS NULL AND run_id IS NOT NULL AND survey_round_id IS NULL)
      OR (token_id IS NULL AND side IS NULL AND run_id IS NULL AND survey_round_id IS NOT NULL))`);

    await q.query(`
      CREATE OR REPLACE FUNCTION corrective_action_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'corrective actions are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF (NEW.office_id, NEW.rule_id, NEW.obligation, NEW.responsible_side, NEW.opened_by_run, NEW.opened_at, NEW.catalog_version,
            NEW.source, NEW.survey_round_id, NEW.survey_field_id, NEW.survey_item_id, NEW.survey_source)
           IS DISTINCT FROM
           (OLD.office_id, OLD.rule_id, OLD.obligation, OLD.responsible_side, OLD.opened_by_run, OLD.opened_at, OLD.catalog_version,
            OLD.source, OLD.survey_round_id, OLD.survey_field_id, OLD.survey_item_id, OLD.survey_source) THEN
          RAISE EXCEPTION 'corrective action % cannot change what it is about', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION corrective_action_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'corrective actions are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF (NEW.office_id, NEW.rule_id, NEW.obligation, NEW.responsible_side, NEW.opened_by_run, NEW.opened_at, NEW.catalog_version)
           IS DISTINCT FROM
           (OLD.office_id, OLD.rule_id, OLD.obligation, OLD.responsible_side, OLD.opened_by_run, OLD.opened_at, OLD.catalog_version) THEN
          RAISE EXCEPTION 'corrective action % cannot change what it is about', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query('ALTER TABLE corrective_action_event DROP CONSTRAINT ck_corrective_action_event_actor');
    await q.query('ALTER TABLE corrective_action_event DROP COLUMN survey_round_id');
    await q.query(`ALTER TABLE corrective_action_event ADD CONSTRAINT ck_corrective_action_event_actor CHECK (
      (token_id IS NOT NULL AND side IS NOT NULL AND run_id IS NULL) OR (token_id IS NULL AND side IS NULL AND run_id IS NOT NULL))`);
    // Survey actions cannot be expressed without these columns; down is for an empty feature only.
    await q.query('ALTER TABLE corrective_action DROP CONSTRAINT ck_corrective_action_done');
    await q.query(`ALTER TABLE corrective_action ADD CONSTRAINT ck_corrective_action_done CHECK (status NOT IN ('done', 'verified') OR (done_on IS NOT NULL AND verify_period IS NOT NULL))`);
    await q.query('DROP INDEX ix_corrective_action_survey_round');
    await q.query('DROP INDEX uq_corrective_action_survey_live');
    await q.query(`ALTER TABLE corrective_action DROP CONSTRAINT ck_corrective_action_source_survey, DROP CONSTRAINT ck_corrective_action_source_audit,
      DROP CONSTRAINT fk_corrective_action_survey_round, DROP CONSTRAINT ck_corrective_action_source`);
    await q.query(`ALTER TABLE corrective_action
      ALTER COLUMN rule_id SET NOT NULL, ALTER COLUMN obligation SET NOT NULL, ALTER COLUMN period_kind SET NOT NULL,
      ALTER COLUMN catalog_version SET NOT NULL, ALTER COLUMN opened_by_run SET NOT NULL`);
    await q.query(`ALTER TABLE corrective_action DROP COLUMN survey_follow_up, DROP COLUMN survey_source, DROP COLUMN survey_item_id,
      DROP COLUMN survey_field_id, DROP COLUMN survey_round_id, DROP COLUMN source`);
  }
}

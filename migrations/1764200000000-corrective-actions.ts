import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrective actions (Maßnahmen): the improvement cycle after an audit finds a gap. One action per
 * office (or, for a district rule, the district: office_id NULL) and rule is live at a time
 * (open, planned or done); the findings that caused it, and the finding that later proved it closed,
 * are linked to it; every step is an append-only event. Nothing is deleted.
 *
 * The database guards what the service checks first:
 * - one live action per office and rule (uq_corrective_action_live, also across instances);
 * - an action never changes whom or what it is about, and is never deleted (trg_corrective_action_guard);
 * - links and history are append-only (trg_corrective_action_*_append_only);
 * - each succeeded audit run is turned into actions at most once (pk_action_run_processed: the
 *   marker is written in the same transaction as the actions it caused).
 *
 * Links to findings name the run and the finding's sequence number and repeat its period and
 * status; the foreign key goes to the run only, so that the storage of findings can change.
 */
export class CorrectiveActions1764200000000 implements MigrationInterface {
  name = 'CorrectiveActions1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE corrective_action (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NULL,
        rule_id text NOT NULL,
        obligation text NOT NULL,
        period_kind text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        responsible_side text NOT NULL,
        measure text NULL,
        due_date date NOT NULL,
        done_on date NULL,
        verify_period text NULL,
        dismiss_reason text NULL,
        catalog_version text NOT NULL,
        opened_by_run uuid NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        closed_at timestamptz NULL,
        CONSTRAINT pk_corrective_action PRIMARY KEY (id),
        CONSTRAINT fk_corrective_action_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_corrective_action_run FOREIGN KEY (opened_by_run) REFERENCES audit_run (id),
        CONSTRAINT ck_corrective_action_status CHECK (status IN ('open', 'planned', 'done', 'verified', 'dismissed')),
        CONSTRAINT ck_corrective_action_obligation CHECK (obligation IN ('must', 'should', 'aim', 'observe')),
        CONSTRAINT ck_corrective_action_period_kind CHECK (period_kind IN ('week', 'month')),
        CONSTRAINT ck_corrective_action_side CHECK (
          (office_id IS NOT NULL AND responsible_side = 'regional') OR (office_id IS NULL AND responsible_side = 'coordination')),
        CONSTRAINT ck_corrective_action_measure CHECK (status NOT IN ('planned', 'done', 'verified') OR btrim(measure) <> ''),
        CONSTRAINT ck_corrective_action_done CHECK (status NOT IN ('done', 'verified') OR (done_on IS NOT NULL AND verify_period IS NOT NULL)),
        CONSTRAINT ck_corrective_action_dismissed CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL) AND (dismiss_reason IS NULL OR btrim(dismiss_reason) <> '')),
        CONSTRAINT ck_corrective_action_closed CHECK ((status IN ('verified', 'dismissed')) = (closed_at IS NOT NULL))
      )`);
    // The district (office_id NULL) is one "office" of its own for uniqueness.
    await q.query(`CREATE UNIQUE INDEX uq_corrective_action_live ON corrective_action ((COALESCE(office_id, '')), rule_id) WHERE status IN ('open', 'planned', 'done')`);
    await q.query('CREATE INDEX ix_corrective_action_office_status ON corrective_action (office_id, status)');
    await q.query('CREATE INDEX ix_corrective_action_due ON corrective_action (due_date) WHERE status IN (\'open\', \'planned\')');

    await q.query(`
      CREATE TABLE corrective_action_finding (
        action_id uuid NOT NULL,
        run_id uuid NOT NULL,
        seq integer NOT NULL,
        period text NOT NULL,
        period_kind text NOT NULL,
        status text NOT NULL,
        role text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_corrective_action_finding PRIMARY KEY (action_id, run_id, seq),
        CONSTRAINT fk_corrective_action_finding_action FOREIGN KEY (action_id) REFERENCES corrective_action (id),
        CONSTRAINT fk_corrective_action_finding_run FOREIGN KEY (run_id) REFERENCES audit_run (id),
        CONSTRAINT ck_corrective_action_finding_role CHECK (role IN ('cause', 'evidence'))
      )`);

    await q.query(`
      CREATE TABLE corrective_action_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        action_id uuid NOT NULL,
        kind text NOT NULL,
        from_status text NULL,
        to_status text NOT NULL,
        side text NULL,
        token_id uuid NULL,
        run_id uuid NULL,
        note text NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_corrective_action_event PRIMARY KEY (id),
        CONSTRAINT fk_corrective_action_event_action FOREIGN KEY (action_id) REFERENCES corrective_action (id),
        CONSTRAINT fk_corrective_action_event_token FOREIGN KEY (token_id) REFERENCES api_token (id),
        CONSTRAINT fk_corrective_action_event_run FOREIGN KEY (run_id) REFERENCES audit_run (id),
        CONSTRAINT ck_corrective_action_event_kind CHECK (kind IN (
          'opened', 'findings_added', 'planned', 'done', 'commented', 'dismissed', 'reopened', 'verified', 'verification_postponed')),
        CONSTRAINT ck_corrective_action_event_side CHECK (side IS NULL OR side IN ('coordination', 'regional')),
        -- A person acts with a token and a side; the service acts on the evidence of an audit run.
        CONSTRAINT ck_corrective_action_event_actor CHECK (
          (token_id IS NOT NULL AND side IS NOT NULL AND run_id IS NULL) OR (token_id IS NULL AND side IS NULL AND run_id IS NOT NULL)),
        CONSTRAINT ck_corrective_action_event_note CHECK (kind NOT IN ('commented', 'dismissed') OR btrim(note) <> '')
      )`);
    await q.query('CREATE INDEX ix_corrective_action_event_action ON corrective_action_event (action_id, id)');

    await q.query(`
      CREATE TABLE action_run_processed (
        run_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        outcome text NOT NULL,
        opened integer NOT NULL DEFAULT 0,
        linked integer NOT NULL DEFAULT 0,
        verified integer NOT NULL DEFAULT 0,
        reopened integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_action_run_processed PRIMARY KEY (run_id),
        CONSTRAINT fk_action_run_processed_run FOREIGN KEY (run_id) REFERENCES audit_run (id),
        CONSTRAINT ck_action_run_processed_outcome CHECK (outcome IN ('processed', 'predates_actions'))
      )`);
    // Runs made before this feature existed open no actions for the past: the cycle starts with the next run.
    await q.query(`INSERT INTO action_run_processed (run_id, outcome) SELECT id, 'predates_actions' FROM audit_run WHERE status = 'succeeded'`);

    await q.query(`
      CREATE FUNCTION corrective_action_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query('CREATE TRIGGER trg_corrective_action_guard BEFORE UPDATE OR DELETE ON corrective_action FOR EACH ROW EXECUTE FUNCTION corrective_action_guard()');

    await q.query(`
      CREATE FUNCTION corrective_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the history of a corrective action is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(
      'CREATE TRIGGER trg_corrective_action_event_append_only BEFORE UPDATE OR DELETE ON corrective_action_event FOR EACH ROW EXECUTE FUNCTION corrective_action_append_only()',
    );
    await q.query(
      'CREATE TRIGGER trg_corrective_action_finding_append_only BEFORE UPDATE OR DELETE ON corrective_action_finding FOR EACH ROW EXECUTE FUNCTION corrective_action_append_only()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE action_run_processed');
    await q.query('DROP TABLE corrective_action_event');
    await q.query('DROP TABLE corrective_action_finding');
    await q.query('DROP TABLE corrective_action');
    await q.query('DROP FUNCTION corrective_action_append_only()');
    await q.query('DROP FUNCTION corrective_action_guard()');
  }
}

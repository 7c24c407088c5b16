import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deviations agreed under section 6 of Anlage 3: "abweichende Regelungen können nicht einseitig
 * getroffen werden". One row per proposal with its current state, and an append-only event table
 * with every step (who, which side, when, what, why). Nothing is ever deleted.
 *
 * The database itself guards the rules the service checks first (so that no code path can bypass them):
 * - an agreed deviation was consented to by the side that did not propose it (ck_deviation_decision);
 * - a decided deviation is final, its substance never changes, no row is deleted (trg_deviation_guard);
 * - two proposed or agreed deviations of one office and rule never overlap in time. An exclusion
 *   constraint would need btree_gist, which the embedded database lacks, so a trigger checks it after
 *   locking the office row; concurrent proposals for one office therefore run one after the other.
 */
export class Deviations1764000300000 implements MigrationInterface {
  name = 'Deviations1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deviation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        rule_id text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        kind text NOT NULL,
        params jsonb NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'proposed',
        proposed_by uuid NOT NULL,
        proposed_side text NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        decided_by uuid NULL,
        decided_side text NULL,
        decided_at timestamptz NULL,
        CONSTRAINT pk_deviation PRIMARY KEY (id),
        CONSTRAINT fk_deviation_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_deviation_proposed_by FOREIGN KEY (proposed_by) REFERENCES api_token (id),
        CONSTRAINT fk_deviation_decided_by FOREIGN KEY (decided_by) REFERENCES api_token (id),
        CONSTRAINT ck_deviation_period CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CONSTRAINT ck_deviation_kind CHECK (
          (kind = 'waiver' AND params IS NULL)
          OR (kind = 'parameters' AND jsonb_typeof(params) = 'object' AND params <> '{}'::jsonb)),
        CONSTRAINT ck_deviation_reason CHECK (btrim(reason) <> ''),
        CONSTRAINT ck_deviation_status CHECK (status IN ('proposed', 'agreed', 'rejected', 'withdrawn')),
        CONSTRAINT ck_deviation_proposed_side CHECK (proposed_side IN ('coordination', 'regional')),
        CONSTRAINT ck_deviation_decision CHECK (
          (status = 'proposed' AND decided_by IS NULL AND decided_side IS NULL AND decided_at IS NULL)
          OR (status IN ('agreed', 'rejected') AND decided_by IS NOT NULL AND decided_at IS NOT NULL
              AND decided_side IN ('coordination', 'regional') AND decided_side <> proposed_side)
          OR (status = 'withdrawn' AND decided_by IS NOT NULL AND decided_at IS NOT NULL AND decided_side = proposed_side))
      )`);
    await q.query('CREATE INDEX ix_deviation_office_rule_from ON deviation (office_id, rule_id, valid_from)');
    await q.query("CREATE INDEX ix_deviation_pending ON deviation (office_id) WHERE status = 'proposed'");

    await q.query(`
      CREATE TABLE deviation_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        deviation_id uuid NOT NULL,
        action text NOT NULL,
        side text NOT NULL,
        token_id uuid NOT NULL,
        reason text NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_deviation_event PRIMARY KEY (id),
        CONSTRAINT fk_deviation_event_deviation FOREIGN KEY (deviation_id) REFERENCES deviation (id),
        CONSTRAINT fk_deviation_event_token FOREIGN KEY (token_id) REFERENCES api_token (id),
        CONSTRAINT ck_deviation_event_action CHECK (action IN ('proposed', 'consented', 'rejected', 'withdrawn')),
        CONSTRAINT ck_deviation_event_side CHECK (side IN ('coordination', 'regional')),
        CONSTRAINT ck_deviation_event_reason CHECK (action NOT IN ('proposed', 'rejected') OR btrim(reason) <> '')
      )`);
    await q.query('CREATE INDEX ix_deviation_event_deviation ON deviation_event (deviation_id, id)');

    await q.query(`
      CREATE FUNCTION deviation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'deviations are never deleted (section 6 history)' USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'UPDATE' THEN
          IF OLD.status <> 'proposed' THEN
            RAISE EXCEPTION 'deviation % is already %', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
          END IF;
          IF (NEW.office_id, NEW.rule_id, NEW.valid_from, NEW.valid_until, NEW.kind, NEW.params, NEW.reason,
              NEW.proposed_by, NEW.proposed_side, NEW.proposed_at)
             IS DISTINCT FROM
             (OLD.office_id, OLD.rule_id, OLD.valid_from, OLD.valid_until, OLD.kind, OLD.params, OLD.reason,
              OLD.proposed_by, OLD.proposed_side, OLD.proposed_at) THEN
            RAISE EXCEPTION 'the substance of deviation % cannot change', OLD.id USING ERRCODE = 'restrict_violation';
          END IF;
        END IF;
        IF NEW.status IN ('proposed', 'agreed') THEN
          -- Serialises writers per office; each plpgsql statement then sees rows committed meanwhile.
          PERFORM 1 FROM office WHERE id = NEW.office_id FOR NO KEY UPDATE;
          IF EXISTS (
            SELECT 1 FROM deviation d
             WHERE d.office_id = NEW.office_id AND d.rule_id = NEW.rule_id AND d.id <> NEW.id
               AND d.status IN ('proposed', 'agreed')
               AND d.valid_from <= COALESCE(NEW.valid_until, 'infinity'::date)
               AND COALESCE(d.valid_until, 'infinity'::date) >= NEW.valid_from) THEN
            RAISE EXCEPTION 'deviation overlaps another proposed or agreed deviation of office % and rule %', NEW.office_id, NEW.rule_id
              USING ERRCODE = 'exclusion_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query('CREATE TRIGGER trg_deviation_guard BEFORE INSERT OR UPDATE OR DELETE ON deviation FOR EACH ROW EXECUTE FUNCTION deviation_guard()');

    await q.query(`
      CREATE FUNCTION deviation_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the history of a deviation is append-only (section 6)' USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(
      'CREATE TRIGGER trg_deviation_event_append_only BEFORE UPDATE OR DELETE ON deviation_event FOR EACH ROW EXECUTE FUNCTION deviation_event_append_only()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deviation_event');
    await q.query('DROP TABLE deviation');
    await q.query('DROP FUNCTION deviation_event_append_only()');
    await q.query('DROP FUNCTION deviation_guard()');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The evidence kinds this migration adds to evidence_import.kind. */
const KINDS = ['team-membership', 'practice-meetings', 'employer-assignments'];

/**
 * Registers for sections 4.1 and 4.2 (issue 15): team membership in the multiplier teams and the
 * assignment of employers to contact persons, kept by each office; practice meetings, kept by the
 * coordination office for the whole district (so their imports name no office). Staff and
 * employers appear only as pseudonyms (delegate_ref, contact_ref, employer_ref). Each table has a
 * natural key so that importing the same register twice stores it once.
 */
export class CooperationRegisters1764420000000 implements MigrationInterface {
  name = 'CooperationRegisters1764420000000';

  async up(q: QueryRunner): Promise<void> {
    // Other migrations add evidence kinds too; whatever the constraint allows now is kept, and ours
    // are added, so the order in which such migrations run does not matter.
    const allowed = await currentKinds(q);
    await q.query('ALTER TABLE evidence_import DROP CONSTRAINT IF EXISTS ck_evidence_import_kind');
    await q.query(`ALTER TABLE evidence_import ADD CONSTRAINT ck_evidence_import_kind CHECK (kind IN (${[...new Set([...allowed, ...KINDS])].map(literal).join(', ')}))`);
    // A district register's import names no office; every other import names its office.
    await q.query('ALTER TABLE evidence_import ALTER COLUMN office_id DROP NOT NULL');
    await q.query(`ALTER TABLE evidence_import ADD CONSTRAINT ck_evidence_import_district CHECK ((office_id IS NULL) = (kind = 'practice-meetings'))`);

    await q.query(`
      CREATE TABLE team_membership (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        team text NOT NULL,
        delegate_ref text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_team_membership PRIMARY KEY (id),
        CONSTRAINT fk_team_membership_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_team_membership_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_team_membership_team CHECK (team IN ('placement', 'specialist_advice')),
        CONSTRAINT ck_team_membership_order CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CONSTRAINT uq_team_membership_natural UNIQUE (office_id, team, delegate_ref, valid_from)
      )`);

    await q.query(`
      CREATE TABLE practice_meeting (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_date date NOT NULL,
        audience text NOT NULL,
        invited text[] NOT NULL,
        attended text[] NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_practice_meeting PRIMARY KEY (id),
        CONSTRAINT fk_practice_meeting_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_practice_meeting_audience CHECK (audience IN ('placement', 'specialist_advice')),
        CONSTRAINT ck_practice_meeting_attended CHECK (attended <@ invited),
        CONSTRAINT uq_practice_meeting_natural UNIQUE (meeting_date, audience)
      )`);

    await q.query(`
      CREATE TABLE employer_assignment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        employer_ref text NOT NULL,
        contact_ref text NOT NULL,
        contact_role text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_employer_assignment PRIMARY KEY (id),
        CONSTRAINT fk_employer_assignment_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_employer_assignment_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_employer_assignment_role CHECK (contact_role IN ('placement', 'specialist_advice', 'other')),
        CONSTRAINT ck_employer_assignment_order CHECK (valid_until IS NULL OR valid_until >= valid_from),
        CONSTRAINT uq_employer_assignment_natural UNIQUE (office_id, employer_ref, contact_ref, valid_from)
      )`);
    await q.query('CREATE INDEX ix_employer_assignment_office_from ON employer_assignment (office_id, valid_from)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employer_assignment');
    await q.query('DROP TABLE practice_meeting');
    await q.query('DROP TABLE team_membership');
    await q.query(`DELETE FROM evidence_import WHERE kind IN (${KINDS.map(literal).join(', ')})`);
    await q.query('ALTER TABLE evidence_import DROP CONSTRAINT ck_evidence_import_district');
    await q.query('ALTER TABLE evidence_import ALTER COLUMN office_id SET NOT NULL');
    const kept = (await currentKinds(q)).filter((k) => !KINDS.includes(k));
    await q.query('ALTER TABLE evidence_import DROP CONSTRAINT ck_evidence_import_kind');
    await q.query(`ALTER TABLE evidence_import ADD CONSTRAINT ck_evidence_import_kind CHECK (kind IN (${kept.map(literal).join(', ')}))`);
  }
}

/** The kinds ck_evidence_import_kind allows, read from its definition ('closures'::text, …). */
async function currentKinds(q: QueryRunner): Promise<string[]> {
  const rows: Array<{ def: string }> = await q.query(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relname = 'evidence_import' AND c.conname = 'ck_evidence_import_kind'`,
  );
  const def = rows[0]?.def ?? '';
  return [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three office registers (issue 15): appointment slots outside the opening hours and contacts by
 * appointment (Anlage 3, section 2), caseload handovers (section 1.2, "personelle Kontinuität").
 * Counts and times only, no person. Each has a natural key so that importing twice stores once.
 * evidence_import.kind learns the three new kinds.
 */
export class OfficeRegisters1764410000000 implements MigrationInterface {
  name = 'OfficeRegisters1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evidence_import DROP CONSTRAINT ck_evidence_import_kind');
    await q.query(`
      ALTER TABLE evidence_import ADD CONSTRAINT ck_evidence_import_kind CHECK (kind IN (
        'closures', 'hotline-coverage', 'time-records', 'appointment-slots', 'contact-counts', 'caseload-handovers'))`);

    // An appointment offered or held: minutes after local midnight of its date.
    await q.query(`
      CREATE TABLE appointment_slot (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        date date NOT NULL,
        from_minute integer NOT NULL,
        to_minute integer NOT NULL,
        area text NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_appointment_slot PRIMARY KEY (id),
        CONSTRAINT fk_appointment_slot_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_appointment_slot_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_appointment_slot_times CHECK (from_minute >= 0 AND to_minute <= 1440 AND to_minute > from_minute),
        CONSTRAINT ck_appointment_slot_area CHECK (area IN ('benefits', 'placement', 'specialist_advice')),
        CONSTRAINT uq_appointment_slot_natural UNIQUE (office_id, date, from_minute, to_minute, area)
      )`);

    // Contacts of one month and area, by appointment and without; month as 'YYYY-MM'.
    await q.query(`
      CREATE TABLE contact_count (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        month text NOT NULL,
        area text NOT NULL,
        by_appointment integer NOT NULL,
        walk_in integer NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_contact_count PRIMARY KEY (id),
        CONSTRAINT fk_contact_count_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_contact_count_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_contact_count_month CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT ck_contact_count_area CHECK (area IN ('benefits', 'placement', 'specialist_advice')),
        CONSTRAINT ck_contact_count_counts CHECK (by_appointment >= 0 AND walk_in >= 0),
        CONSTRAINT uq_contact_count_natural UNIQUE (office_id, month, area)
      )`);

    // One month's caseload and the number of changes of the responsible person: counts only.
    await q.query(`
      CREATE TABLE caseload_handover (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        office_id text NOT NULL,
        month text NOT NULL,
        caseload_size integer NOT NULL,
        changes integer NOT NULL,
        import_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_caseload_handover PRIMARY KEY (id),
        CONSTRAINT fk_caseload_handover_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_caseload_handover_import FOREIGN KEY (import_id) REFERENCES evidence_import (id),
        CONSTRAINT ck_caseload_handover_month CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT ck_caseload_handover_counts CHECK (caseload_size > 0 AND changes >= 0),
        CONSTRAINT uq_caseload_handover_natural UNIQUE (office_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE caseload_handover');
    await q.query('DROP TABLE contact_count');
    await q.query('DROP TABLE appointment_slot');
    await q.query(`DELETE FROM evidence_import WHERE kind IN ('appointment-slots', 'contact-counts', 'caseload-handovers')`);
    await q.query('ALTER TABLE evidence_import DROP CONSTRAINT ck_evidence_import_kind');
    await q.query(`ALTER TABLE evidence_import ADD CONSTRAINT ck_evidence_import_kind CHECK (kind IN ('closures', 'hotline-coverage', 'time-records'))`);
  }
}

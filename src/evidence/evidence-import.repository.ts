import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClosureRecord } from './closure.kind';
import type { EvidenceKindName } from './evidence-kind';
import type { HotlineCoverageRecord } from './hotline-coverage.kind';
import type { ImportFormat } from './import-rows.reader';
import type { TimeRecord } from './time-record.kind';
import type { TeamMembershipRecord } from './team-membership.kind';
import type { PracticeMeetingRecord } from './practice-meeting.kind';
import type { EmployerAssignmentRecord } from './employer-assignment.kind';
import type { AppointmentSlotRecord, CaseloadHandoverRecord, ContactCountRecord } from './office-register.kinds';
import { sortSteps } from '../common/sort-steps';
import { runInSlices } from '../common/time-slices';
import { DATABASE_TARGET } from '../database/database.module';
import type { DatabaseTarget } from '../database/database-target';
import { withTransactionRetry } from '../database/transaction-retry';

export interface ImportMeta {
  /** Null for a register of the whole district (practice meetings). */
  officeId: string | null;
  kind: EvidenceKindName;
  format: ImportFormat;
  /** Rows in the file, repeated ones included. */
  rowCount: number;
  submittedBy: string | null;
}

export interface StoredImport {
  importId: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

interface UpsertCounts {
  inserted: number;
  updated: number;
}

/**
 * Rows per statement: keeps each statement's arrays and its work in one round trip moderate. The
 * embedded database runs each statement on the service's own thread, so there a smaller batch
 * keeps every stretch it blocks other requests short.
 */
const BATCH = { server: 1000, embedded: 200 };

/**
 * Rows are written in the order of their table's natural key, never in file order. Two imports
 * overlapping in some rows then take the unique-index locks of those rows in the same order, so one
 * waits for the other instead of both waiting for each other (a deadlock: issue 10). Any total
 * order shared by all writers will do. The sort runs in time slices: 50 000 rows take a few hundred
 * milliseconds on a busy machine.
 */
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byClosureKey = (a: ClosureRecord, b: ClosureRecord) => text(a.date, b.date) || (a.from ?? -1) - (b.from ?? -1) || (a.to ?? -1) - (b.to ?? -1);
const byHotlineKey = (a: HotlineCoverageRecord, b: HotlineCoverageRecord) =>
  a.start.toMillis() - b.start.toMillis() || a.end.toMillis() - b.end.toMillis() || text(a.coveredBy, b.coveredBy);
const byTimeRecordKey = (a: TimeRecord, b: TimeRecord) => text(a.staffRef, b.staffRef) || text(a.date, b.date) || text(a.role, b.role) || text(a.activity, b.activity);

const byTeamMembershipKey = (a: TeamMembershipRecord, b: TeamMembershipRecord) => text(a.team, b.team) || text(a.delegateRef, b.delegateRef) || text(a.from, b.from);
const byPracticeMeetingKey = (a: PracticeMeetingRecord, b: PracticeMeetingRecord) => text(a.date, b.date) || text(a.audience, b.audience);
const byEmployerAssignmentKey = (a: EmployerAssignmentRecord, b: EmployerAssignmentRecord) =>
  text(a.employerRef, b.employerRef) || text(a.contactRef, b.contactRef) || text(a.from, b.from);
const byAppointmentSlotKey = (a: AppointmentSlotRecord, b: AppointmentSlotRecord) => text(a.date, b.date) || a.from - b.from || a.to - b.to || text(a.area, b.area);
const byContactCountKey = (a: ContactCountRecord, b: ContactCountRecord) => text(a.month, b.month) || text(a.area, b.area);
const byCaseloadHandoverKey = (a: CaseloadHandoverRecord, b: CaseloadHandoverRecord) => text(a.month, b.month);

/** An instant as PostgreSQL reads it; Date's formatter costs a fraction of luxon's toISO for 100 000 values. */
const isoInstant = (t: { toMillis(): number }) => new Date(t.toMillis()).toISOString();

/**
 * Writes an import: the evidence_import row and all records in ONE transaction, in batched
 * INSERT … SELECT FROM unnest(…) ON CONFLICT statements on the natural keys of the migration.
 *
 * Counting: `RETURNING (xmax = 0) AS inserted` tells a fresh row (xmax 0) from one updated by
 * ON CONFLICT DO UPDATE (xmax = the updating transaction). A conflicting row whose value is the same
 * is neither updated (the WHERE of DO UPDATE fails) nor returned: it counts as unchanged, as does
 * every row that repeats an earlier row of the same file.
 *
 * A transaction the database aborts for a deadlock or a serialisation failure is run again (bounded,
 * with jitter; see transaction-retry.ts); when the attempts run out the client gets a 409 and
 * nothing is written.
 *
 * Only the transaction's EntityManager is used inside: the embedded database has a pool of one
 * connection, so any other query while the transaction is open would wait forever.
 */
@Injectable()
export class EvidenceImportRepository {
  private readonly batch: number;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DATABASE_TARGET) target: Pick<DatabaseTarget, 'embedded'>,
  ) {
    this.batch = target.embedded ? BATCH.embedded : BATCH.server;
  }

  storeClosures(meta: ImportMeta, records: ClosureRecord[], dryRun = false): Promise<StoredImport> {
    return this.store(meta, dryRun, records, byClosureKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO closure (office_id, date, from_minute, to_minute, reason, import_id)
         SELECT $1, u.date, u.from_minute, u.to_minute, u.reason, $2
           FROM unnest($3::date[], $4::int[], $5::int[], $6::text[]) AS u(date, from_minute, to_minute, reason)
         ON CONFLICT (office_id, date, COALESCE(from_minute, -1), COALESCE(to_minute, -1))
         DO UPDATE SET reason = EXCLUDED.reason, import_id = EXCLUDED.import_id
          WHERE closure.reason IS DISTINCT FROM EXCLUDED.reason
         RETURNING (xmax = 0) AS inserted`,
        [meta.officeId, importId, batch.map((r) => r.date), batch.map((r) => r.from), batch.map((r) => r.to), batch.map((r) => r.reason)],
      ),
    );
  }

  storeHotlineCoverage(meta: ImportMeta, records: HotlineCoverageRecord[], dryRun = false): Promise<StoredImport> {
    // Every column is part of the natural key: a known interval has nothing to update.
    return this.store(meta, dryRun, records, byHotlineKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO hotline_coverage (office_id, starts_at, ends_at, covered_by, import_id)
         SELECT $1, u.starts_at, u.ends_at, u.covered_by, $2
           FROM unnest($3::timestamptz[], $4::timestamptz[], $5::text[]) AS u(starts_at, ends_at, covered_by)
         ON CONFLICT ON CONSTRAINT uq_hotline_coverage_natural DO NOTHING
         RETURNING true AS inserted`,
        [meta.officeId, importId, batch.map((r) => isoInstant(r.start)), batch.map((r) => isoInstant(r.end)), batch.map((r) => r.coveredBy)],
      ),
    );
  }

  storeTimeRecords(meta: ImportMeta, records: TimeRecord[], dryRun = false): Promise<StoredImport> {
    // Other minutes for a known person, day, role and activity are a correction.
    return this.store(meta, dryRun, records, byTimeRecordKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO staff_time_record (office_id, staff_ref, role, date, activity, minutes, import_id)
         SELECT $1, u.staff_ref, u.role, u.date, u.activity, u.minutes, $2
           FROM unnest($3::text[], $4::text[], $5::date[], $6::text[], $7::int[]) AS u(staff_ref, role, date, activity, minutes)
         ON CONFLICT ON CONSTRAINT uq_staff_time_record_natural
         DO UPDATE SET minutes = EXCLUDED.minutes, import_id = EXCLUDED.import_id
          WHERE staff_time_record.minutes <> EXCLUDED.minutes
         RETURNING (xmax = 0) AS inserted`,
        [
          meta.officeId,
          importId,
          batch.map((r) => r.staffRef),
          batch.map((r) => r.role),
          batch.map((r) => r.date),
          batch.map((r) => r.activity),
          batch.map((r) => r.minutes),
        ],
      ),
    );
  }

  storeTeamMembership(meta: ImportMeta, records: TeamMembershipRecord[], dryRun = false): Promise<StoredImport> {
    // Another end day for a known membership is a correction (the delegate left or stays longer).
    return this.store(meta, dryRun, records, byTeamMembershipKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO team_membership (office_id, team, delegate_ref, valid_from, valid_until, import_id)
         SELECT $1, u.team, u.delegate_ref, u.valid_from, u.valid_until, $2
           FROM unnest($3::text[], $4::text[], $5::date[], $6::date[]) AS u(team, delegate_ref, valid_from, valid_until)
         ON CONFLICT ON CONSTRAINT uq_team_membership_natural
         DO UPDATE SET valid_until = EXCLUDED.valid_until, import_id = EXCLUDED.import_id
          WHERE team_membership.valid_until IS DISTINCT FROM EXCLUDED.valid_until
         RETURNING (xmax = 0) AS inserted`,
        [meta.officeId, importId, batch.map((r) => r.team), batch.map((r) => r.delegateRef), batch.map((r) => r.from), batch.map((r) => r.until)],
      ),
    );
  }

  storeAppointmentSlots(meta: ImportMeta, records: AppointmentSlotRecord[], dryRun = false): Promise<StoredImport> {
    // Every column is part of the natural key: a known slot has nothing to update.
    return this.store(meta, dryRun, records, byAppointmentSlotKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO appointment_slot (office_id, date, from_minute, to_minute, area, import_id)
         SELECT $1, u.date, u.from_minute, u.to_minute, u.area, $2
           FROM unnest($3::date[], $4::int[], $5::int[], $6::text[]) AS u(date, from_minute, to_minute, area)
         ON CONFLICT ON CONSTRAINT uq_appointment_slot_natural DO NOTHING
         RETURNING true AS inserted`,
        [meta.officeId, importId, batch.map((r) => r.date), batch.map((r) => r.from), batch.map((r) => r.to), batch.map((r) => r.area)],
      ),
    );
  }

  storePracticeMeetings(meta: ImportMeta, records: PracticeMeetingRecord[], dryRun = false): Promise<StoredImport> {
    // The lists travel as JSON (unnest cannot take an array of arrays of different lengths).
    return this.store(meta, dryRun, records, byPracticeMeetingKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO practice_meeting (meeting_date, audience, invited, attended, import_id)
         SELECT u.meeting_date, u.audience,
                ARRAY(SELECT jsonb_array_elements_text(u.invited)), ARRAY(SELECT jsonb_array_elements_text(u.attended)), $1
           FROM unnest($2::date[], $3::text[], $4::jsonb[], $5::jsonb[]) AS u(meeting_date, audience, invited, attended)
         ON CONFLICT ON CONSTRAINT uq_practice_meeting_natural
         DO UPDATE SET invited = EXCLUDED.invited, attended = EXCLUDED.attended, import_id = EXCLUDED.import_id
          WHERE practice_meeting.invited IS DISTINCT FROM EXCLUDED.invited OR practice_meeting.attended IS DISTINCT FROM EXCLUDED.attended
         RETURNING (xmax = 0) AS inserted`,
        [importId, batch.map((r) => r.date), batch.map((r) => r.audience), batch.map((r) => JSON.stringify(r.invited)), batch.map((r) => JSON.stringify(r.attended))],
      ),
    );
  }

  storeContactCounts(meta: ImportMeta, records: ContactCountRecord[], dryRun = false): Promise<StoredImport> {
    // Other counts for a known month and area are a correction.
    return this.store(meta, dryRun, records, byContactCountKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO contact_count (office_id, month, area, by_appointment, walk_in, import_id)
         SELECT $1, u.month, u.area, u.by_appointment, u.walk_in, $2
           FROM unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS u(month, area, by_appointment, walk_in)
         ON CONFLICT ON CONSTRAINT uq_contact_count_natural
         DO UPDATE SET by_appointment = EXCLUDED.by_appointment, walk_in = EXCLUDED.walk_in, import_id = EXCLUDED.import_id
          WHERE (contact_count.by_appointment, contact_count.walk_in) IS DISTINCT FROM (EXCLUDED.by_appointment, EXCLUDED.walk_in)
         RETURNING (xmax = 0) AS inserted`,
        [meta.officeId, importId, batch.map((r) => r.month), batch.map((r) => r.area), batch.map((r) => r.byAppointment), batch.map((r) => r.walkIn)],
      ),
    );
  }

  storeEmployerAssignments(meta: ImportMeta, records: EmployerAssignmentRecord[], dryRun = false): Promise<StoredImport> {
    // Another function or end day for a known assignment is a correction.
    return this.store(meta, dryRun, records, byEmployerAssignmentKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO employer_assignment (office_id, employer_ref, contact_ref, contact_role, valid_from, valid_until, import_id)
         SELECT $1, u.employer_ref, u.contact_ref, u.contact_role, u.valid_from, u.valid_until, $2
           FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::date[]) AS u(employer_ref, contact_ref, contact_role, valid_from, valid_until)
         ON CONFLICT ON CONSTRAINT uq_employer_assignment_natural
         DO UPDATE SET contact_role = EXCLUDED.contact_role, valid_until = EXCLUDED.valid_until, import_id = EXCLUDED.import_id
          WHERE employer_assignment.contact_role IS DISTINCT FROM EXCLUDED.contact_role OR employer_assignment.valid_until IS DISTINCT FROM EXCLUDED.valid_until
         RETURNING (xmax = 0) AS inserted`,
        [
          meta.officeId,
          importId,
          batch.map((r) => r.employerRef),
          batch.map((r) => r.contactRef),
          batch.map((r) => r.contactRole),
          batch.map((r) => r.from),
          batch.map((r) => r.until),
        ],
      ),
    );
  }

  storeCaseloadHandovers(meta: ImportMeta, records: CaseloadHandoverRecord[], dryRun = false): Promise<StoredImport> {
    // Other counts for a known month are a correction.
    return this.store(meta, dryRun, records, byCaseloadHandoverKey, (m, importId, batch) =>
      upsert(
        m,
        `INSERT INTO caseload_handover (office_id, month, caseload_size, changes, import_id)
         SELECT $1, u.month, u.caseload_size, u.changes, $2
           FROM unnest($3::text[], $4::int[], $5::int[]) AS u(month, caseload_size, changes)
         ON CONFLICT ON CONSTRAINT uq_caseload_handover_natural
         DO UPDATE SET caseload_size = EXCLUDED.caseload_size, changes = EXCLUDED.changes, import_id = EXCLUDED.import_id
          WHERE (caseload_handover.caseload_size, caseload_handover.changes) IS DISTINCT FROM (EXCLUDED.caseload_size, EXCLUDED.changes)
         RETURNING (xmax = 0) AS inserted`,
        [meta.officeId, importId, batch.map((r) => r.month), batch.map((r) => r.caseloadSize), batch.map((r) => r.changes)],
      ),
    );
  }

  /**
   * `dryRun` (the preview): the same statements in a transaction that is rolled back, so a preview
   * reports exactly the counts the import would (inserted, updated, unchanged against what is
   * stored) and leaves nothing behind.
   */
  private async store<Rec>(
    meta: ImportMeta,
    dryRun: boolean,
    unordered: Rec[],
    order: (a: Rec, b: Rec) => number,
    write: (m: EntityManager, importId: string, batch: Rec[]) => Promise<UpsertCounts>,
  ): Promise<StoredImport> {
    const records = await runInSlices(sortSteps(unordered, order));
    try {
      return await this.writeAll(meta, dryRun, records, write);
    } catch (err) {
      if (err instanceof RolledBack) return err.result;
      throw err;
    }
  }

  private writeAll<Rec>(
    meta: ImportMeta,
    dryRun: boolean,
    records: Rec[],
    write: (m: EntityManager, importId: string, batch: Rec[]) => Promise<UpsertCounts>,
  ): Promise<StoredImport> {
    return withTransactionRetry(() =>
      this.ds.transaction(async (m) => {
        // The import row comes first (the records reference it); its counts are known only at the end.
        const [{ id: importId }]: Array<{ id: string }> = await m.query(
          `INSERT INTO evidence_import (office_id, kind, format, row_count, inserted, updated, unchanged, submitted_by)
           VALUES ($1, $2, $3, $4, 0, 0, 0, $5) RETURNING id`,
          [meta.officeId, meta.kind, meta.format, meta.rowCount, meta.submittedBy],
        );
        let inserted = 0;
        let updated = 0;
        for (let i = 0; i < records.length; i += this.batch) {
          const counts = await write(m, importId, records.slice(i, i + this.batch));
          inserted += counts.inserted;
          updated += counts.updated;
        }
        const unchanged = meta.rowCount - inserted - updated;
        await m.query('UPDATE evidence_import SET inserted = $2, updated = $3, unchanged = $4 WHERE id = $1', [importId, inserted, updated, unchanged]);
        if (dryRun) throw new RolledBack({ importId, inserted, updated, unchanged });
        return { importId, inserted, updated, unchanged };
      }),
    );
  }
}

/** Thrown out of a preview's transaction so that TypeORM rolls it back; carries the counts. */
class RolledBack extends Error {
  constructor(readonly result: StoredImport) {
    super('preview rolled back');
  }
}

async function upsert(m: EntityManager, sql: string, params: unknown[]): Promise<UpsertCounts> {
  const rows: Array<{ inserted: boolean }> = await m.query(sql, params);
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

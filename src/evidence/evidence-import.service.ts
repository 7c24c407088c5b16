import { Injectable } from '@nestjs/common';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import { mediaTypeOf, unsupportedMediaType } from '../common/media-type';
import { OfficesService } from '../offices/offices.service';
import { CLOSURE_KIND } from './closure.kind';
import type { ImportPreviewDto } from './dto/import-preview.dto';
import type { ImportResultDto } from './dto/import-result.dto';
import type { EvidenceKind, OfficeEvidenceKindName } from './evidence-kind';
import { EMPLOYER_ASSIGNMENT_KIND } from './employer-assignment.kind';
import { practiceMeetingKind } from './practice-meeting.kind';
import { TEAM_MEMBERSHIP_KIND } from './team-membership.kind';
import { EvidenceImportRepository, type ImportMeta, type StoredImport } from './evidence-import.repository';
import { HOTLINE_COVERAGE_KIND } from './hotline-coverage.kind';
import { readCsvRowsInSlices, readJsonRows, type ImportFormat } from './import-rows.reader';
import { validateRowsInSlices } from './row-validation';
import { TIME_RECORD_KIND } from './time-record.kind';
import { APPOINTMENT_SLOT_KIND, CASELOAD_HANDOVER_KIND, CONTACT_COUNT_KIND } from './office-register.kinds';

/** The request as the controller received it: body parsed by configureApp (JSON value or CSV text). */
export interface ImportRequest {
  contentType: string | undefined;
  body: unknown;
}

/** application/json or text/csv, parameters such as charset ignored; anything else is a 415. */
export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = mediaTypeOf(contentType);
  if (type === 'application/json') return 'json';
  if (type === 'text/csv') return 'csv';
  throw unsupportedMediaType(contentType, 'eine JSON-Liste (Content-Type: application/json) oder eine CSV-Datei (Content-Type: text/csv)');
}

/**
 * Imports of evidence, all or nothing: every row is validated before anything is written, and a
 * single bad row rejects the file with every problem listed by line and field.
 */
@Injectable()
export class EvidenceImportService {
  constructor(
    private readonly offices: OfficesService,
    private readonly store: EvidenceImportRepository,
  ) {}

  importClosures(principal: Principal, officeId: string, request: ImportRequest): Promise<ImportResultDto> {
    return this.import(principal, officeId, 'closures', request);
  }

  importHotlineCoverage(principal: Principal, officeId: string, request: ImportRequest): Promise<ImportResultDto> {
    return this.import(principal, officeId, 'hotline-coverage', request);
  }

  importTimeRecords(principal: Principal, officeId: string, request: ImportRequest): Promise<ImportResultDto> {
    return this.import(principal, officeId, 'time-records', request);
  }

  async import(principal: Principal, officeId: string, kindName: OfficeEvidenceKindName, request: ImportRequest): Promise<ImportResultDto> {
    return resultOf(await this.run(principal, officeId, this.kinds[kindName], request, false));
  }

  /** The import without writing: same validation, the counts it would report, the records it would store. */
  async preview(principal: Principal, officeId: string, kindName: OfficeEvidenceKindName, request: ImportRequest): Promise<ImportPreviewDto> {
    return previewOf(await this.run(principal, officeId, this.kinds[kindName], request, true));
  }

  /**
   * Section 4.1: the practice meetings register of the whole district, kept by the coordination
   * office only (a regional token gets 403, nothing is read). Offices are named by id or name.
   */
  async importPracticeMeetings(principal: Principal, request: ImportRequest): Promise<ImportResultDto> {
    return resultOf(await this.runDistrict(principal, request, false));
  }

  async previewPracticeMeetings(principal: Principal, request: ImportRequest): Promise<ImportPreviewDto> {
    return previewOf(await this.runDistrict(principal, request, true));
  }

  private async runDistrict(principal: Principal, request: ImportRequest, dryRun: boolean): Promise<RunResult> {
    assertCoordination(principal);
    const kind = practiceMeetingKind(await this.offices.all());
    return this.runKind(principal, null, writer(kind, (meta, records, d) => this.store.storePracticeMeetings(meta, records, d)), request, dryRun);
  }

  /** One entry per kind: its definition and how its records are written (or, for a preview, rolled back). */
  private readonly kinds: { [K in OfficeEvidenceKindName]: KindWriter } = {
    closures: writer(CLOSURE_KIND, (meta, records, dryRun) => this.store.storeClosures(meta, records, dryRun)),
    'hotline-coverage': writer(HOTLINE_COVERAGE_KIND, (meta, records, dryRun) => this.store.storeHotlineCoverage(meta, records, dryRun)),
    'time-records': writer(TIME_RECORD_KIND, (meta, records, dryRun) => this.store.storeTimeRecords(meta, records, dryRun)),
    'appointment-slots': writer(APPOINTMENT_SLOT_KIND, (meta, records, dryRun) => this.store.storeAppointmentSlots(meta, records, dryRun)),
    'contact-counts': writer(CONTACT_COUNT_KIND, (meta, records, dryRun) => this.store.storeContactCounts(meta, records, dryRun)),
    'caseload-handovers': writer(CASELOAD_HANDOVER_KIND, (meta, records, dryRun) => this.store.storeCaseloadHandovers(meta, records, dryRun)),
    'team-membership': writer(TEAM_MEMBERSHIP_KIND, (meta, records, dryRun) => this.store.storeTeamMembership(meta, records, dryRun)),
    'employer-assignments': writer(EMPLOYER_ASSIGNMENT_KIND, (meta, records, dryRun) => this.store.storeEmployerAssignments(meta, records, dryRun)),
  };

  private async run(principal: Principal, officeId: string, kind: KindWriter, request: ImportRequest, dryRun: boolean): Promise<RunResult> {
    assertOfficeAccess(principal, officeId);
    await this.offices.get(officeId);
    return this.runKind(principal, officeId, kind, request, dryRun);
  }

  private async runKind(principal: Principal, officeId: string | null, { kind, write }: KindWriter, request: ImportRequest, dryRun: boolean): Promise<RunResult> {
    const format = importFormatOf(request.contentType);
    // Read and validated in time slices: other requests are served in between (issue 10).
    const read = format === 'json' ? readJsonRows(request.body) : await readCsvRowsInSlices(request.body, kind);
    const validated = await validateRowsInSlices(kind, read.rows);
    const errors = [...read.errors, ...validated.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (errors.length > 0) throw DomainError.validation(errors, rejectionMessage(format, errors));

    const rows = read.rows.length;
    const stored = await write({ officeId, kind: kind.name, format, rowCount: rows, submittedBy: principal.tokenId }, validated.records, dryRun);
    return { kind, format, rows, stored, records: validated.records };
  }
}

/** The registers of the whole district are the coordination office's alone. */
export function assertCoordination(principal: Principal): void {
  if (principal.role !== 'coordination') throw DomainError.forbidden('Das Register der Praxistreffen führt nur die Koordinierungsstelle.');
}

interface RunResult {
  kind: EvidenceKind<object, unknown>;
  format: ImportFormat;
  rows: number;
  stored: StoredImport;
  records: unknown[];
}

function resultOf({ kind, format, rows, stored }: RunResult): ImportResultDto {
  return { importId: stored.importId, kind: kind.name, format, rows, inserted: stored.inserted, updated: stored.updated, unchanged: stored.unchanged };
}

function previewOf({ kind, format, rows, stored, records }: RunResult): ImportPreviewDto {
  const table = kind.preview(records);
  return {
    kind: kind.name,
    format,
    rows,
    inserted: stored.inserted,
    updated: stored.updated,
    unchanged: stored.unchanged,
    columns: table.columns,
    records: table.rows.slice(0, PREVIEW_ROWS),
    total: table.rows.length,
  };
}

/** The preview lists at most this many records (or monthly sums); the counts cover all. */
const PREVIEW_ROWS = 200;

/** A kind with its writer; the record type is erased here, each pair is consistent by construction. */
interface KindWriter {
  kind: EvidenceKind<object, unknown>;
  write(meta: ImportMeta, records: unknown[], dryRun: boolean): Promise<StoredImport>;
}

function writer<Dto extends object, Rec>(kind: EvidenceKind<Dto, Rec>, write: (meta: ImportMeta, records: Rec[], dryRun: boolean) => Promise<StoredImport>): KindWriter {
  return { kind: kind as unknown as EvidenceKind<object, unknown>, write: write as KindWriter['write'] };
}

function rejectionMessage(format: ImportFormat, errors: ErrorDetail[]): string {
  const lines = new Set(errors.map((e) => e.line)).size;
  const where =
    format === 'csv'
      ? 'line ist die Zeilennummer in der CSV-Datei (Kopfzeile = Zeile 1)'
      : 'line ist die Position des Eintrags in der JSON-Liste (erster Eintrag = 1)';
  const count = errors.length === 1 ? '1 Fehler' : `${errors.length} Fehler`;
  const rowText = lines === 1 ? '1 Zeile' : `${lines} Zeilen`;
  return `Die Daten enthalten ${count} in ${rowText}; es wurde nichts gespeichert. Bitte alle Fehler beheben und die Daten erneut senden (${where}).`;
}

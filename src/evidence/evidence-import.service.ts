import { Injectable } from '@nestjs/common';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError, type ErrorDetail } from '../common/domain-error';
import { OfficesService } from '../offices/offices.service';
import { CLOSURE_KIND } from './closure.kind';
import type { ImportResultDto } from './dto/import-result.dto';
import type { EvidenceKind } from './evidence-kind';
import { EvidenceImportRepository, type ImportMeta, type StoredImport } from './evidence-import.repository';
import { HOTLINE_COVERAGE_KIND } from './hotline-coverage.kind';
import { readCsvRows, readJsonRows, type ImportFormat } from './import-rows.reader';
import { validateRows } from './row-validation';
import { TIME_RECORD_KIND } from './time-record.kind';

/** The request as the controller received it: body parsed by configureApp (JSON value or CSV text). */
export interface ImportRequest {
  contentType: string | undefined;
  body: unknown;
}

/** application/json or text/csv, parameters such as charset ignored; anything else is a 415. */
export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'text/csv') return 'csv';
  throw new DomainError(
    'unsupported_media_type',
    `Dieses Datenformat (${type || 'ohne Content-Type'}) wird nicht angenommen. Bitte eine JSON-Liste (Content-Type: application/json) oder eine CSV-Datei (Content-Type: text/csv) senden.`,
  );
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
    return this.run(principal, officeId, request, CLOSURE_KIND, (meta, records) => this.store.storeClosures(meta, records));
  }

  importHotlineCoverage(principal: Principal, officeId: string, request: ImportRequest): Promise<ImportResultDto> {
    return this.run(principal, officeId, request, HOTLINE_COVERAGE_KIND, (meta, records) => this.store.storeHotlineCoverage(meta, records));
  }

  importTimeRecords(principal: Principal, officeId: string, request: ImportRequest): Promise<ImportResultDto> {
    return this.run(principal, officeId, request, TIME_RECORD_KIND, (meta, records) => this.store.storeTimeRecords(meta, records));
  }

  private async run<Dto extends object, Rec>(
    principal: Principal,
    officeId: string,
    request: ImportRequest,
    kind: EvidenceKind<Dto, Rec>,
    write: (meta: ImportMeta, records: Rec[]) => Promise<StoredImport>,
  ): Promise<ImportResultDto> {
    assertOfficeAccess(principal, officeId);
    await this.offices.get(officeId);
    const format = importFormatOf(request.contentType);
    const read = format === 'json' ? readJsonRows(request.body) : readCsvRows(request.body, kind);
    const validated = validateRows(kind, read.rows);
    const errors = [...read.errors, ...validated.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (errors.length > 0) throw DomainError.validation(errors, rejectionMessage(format, errors));

    const rows = read.rows.length;
    const stored = await write({ officeId, kind: kind.name, format, rowCount: rows, submittedBy: principal.tokenId }, validated.records);
    return { importId: stored.importId, kind: kind.name, format, rows, inserted: stored.inserted, updated: stored.updated, unchanged: stored.unchanged };
  }
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

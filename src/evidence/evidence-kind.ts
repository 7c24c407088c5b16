import type { ClassConstructor } from 'class-transformer';
import type { ErrorDetail } from '../common/domain-error';

/** The kinds of evidence; the values are the route segments and evidence_import.kind. */
export const EVIDENCE_KINDS = ['closures', 'hotline-coverage', 'time-records', 'appointment-slots', 'contact-counts', 'caseload-handovers', 'team-membership', 'practice-meetings', 'employer-assignments'] as const;
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];
/** Registers kept for the whole district by the coordination office: their imports name no office. */
export const DISTRICT_EVIDENCE_KINDS = ['practice-meetings'] as const satisfies readonly EvidenceKindName[];
export type OfficeEvidenceKindName = Exclude<EvidenceKindName, (typeof DISTRICT_EVIDENCE_KINDS)[number]>;

/** Problems of one row, without the line (the caller knows it). */
export type RowDetail = Omit<ErrorDetail, 'line'>;

/**
 * What an import needs to know about one kind of evidence: its row DTO (the JSON element, or the
 * object a CSV line is turned into), the CSV columns, the checks across fields that class-validator
 * cannot express, and the natural key of the table (the same as its unique index in the migration).
 */
export interface EvidenceKind<Dto extends object, Rec> {
  name: EvidenceKindName;
  dto: ClassConstructor<Dto>;
  /** Every field / CSV column, in the order the docs list them. */
  fields: readonly string[];
  /**
   * The German column name of each field (`Datum`, `von`, …): the template's header and what the
   * pages show. CSV headers and JSON keys may use either name (see column-names.ts).
   */
  columns: Readonly<Record<string, string>>;
  required: readonly string[];
  /** CSV cells of these columns are read as integers (JSON must send numbers). */
  integerFields: readonly string[];
  /** Checks across fields on a row that passed class-validator; returns the record to store. */
  toRecord(dto: Dto): { record: Rec } | { errors: RowDetail[] };
  naturalKey(record: Rec): string;
  /**
   * The stored value outside the natural key (a correction updates it). Two rows of one file with
   * the same key must agree on it, otherwise the file contradicts itself.
   */
  payload?: { field: string; value(record: Rec): string };
  /** A row of the downloadable template, in German column values (replaced by the office's own). */
  example: Readonly<Record<string, string>>;
  /**
   * What the import preview shows of the records: rows of plain values under labelled columns
   * (codes with their German words). Time records override it with monthly sums (privacy).
   */
  preview(records: Rec[]): PreviewTable;
}

export interface PreviewTable {
  columns: Array<{ field: string; label: string; values?: Record<string, string> }>;
  rows: Array<Record<string, string | number | null>>;
}

import { DomainError, type ErrorDetail } from '../common/domain-error';
import { allowedColumns, fieldOfColumn, usesGermanNames } from './column-names';
import { runAtOnce, runInSlices, type Steps } from '../common/time-slices';
import { parseCsvSteps, separatorName } from './csv.parser';
import { refuseNotUtf8 } from './csv-encoding';
import type { EvidenceKind } from './evidence-kind';

export type ImportFormat = 'json' | 'csv';

/** One element of a JSON array or one CSV line turned into the same plain object. */
export interface RawRow {
  /** JSON: 1-based position in the array; CSV: line in the file, the header being line 1. */
  line: number;
  values: unknown;
}

export interface ReadRows {
  rows: RawRow[];
  /** Problems found while reading (CSV lines with the wrong number of cells). */
  errors: ErrorDetail[];
}

/** Larger files are split by the office; the limit keeps one import within one reasonable transaction. */
export const MAX_ROWS = 50_000;

const tooMany = (n: number, unit: string) =>
  DomainError.validation([], `Die Datei enthält ${n.toLocaleString('de-DE')} ${unit}; je Import sind höchstens ${MAX_ROWS.toLocaleString('de-DE')} erlaubt. Bitte in mehrere Dateien aufteilen.`);

export function readJsonRows(body: unknown): ReadRows {
  if (!Array.isArray(body)) {
    throw DomainError.validation([], 'Erwartet wird eine JSON-Liste (Array) von Einträgen, z. B. [{ … }, { … }].');
  }
  if (body.length === 0) throw DomainError.validation([], 'Die Liste ist leer; es wurde nichts gespeichert.');
  if (body.length > MAX_ROWS) throw tooMany(body.length, 'Einträge');
  return { rows: body.map((values: unknown, index) => ({ line: index + 1, values })), errors: [] };
}

/**
 * Turns a CSV file into the same plain objects a JSON array holds, keyed by the header as written
 * (API field names or German column names, see column-names.ts): an empty cell is an absent field,
 * integer columns become numbers when they look like one (otherwise the text stays and validation
 * names it).
 */
export function readCsvRows(text: unknown, kind: CsvColumns): ReadRows {
  return runAtOnce(readCsvRowsSteps(text, kind));
}

/** readCsvRows in time slices: a 2 MB file must not hold up other requests (time-slices.ts). */
export function readCsvRowsInSlices(text: unknown, kind: CsvColumns): Promise<ReadRows> {
  return runInSlices(readCsvRowsSteps(text, kind));
}

type CsvColumns = Pick<EvidenceKind<object, unknown>, 'fields' | 'columns' | 'required' | 'integerFields'>;

function* readCsvRowsSteps(text: unknown, kind: CsvColumns): Steps<ReadRows> {
  const parsed = yield* parseCsvSteps(typeof text === 'string' ? text : '');
  if (!parsed.ok) throw DomainError.validation([{ line: parsed.line, field: '', message: parsed.message }], 'Die CSV-Datei ist nicht lesbar; es wurde nichts gespeichert.');
  if (!parsed.table) throw DomainError.validation([], 'Die Datei ist leer; erwartet wird eine Kopfzeile mit den Spaltennamen und mindestens eine Datenzeile.');
  const { header, records, separator } = parsed.table;

  const columns = header.cells.map((c) => c.trim());
  refuseNotUtf8(typeof text === 'string' ? text : '', parsed.table, columns);
  const fields = columns.map((name) => (name === '' ? undefined : fieldOfColumn(kind, name)));
  // Problems are named in the language of the header (German column names or the API's).
  const german = usesGermanNames(kind, columns.flatMap((name, index) => (fields[index] ? [[fields[index]!, name] as [string, string]] : [])));
  const headerErrors: ErrorDetail[] = [];
  columns.forEach((name, index) => {
    const field = fields[index];
    if (name === '') headerErrors.push({ line: header.line, field: '', message: `Spalte ${index + 1} hat keinen Namen in der Kopfzeile` });
    else if (!field) headerErrors.push({ line: header.line, field: name, message: `ist keine bekannte Spalte; zulässig sind: ${allowedColumns(kind, german || fields.every((f) => !f))}` });
    else if (fields.indexOf(field) !== index) headerErrors.push({ line: header.line, field: name, message: `steht mehrfach in der Kopfzeile (als „${columns[fields.indexOf(field)]}“ und „${name}“)` });
  });
  for (const field of kind.required) {
    if (!fields.includes(field)) headerErrors.push({ line: header.line, field: german ? (kind.columns[field] ?? field) : field, message: 'Pflichtspalte fehlt in der Kopfzeile' });
  }
  if (headerErrors.length > 0) {
    throw DomainError.validation(headerErrors, `Die Kopfzeile der CSV-Datei passt nicht (Trennzeichen erkannt: ${separatorName(separator)}); es wurde nichts gespeichert.`);
  }

  // lines whose cells are all empty are what spreadsheets leave below the data
  const data = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length === 0) throw DomainError.validation([], 'Die Datei enthält nur die Kopfzeile, keine Datenzeilen.');
  if (data.length > MAX_ROWS) throw tooMany(data.length, 'Datenzeilen');

  const rows: RawRow[] = [];
  const errors: ErrorDetail[] = [];
  for (const record of data) {
    if (record.cells.length !== columns.length) {
      errors.push({ line: record.line, field: '', message: `hat ${record.cells.length} statt ${columns.length} Spalten (Trennzeichen ${separatorName(separator)}; Text mit Trennzeichen bitte in "Anführungszeichen")` });
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((name, index) => {
      const cell = record.cells[index].trim();
      if (cell === '') return;
      values[name] = kind.integerFields.includes(fields[index]!) && /^[+-]?\d{1,9}$/.test(cell) ? Number(cell) : cell;
    });
    rows.push({ line: record.line, values });
    yield;
  }
  return { rows, errors };
}

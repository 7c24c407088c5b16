import type { EvidenceKind } from './evidence-kind';

type Columns = Pick<EvidenceKind<object, unknown>, 'fields' | 'columns'>;

/** Headers from spreadsheets differ in case and spacing ("Abgedeckt  durch", "DATUM"). */
const loose = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/**
 * The field a CSV column or JSON key stands for: its API name (`date`) or its German column name
 * (`Datum`), read without regard to case and spacing. Undefined for anything else.
 */
export function fieldOfColumn(kind: Columns, name: string): string | undefined {
  const wanted = loose(name);
  return kind.fields.find((field) => loose(field) === wanted || loose(kind.columns[field] ?? '') === wanted);
}

/**
 * The allowed columns in the language the file or entry uses: "Datum, von, bis, Grund" for a German
 * header (and on the pages), "date, from, to, reason" for one written with the API's names.
 */
export function allowedColumns(kind: Columns, german = true): string {
  return (german ? kind.fields.map((f) => kind.columns[f] ?? f) : kind.fields).join(', ');
}

/** Whether names were written as the German column names (at least one), rather than the API's. */
export function usesGermanNames(kind: Columns, names: Iterable<[field: string, given: string]>): boolean {
  for (const [field, given] of names) if (kind.fields.includes(field) && given.trim().toLowerCase() !== field.toLowerCase()) return true;
  return false;
}

export interface CanonicalRow {
  /** The row with API field names; unknown keys kept as they are (validation names them). */
  values: Record<string, unknown>;
  /** API field → the name the row used, so that errors speak the file's language. */
  names: Map<string, string>;
  /** Two names for one field in the same row. */
  duplicates: Array<{ field: string; names: [string, string] }>;
}

/** Renames a row's keys to API field names. */
export function canonicalRow(kind: Columns, row: Record<string, unknown>): CanonicalRow {
  const values: Record<string, unknown> = {};
  const names = new Map<string, string>();
  const duplicates: CanonicalRow['duplicates'] = [];
  for (const [key, value] of Object.entries(row)) {
    const field = fieldOfColumn(kind, key) ?? key;
    const earlier = names.get(field);
    if (earlier !== undefined) {
      duplicates.push({ field, names: [earlier, key] });
      continue;
    }
    names.set(field, key);
    values[field] = value;
  }
  return { values, names, duplicates };
}

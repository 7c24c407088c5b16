import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { ErrorDetail } from '../common/domain-error';
import { runAtOnce, runInSlices, type Steps } from '../common/time-slices';
import { flattenValidationErrors } from '../common/validation-messages';
import { unsafeTextIn } from '../common/unsafe-text';
import { allowedColumns, canonicalRow, usesGermanNames } from './column-names';
import type { EvidenceKind, RowDetail } from './evidence-kind';
import type { RawRow } from './import-rows.reader';

/** The same options as the global pipe: unknown fields are errors, one message per field. */
const OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true };

export interface ValidatedRows<Rec> {
  /** Distinct records (by natural key) in file order. */
  records: Rec[];
  errors: ErrorDetail[];
}

/**
 * One validation path for JSON and CSV: every row becomes the kind's DTO and is validated with
 * class-validator, then checked across fields. Rows repeating an earlier one are dropped; a row
 * with the key of an earlier one but another value (reason, minutes) is an error, because the file
 * would contradict itself and the stored value would depend on row order.
 */
export function validateRows<Dto extends object, Rec>(kind: EvidenceKind<Dto, Rec>, rows: RawRow[]): ValidatedRows<Rec> {
  return runAtOnce(validateRowsSteps(kind, rows));
}

/**
 * validateRows in time slices: class-validator and the DST-aware time parsing cost a fraction of a
 * millisecond per row, seconds for a 50 000-row file, which must not hold up other requests.
 */
export function validateRowsInSlices<Dto extends object, Rec>(kind: EvidenceKind<Dto, Rec>, rows: RawRow[]): Promise<ValidatedRows<Rec>> {
  return runInSlices(validateRowsSteps(kind, rows));
}

function* validateRowsSteps<Dto extends object, Rec>(kind: EvidenceKind<Dto, Rec>, rows: RawRow[]): Steps<ValidatedRows<Rec>> {
  const errors: ErrorDetail[] = [];
  const records: Rec[] = [];
  const seen = new Map<string, { line: number; payload: string }>();
  for (const row of rows) {
    yield;
    if (typeof row.values !== 'object' || row.values === null || Array.isArray(row.values)) {
      errors.push({ line: row.line, field: '', message: `muss ein Objekt mit den Feldern ${allowedColumns(kind, false)} sein` });
      continue;
    }
    // A text the database cannot store is named here, with its line, not by PostgreSQL later (no pipe sees an import's body).
    const unsafe = unsafeTextIn(row.values);
    if (unsafe.length > 0) {
      errors.push(...unsafe.map((d) => ({ line: row.line, ...d })));
      continue;
    }
    // German column names are the same fields; errors name a field as the row wrote it.
    const { values, names, duplicates } = canonicalRow(kind, row.values as Record<string, unknown>);
    const german = usesGermanNames(kind, names);
    const named = (d: RowDetail): ErrorDetail => ({ line: row.line, ...d, field: names.get(d.field) ?? (german ? (kind.columns[d.field] ?? d.field) : d.field) });
    if (duplicates.length > 0) {
      errors.push(...duplicates.map((d) => ({ line: row.line, field: d.names[1], message: `steht doppelt im Eintrag (als „${d.names[0]}“ und „${d.names[1]}“)` })));
      continue;
    }
    const dto = plainToInstance(kind.dto, values, { enableImplicitConversion: false });
    const invalid = validateSync(dto, OPTIONS);
    if (invalid.length > 0) {
      errors.push(...flattenValidationErrors(namingAllowedFields(invalid, allowedColumns(kind, german))).map(named));
      continue;
    }
    const result = kind.toRecord(dto);
    if ('errors' in result) {
      errors.push(...result.errors.map(named));
      continue;
    }
    const key = kind.naturalKey(result.record);
    const payload = kind.payload?.value(result.record) ?? '';
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, { line: row.line, payload });
      records.push(result.record);
    } else if (earlier.payload !== payload && kind.payload) {
      errors.push({
        line: row.line,
        field: names.get(kind.payload.field) ?? kind.payload.field,
        message: `widerspricht Zeile ${earlier.line}: derselbe Eintrag steht dort mit „${earlier.payload}“, hier mit „${payload}“; bitte nur einen Wert angeben`,
      });
    }
  }
  return { records, errors };
}

/** "ist kein zulässiges Feld" alone does not help a clerk; say which fields are. */
function namingAllowedFields(errors: ValidationError[], allowed: string): ValidationError[] {
  for (const e of errors) {
    if (e.constraints?.whitelistValidation) e.constraints.whitelistValidation = `ist kein zulässiges Feld; zulässig sind: ${allowed}`;
  }
  return errors;
}

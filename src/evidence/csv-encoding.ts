import { DomainError, type ErrorDetail } from '../common/domain-error';
import type { CsvTable } from './csv.parser';

/** What a byte that is not UTF-8 becomes when the body is read as UTF-8. */
const REPLACEMENT = '\uFFFD';

const MESSAGE =
  'Die CSV-Datei ist nicht im Format UTF-8 gespeichert (z. B. Windows-1252 aus einem deutschen Excel); Umlaute und ß wären verloren gegangen, es wurde nichts gespeichert. ' +
  'Bitte in Excel „Speichern unter“ mit dem Dateityp „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und die Datei erneut senden.';

/**
 * The body parser reads a CSV as UTF-8 (or the charset its Content-Type names) and puts U+FFFD in
 * place of every byte that does not fit: "Schlie\xDFung" from a Windows-1252 file arrives as
 * "Schlie�ung" and would be stored so. A file with such a character is refused, naming each cell
 * (line and column as written) so the clerk can see that it is the file's encoding, not the data.
 * Other checks are skipped: a garbled header or value would only add misleading errors.
 */
export function refuseNotUtf8(text: string, table: CsvTable, columns: string[]): void {
  if (!text.includes(REPLACEMENT)) return;
  const errors: ErrorDetail[] = [];
  for (const record of [table.header, ...table.records]) {
    record.cells.forEach((cell, index) => {
      if (!cell.includes(REPLACEMENT)) return;
      const field = record === table.header ? cell.trim() : (columns[index] ?? '');
      errors.push({ line: record.line, field, message: `enthält Zeichen, die nicht als UTF-8 lesbar sind („${excerpt(cell)}“); bitte die Datei als „CSV UTF-8“ speichern` });
    });
  }
  throw DomainError.validation(errors, MESSAGE);
}

function excerpt(cell: string): string {
  const text = cell.trim();
  const at = text.indexOf(REPLACEMENT);
  return text.length <= 40 ? text : `…${text.slice(Math.max(0, at - 15), at + 15)}…`;
}

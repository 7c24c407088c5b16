/**
 * A small RFC 4180 reader for the evidence imports. Offices export from Excel (German locale: `;`),
 * from other tools (`,`) or paste rows copied from a spreadsheet (tabs), so the separator is
 * detected from the header line; a UTF-8 BOM, which
 * Excel writes in front of "CSV UTF-8", is ignored. Fields may be quoted with `"` (`""` inside a
 * quoted field is one quote); a quoted field may contain separators and line breaks.
 */
export type CsvSeparator = ';' | ',' | '\t';

export interface CsvRecord {
  /** Line of the file on which the record starts, counting every line (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: CsvSeparator;
  header: CsvRecord;
  records: CsvRecord[];
}

export type CsvResult =
  | { ok: true; table: CsvTable | undefined }
  | { ok: false; line: number; message: string };

const BOM = '\uFEFF';

/**
 * The separator of a file: whichever of tab, `;` and `,` occurs most often outside quotes in the
 * header line (a tie goes to tab, then `;`). Column names contain none of them; a one-column header
 * has none and reads as `,`.
 */
export function detectSeparator(headerLine: string): CsvSeparator {
  const counts = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) counts[ch]++;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** How a message names the separator: „;“, „,“ or Tabulator. */
export function separatorName(separator: CsvSeparator): string {
  return separator === '\t' ? 'Tabulator' : `„${separator}“`;
}

/**
 * Parses the whole text. Empty lines are skipped (a trailing line break is common); a syntax error
 * stops the parse, because everything after an unbalanced quote would be misread anyway.
 * `table` is undefined for a file without any non-empty line.
 */
export function parseCsv(input: string): CsvResult {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l !== '') ?? '';
  const separator = detectSeparator(firstLine);

  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let fieldQuoted = false;
  let afterClosingQuote = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endField = () => {
    cells.push(cell);
    cell = '';
    fieldQuoted = false;
    afterClosingQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        cell += '\n';
        line++;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === separator) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterClosingQuote) {
      return { ok: false, line, message: `Nach einem schließenden Anführungszeichen muss das Trennzeichen ${separatorName(separator)} oder das Zeilenende folgen.` };
    } else if (ch === '"' && cell === '' && !fieldQuoted) {
      inQuotes = true;
      fieldQuoted = true;
      quoteLine = line;
    } else {
      // a quote inside an unquoted field is kept as it is (lenient, as spreadsheet programs are)
      cell += ch;
    }
  }
  if (inQuotes) return { ok: false, line: quoteLine, message: 'Ein Anführungszeichen (") wird bis zum Dateiende nicht geschlossen.' };
  if (cells.length > 0 || cell !== '' || fieldQuoted) endRecord();

  const [header, ...rest] = records;
  return { ok: true, table: header ? { separator, header, records: rest } : undefined };
}

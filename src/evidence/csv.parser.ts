/**
 * A small RFC 4180 reader for the evidence imports. Offices export from Excel (German locale: `;`),
 * from other tools (`,`) or paste rows copied from a spreadsheet (tabs), so the separator is
 * detected from the header line; a UTF-8 BOM, which
 * Excel writes in front of "CSV UTF-8", is ignored. Fields may be quoted with `"` (`""` inside a
 * quoted field is one quote); a quoted field may contain separators and line breaks.
 */
import { runAtOnce, type Steps } from '../common/time-slices';

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

/** The first line with any content: it names the columns and shows the separator. */
function firstNonEmptyLine(text: string): string {
  const lineBreak = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    if (end > from) return text.slice(from, end);
    if (!m) return '';
    from = lineBreak.lastIndex;
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Parses the whole text. Empty lines are skipped (a trailing line break is common); a syntax error
 * stops the parse, because everything after an unbalanced quote would be misread anyway.
 * `table` is undefined for a file without any non-empty line.
 */
export function parseCsv(input: string): CsvResult {
  return runAtOnce(parseCsvSteps(input));
}

/**
 * parseCsv as steps, one per record, so that a 2 MB file can be read in time slices (see
 * time-slices.ts). Unquoted cells, nearly all of them, are cut out with one slice each instead of
 * being built up character by character.
 */
export function* parseCsvSteps(input: string): Steps<CsvResult> {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const separator = detectSeparator(firstNonEmptyLine(text));
  const sep = separator.charCodeAt(0);
  const n = text.length;

  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  let i = 0;
  while (i < n) {
    // at the start of a field
    if (text.charCodeAt(i) === QUOTE) {
      const quoteLine = line;
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return { ok: false, line: quoteLine, message: 'Ein Anführungszeichen (") wird bis zum Dateiende nicht geschlossen.' };
        const chunk = text.slice(from, q);
        if (/[\r\n]/.test(chunk)) {
          // a line break inside quotes belongs to the cell (as \n) and still counts as a line of the file
          const parts = chunk.split(/\r\n|\r|\n/);
          line += parts.length - 1;
          cell += parts.join('\n');
        } else {
          cell += chunk;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const next = i < n ? text.charCodeAt(i) : -1;
      if (next !== -1 && next !== sep && next !== CR && next !== LF) {
        return { ok: false, line, message: `Nach einem schließenden Anführungszeichen muss das Trennzeichen ${separatorName(separator)} oder das Zeilenende folgen.` };
      }
      cells.push(cell);
    } else {
      // a quote inside an unquoted field is kept as it is (lenient, as spreadsheet programs are)
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) cells.push(''); // a separator at the very end leaves an empty last cell
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    endRecord();
    line++;
    recordLine = line;
    yield;
  }
  if (cells.length > 0) endRecord();

  const [header, ...rest] = records;
  return { ok: true, table: header ? { separator, header, records: rest } : undefined };
}

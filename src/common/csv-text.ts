/** CSV for German Excel: UTF-8 with BOM (else umlauts break) and ';' as separator. */
export const CSV_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula, and one starting with a tab or a
 * carriage return too once those are dropped (CSV injection: a round title such as
 * =HYPERLINK("http://…";"Hier klicken") would become a link). A leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One text cell of every CSV export (findings, survey results, participation codes): formula-like
 * text neutralised, then quoted when it holds the separator, a quote or a line break. Numbers are
 * no text: a negative one must stay a number (see csvCell in survey-results.export.ts).
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

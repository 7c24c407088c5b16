import { CSV_BOM, csvText } from '../common/csv-text';

/**
 * The CSV of one-time codes (for mail merge or a label printer): German Excel, one code per line;
 * cells as in the results export, so a formula-like round title arrives as text.
 */
export function codesCsv(roundTitle: string, offices: Array<{ officeName: string; codes: string[] }>, answerUrl: string): string {
  const lines = [['Regionalstelle', 'Befragung', 'Code', 'Adresse zum Antworten'].join(';')];
  for (const o of offices) for (const code of o.codes) lines.push([o.officeName, roundTitle, code, answerUrl].map(csvText).join(';'));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** The CSV of one-time codes (for mail merge or a label printer): German Excel, one code per line. */
export function codesCsv(roundTitle: string, offices: Array<{ officeName: string; codes: string[] }>, answerUrl: string): string {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['Regionalstelle', 'Befragung', 'Code', 'Adresse zum Antworten'].join(';')];
  for (const o of offices) for (const code of o.codes) lines.push([o.officeName, roundTitle, code, answerUrl].map(cell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

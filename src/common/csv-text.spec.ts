import { csvText } from './csv-text';

describe('csvText (cells of every CSV export)', () => {
  it.each([
    ['=SUMME(A1:A9)', "'=SUMME(A1:A9)"],
    ['+49 2302 123', "'+49 2302 123"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('turns %j, which a spreadsheet would run, into text', (text, cell) => {
    expect(csvText(text)).toBe(cell);
  });

  it('leaves ordinary text alone and quotes only what holds a separator, a quote or a line break', () => {
    expect(csvText('Wetter (Ruhr)')).toBe('Wetter (Ruhr)');
    expect(csvText('Mitarbeiterbefragung 2026 – Süd')).toBe('Mitarbeiterbefragung 2026 – Süd');
    expect(csvText('Witten; Hattingen')).toBe('"Witten; Hattingen"');
    expect(csvText('Der "neue" Standort')).toBe('"Der ""neue"" Standort"');
  });
});

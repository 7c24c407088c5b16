import { detectSeparator, parseCsv, type CsvTable } from './csv.parser';

function table(text: string): CsvTable {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.message}`);
  if (!result.table) throw new Error('unexpected empty file');
  return result.table;
}

describe('parseCsv', () => {
  it('reads a semicolon file as Excel writes it in a German locale', () => {
    const t = table('date;reason\r\n2026-03-02;Personalversammlung\r\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual({ line: 1, cells: ['date', 'reason'] });
    expect(t.records).toEqual([{ line: 2, cells: ['2026-03-02', 'Personalversammlung'] }]);
  });

  it('reads a comma file', () => {
    const t = table('date,from,to,reason\n2026-03-02,08:00,10:00,Schulung\n');
    expect(t.separator).toBe(',');
    expect(t.records[0].cells).toEqual(['2026-03-02', '08:00', '10:00', 'Schulung']);
  });

  it('ignores a UTF-8 byte order mark before the header', () => {
    const t = table('\uFEFFdate;reason\n2026-03-02;Streik\n');
    expect(t.header.cells).toEqual(['date', 'reason']);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', () => {
    const t = table('date;reason\n2026-03-02;"Umzug; Teil 1"\n2026-03-03;"Der ""große"" Umzug"\n2026-03-04;"zwei\r\nZeilen"\n2026-03-05;x\n');
    expect(t.records.map((r) => r.cells[1])).toEqual(['Umzug; Teil 1', 'Der "große" Umzug', 'zwei\nZeilen', 'x']);
    // a record spanning two lines starts on its first; the next one is counted after both
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('keeps empty cells, also a trailing one', () => {
    const t = table('date;from;to;reason\n2026-03-02;;;Streik\n2026-03-03;08:00;10:00;\n');
    expect(t.records[0].cells).toEqual(['2026-03-02', '', '', 'Streik']);
    expect(t.records[1].cells).toEqual(['2026-03-03', '08:00', '10:00', '']);
  });

  it('skips empty lines but keeps counting them', () => {
    const t = table('date;reason\n\n2026-03-02;a\n\n\n2026-03-03;b');
    expect(t.records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports an empty file as no table', () => {
    expect(parseCsv('')).toEqual({ ok: true, table: undefined });
    expect(parseCsv('\uFEFF\r\n\n')).toEqual({ ok: true, table: undefined });
  });

  it('gives a file with a header only no records', () => {
    expect(table('date;reason\n').records).toEqual([]);
  });

  it('reports an unclosed quote with the line it opens on', () => {
    expect(parseCsv('date;reason\n2026-03-02;"offen\n2026-03-03;x\n')).toEqual({ ok: false, line: 2, message: expect.stringContaining('nicht geschlossen') });
  });

  it('reports text after a closing quote', () => {
    const result = parseCsv('date;reason\n2026-03-02;"a"b\n');
    expect(result).toEqual({ ok: false, line: 2, message: expect.stringContaining('Trennzeichen') });
  });

  it('reads rows pasted from a spreadsheet (tab-separated)', () => {
    const t = table('Datum\tGrund\n02.03.2026\tPersonalversammlung; Teil 1\n');
    expect(t.separator).toBe('\t');
    expect(t.records[0].cells).toEqual(['02.03.2026', 'Personalversammlung; Teil 1']);
  });

  it('keeps a quote inside an unquoted field', () => {
    expect(table('a;b\nx;5" Monitor\n').records[0].cells).toEqual(['x', '5" Monitor']);
  });

  it.each([
    ['date;from;to;reason', ';'],
    ['date,from,to,reason', ','],
    ['"date";"from"', ';'],
    ['reason', ','],
    ['"a,b";c;d', ';'],
    ['Datum\tvon\tbis\tGrund', '\t'],
    ['Grund\tAnmerkung, frei', '\t'],
  ])('detects the separator of %j', (header, separator) => {
    expect(detectSeparator(header)).toBe(separator);
  });
});

import { codesCsv } from './participation-codes.csv';

describe('codesCsv', () => {
  it('writes title and office name through csvText', () => {
    const csv = codesCsv('=HYPERLINK("http://evil.example","Hier klicken")', [{ officeName: '@Witten', codes: ['ABCD-EFGH-JKLMN'] }], 'http://qs.test/teilnahme');
    expect(csv).toBe('\uFEFFRegionalstelle;Befragung;Code;Adresse zum Antworten\r\n\'@Witten;"\'=HYPERLINK(""http://evil.example"",""Hier klicken"")";ABCD-EFGH-JKLMN;http://qs.test/teilnahme\r\n');
  });
});

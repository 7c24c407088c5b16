import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, auth, closeRound, openStaffRound, staffAnswer } from './survey-fixtures';

interface Previous {
  answers: number | null;
  actualMean: number;
  gap: number | null;
  change: string;
}
interface ItemJson {
  itemId: string;
  previous: Previous | null;
}
interface FieldJson {
  fieldId: string;
  rank: number | null;
  gap: number | null;
  previous: Previous | null;
  items: ItemJson[];
}
interface GroupJson {
  key: string;
  shown: boolean;
  hiddenReason: string | null;
  answers: number | null;
  previous: { answers: number } | null;
  fields: FieldJson[];
  comments: unknown;
}
interface ResultsJson {
  groups: GroupJson[];
  previousRound: { id: string } | null;
  actions: { available: boolean; message: string | null };
  round: { offices: Array<{ officeId: string }> };
}

/** Results of staff rounds over the API: minimum group size, gap ranking, comparison, free text, export. */
describe('survey results (HTTP)', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;
  let hattingen: string;
  let first: string;
  let second: string;

  /**
   * Witten answers `n` times with a profile, Hattingen `m` and Herdecke `p` times. The two small
   * offices are hidden; together they reach the minimum, so Witten need not be hidden for them.
   */
  async function round(profile: Record<string, [number, number]>, n: number, m: number, p: number, comment?: string): Promise<string> {
    const { round, codes } = await openStaffRound(t, coordination, { codesPerOffice: 10, offices: ['witten', 'hattingen', 'herdecke'] });
    for (let k = 0; k < n; k++) expect((await answerWithCode(t, codes.witten[k], staffAnswer(profile, comment && `${comment} ${k}`))).status).toBe(201);
    for (let k = 0; k < m; k++) expect((await answerWithCode(t, codes.hattingen[k], staffAnswer(profile, 'Hattingen sagt etwas'))).status).toBe(201);
    for (let k = 0; k < p; k++) expect((await answerWithCode(t, codes.herdecke[k], staffAnswer(profile))).status).toBe(201);
    return round.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
    hattingen = await t.token('regional', ['hattingen']);
    // Round 1: 'vorgesetzte' 3 vs importance 5; round 2: it improves to 4, 'bedingungen' gets worse.
    first = await round({ aufgaben: [4, 4], vorgesetzte: [3, 5], bedingungen: [3, 4] }, 6, 2, 3);
    await closeRound(t, coordination, first);
    second = await round({ aufgaben: [4, 4], vorgesetzte: [4, 5], bedingungen: [2, 5] }, 5, 4, 3, 'Witten meint');
  }, 60_000);
  afterAll(() => t?.close());

  it('shows no results while the round is running', async () => {
    const res = await t.http().get(`/api/v1/surveys/rounds/${second}/results`).set(auth(coordination));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Ergebnisse gibt es erst nach ihrem Ende');
  });

  describe('after the round', () => {
    let results: ResultsJson;
    beforeAll(async () => {
      await closeRound(t, coordination, second);
      results = (await t.http().get(`/api/v1/surveys/rounds/${second}/results`).set(auth(coordination)).expect(200)).body;
    });

    it('shows an office at the minimum group size and hides one below it without any count', () => {
      const byKey = Object.fromEntries(results.groups.map((g) => [g.key, g]));
      expect(byKey.witten).toMatchObject({ shown: true, answers: 5 });
      expect(byKey.hattingen).toMatchObject({ shown: false, hiddenReason: 'below_minimum', answers: null, fields: [], comments: null });
      expect(JSON.stringify(byKey.hattingen)).not.toMatch(/"answers":4|Hattingen sagt/);
      expect(byKey.herdecke).toMatchObject({ shown: false, hiddenReason: 'below_minimum', answers: null });
      expect(byKey.district).toMatchObject({ shown: true, answers: 12 });
    });

    it('gives distribution, means and gap per item, and ranks the fields by gap', () => {
      const district = results.groups.find((g) => g.key === 'district')!;
      const ranked = [...district.fields].filter((f) => f.rank !== null).sort((a, b) => a.rank! - b.rank!);
      expect(ranked.map((f) => [f.fieldId, f.gap])).toEqual([
        ['bedingungen', 3],
        ['vorgesetzte', 1],
        ['aufgaben', 0],
      ]);
      const item = district.fields.find((f) => f.fieldId === 'bedingungen')!.items[0];
      expect(item).toMatchObject({ itemId: 'bedingungen-raum', answers: 12, distribution: [0, 12, 0, 0, 0], actualMean: 2, importanceMean: 5, gap: 3 });
    });

    it('compares with the previous round of the same questionnaire: better, worse, with the number of answers', () => {
      expect(results.previousRound?.id).toBe(first);
      const witten = results.groups.find((g) => g.key === 'witten')!;
      expect(witten.previous).toEqual({ answers: 6 });
      const change = Object.fromEntries(witten.fields.filter((f) => f.previous).map((f) => [f.fieldId, [f.previous!.change, f.previous!.actualMean, f.previous!.answers]]));
      expect(change).toMatchObject({ vorgesetzte: ['better', 3, null], bedingungen: ['worse', 3, null], aufgaben: ['same', 4, null] });
      expect(witten.fields.find((f) => f.fieldId === 'vorgesetzte')!.items[0].previous).toEqual({ answers: 6, actualMean: 3, gap: 2, change: 'better' });
      // The district of round 1 had 11 answers (the small offices included) and is compared as a whole.
      expect(results.groups.find((g) => g.key === 'district')!.previous).toEqual({ answers: 11 });
    });

    it('shows free text only for groups at the minimum size, sorted, never in the order it came in', () => {
      const witten = results.groups.find((g) => g.key === 'witten')!;
      expect(witten.comments).toEqual([{ itemId: 'gesamt-anregungen', question: expect.any(String), texts: ['Witten meint 0', 'Witten meint 1', 'Witten meint 2', 'Witten meint 3', 'Witten meint 4'] }]);
    });

    it('offers actions from the results (the corrective-actions module is bound)', () => {
      expect(results.actions).toEqual({ available: true, message: null });
    });

    it('shows a regional office its own results and the district, but not the district free text nor other offices', async () => {
      const own: ResultsJson = (await t.http().get(`/api/v1/surveys/rounds/${second}/results`).set(auth(witten)).expect(200)).body;
      expect(own.groups.map((g) => [g.key, g.shown])).toEqual([
        ['district', true],
        ['witten', true],
      ]);
      expect(own.groups[0].comments).toBeNull();
      expect(own.round.offices.map((o) => o.officeId)).toEqual(['witten']);
      expect(JSON.stringify(own)).not.toContain('Hattingen sagt');
      const small: ResultsJson = (await t.http().get(`/api/v1/surveys/rounds/${second}/results`).set(auth(hattingen)).expect(200)).body;
      expect(small.groups.map((g) => [g.key, g.shown])).toEqual([
        ['district', true],
        ['hattingen', false],
      ]);
      expect(small.groups[0].comments).toBeNull();
      const other = await t.token('regional', ['wetter']);
      await t.http().get(`/api/v1/surveys/rounds/${second}/results`).set(auth(other)).expect(403);
    });

    it('exports XLSX that opens with exceljs: an overview and one sheet per field, German number format, no raw answers', async () => {
      const res = await t.http().get(`/api/v1/surveys/rounds/${second}/export?format=xlsx`).set(auth(coordination)).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="befragung-mitarbeitende-.*\.xlsx"/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Übersicht', 'Arbeit und Aufgaben', 'Zusammenarbeit im Team', 'Vorgesetzte', 'Arbeitsplatz und Technik', 'Fortbildung und Information', 'Insgesamt']);
      const sheet = book.getWorksheet('Arbeitsplatz und Technik')!;
      expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Gruppe', 'Frage', 'Bewertung (Mittelwert)', 'Lücke (Wichtigkeit − Bewertung)']));
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      const wittenItem = rows.find((r) => r[1] === 'Witten' && r[5] === 'Mein Arbeitsplatz ist für Gespräche mit Kundinnen und Kunden gut geeignet.')!;
      expect(wittenItem[6]).toBe(5);
      const meanCol = 12;
      expect(wittenItem[meanCol]).toBe(2);
      expect(sheet.getColumn(meanCol).numFmt).toBe('0.00');
      expect(rows.some((r) => r[1] === 'Hattingen' && String(r[5]).startsWith('Keine Ergebnisse'))).toBe(true);
      const everything = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
      expect(everything).not.toMatch(/Witten meint|Hattingen sagt/);
    });

    it('exports CSV for a German Excel with decimal commas', async () => {
      const res = await t.http().get(`/api/v1/surveys/rounds/${second}/export?format=csv`).set(auth(coordination)).expect(200);
      expect(res.text.startsWith('\uFEFFGruppe;')).toBe(true);
      expect(res.text).toContain('Kreis (alle Regionalstellen der Befragung);12;Arbeitsplatz und Technik;1;(Themenfeld insgesamt);;;;;;;2;5;3;3;;schlechter');
      expect(res.text).not.toMatch(/Witten meint/);
      await t.http().get(`/api/v1/surveys/rounds/${second}/export?format=pdf`).set(auth(coordination)).expect(400);
    });
  });
});

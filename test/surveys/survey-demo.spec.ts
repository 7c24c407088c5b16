import { TokenService } from '../../src/auth/token.service';
import { SurveyDemoService } from '../../src/surveys/survey-demo.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { auth } from './survey-fixtures';

interface RoundJson {
  id: string;
  title: string;
  questionnaireId: string;
  status: string;
  resultsAvailable: boolean;
}

describe('survey demo data', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.app.get(TokenService).create('coordination', [], 'demo-test');
    token = created.token;
    expect(await t.app.get(SurveyDemoService).seedIfEmpty({ tokenId: created.id, role: 'coordination', officeIds: [] })).toBe(true);
  }, 120_000);
  afterAll(() => t?.close());

  it('has one completed round of each questionnaire (two of the staff survey) with results to show', async () => {
    const rounds: RoundJson[] = (await t.http().get('/api/v1/surveys/rounds').set(auth(token)).expect(200)).body;
    expect(rounds.map((r) => r.questionnaireId).sort()).toEqual(['kundinnen-und-kunden', 'mitarbeitende', 'mitarbeitende', 'selbstbewertung-beispiel']);
    expect(rounds.every((r) => r.status === 'ended' && r.resultsAvailable)).toBe(true);
    for (const round of rounds) {
      const results = (await t.http().get(`/api/v1/surveys/rounds/${round.id}/results`).set(auth(token)).expect(200)).body;
      const shown = results.groups.filter((g: { shown: boolean }) => g.shown).map((g: { key: string }) => g.key);
      expect({ round: round.title, shown: shown.length }).toEqual({ round: round.title, shown: 8 });
      expect(shown).not.toContain('breckerfeld');
      const district = results.groups[0];
      expect(district.fields.some((f: { rank: number | null }) => f.rank === 1)).toBe(true);
    }
    const latestStaff = rounds.find((r) => r.title === 'Mitarbeiterbefragung')!;
    const staff = (await t.http().get(`/api/v1/surveys/rounds/${latestStaff.id}/results`).set(auth(token)).expect(200)).body;
    expect(staff.previousRound.title).toBe('Mitarbeiterbefragung (Vorjahr)');
    const ranked = staff.groups[0].fields.filter((f: { rank: number | null }) => f.rank === 1);
    expect(ranked[0].fieldId).toBe('bedingungen');
  });

  it('has one corrective action from the latest staff round\'s largest gap in the district, planned by the coordination office', async () => {
    const rounds: RoundJson[] = (await t.http().get('/api/v1/surveys/rounds').set(auth(token)).expect(200)).body;
    const latestStaff = rounds.find((r) => r.title === 'Mitarbeiterbefragung')!;
    const plan = (await t.http().get(`/api/v1/surveys/rounds/${latestStaff.id}/action-plan`).set(auth(token)).expect(200)).body;
    expect(plan.fields[0].fieldId).toBe('bedingungen');
    expect(plan.fields[0].actions).toEqual([expect.objectContaining({ fieldId: 'bedingungen', itemId: null, officeId: null, status: 'planned', responsibleSide: 'coordination' })]);
    expect(plan.fields.slice(1).flatMap((f: { actions: unknown[] }) => f.actions)).toEqual([]);
    const actions = (await t.http().get('/api/v1/actions').set(auth(token)).expect(200)).body;
    expect(actions.filter((a: { source: string }) => a.source === 'survey')).toHaveLength(1);
    // The list can be narrowed to where actions came from (audit findings or surveys).
    const bySource = async (source: string) => (await t.http().get(`/api/v1/actions?source=${source}`).set(auth(token)).expect(200)).body as Array<{ id: string; source: string }>;
    const fromSurveys = await bySource('survey');
    const fromAudits = await bySource('audit');
    expect(fromSurveys.map((a) => a.source)).toEqual(['survey']);
    expect(fromAudits.every((a) => a.source === 'audit')).toBe(true);
    expect(fromAudits.length + fromSurveys.length).toBe(actions.length);
  });

  it('used the codes it answered with and adds nothing on a second start', async () => {
    const [{ used }] = await t.dataSource.query('SELECT count(*)::int AS used FROM survey_code WHERE used');
    const [{ staffAnswers }] = await t.dataSource.query(`SELECT count(*)::int AS "staffAnswers" FROM survey_answer a JOIN survey_round r ON r.id = a.round_id WHERE r.audience = 'staff'`);
    expect(used).toBe(staffAnswers);
    const before = await t.count('survey_answer');
    const [{ id }] = await t.dataSource.query("SELECT id FROM api_token WHERE label = 'demo-test'");
    expect(await t.app.get(SurveyDemoService).seedIfEmpty({ tokenId: id, role: 'coordination', officeIds: [] })).toBe(false);
    expect(await t.count('survey_answer')).toBe(before);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, auth, openStaffRound, staffAnswer } from './survey-fixtures';

const OFFICES = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'breckerfeld', 'gevelsberg', 'sprockhoevel'];

/**
 * The rules satisfaction.staff-survey and satisfaction.customer-survey (issues 15 and 16) are judged
 * from the survey rounds held in the service: once per month for the district, in every audit over
 * all offices. Answers are dated by day only; the test moves them into October 2026 (a complete
 * month) the way an October round would have stored them.
 */
describe('survey rules judged from the rounds held here (audit)', () => {
  let t: TestApp;
  let coordination: string;
  let codes: Record<string, string[]>;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    ({ codes } = await openStaffRound(t, coordination, { offices: OFFICES, codesPerOffice: 5 }));
  }, 60_000);
  afterAll(() => t?.close());

  const answer = async (officeId: string) => {
    const res = await answerWithCode(t, codes[officeId].pop()!, staffAnswer({ vorgesetzte: [4, 5] }));
    expect(res.status).toBe(201);
  };
  const dateAnswers = (day: string) => t.dataSource.query('UPDATE survey_answer SET answered_on = $1', [day]);
  const auditOctober = async () => {
    const run = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-10-01', to: '2026-10-31' }).expect(201);
    const res = await t.http().get(`/api/v1/audits/${run.body.id}/findings?rule=satisfaction.staff-survey`).set(auth(coordination)).expect(200);
    return res.body as Array<{ scope: string; officeId: string | null; period: string; status: string; measured: number; required: number; message: string }>;
  };

  it('finds no staff survey in a month before any round was answered: the district has not surveyed its staff', async () => {
    const findings = await auditOctober();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ scope: 'district', officeId: null, period: '2026-10', status: 'non_compliant', measured: 0, required: 9 });
    expect(findings[0].message).toContain('In diesem Dienst wurde in diesem Zeitraum keine Befragung der Mitarbeiterinnen und Mitarbeiter durchgeführt');
  });

  it('names the one office without answers, then is met when it has answered too', async () => {
    for (const office of OFFICES.filter((o) => o !== 'sprockhoevel')) await answer(office);
    await dateAnswers('2026-10-15');
    const missing = await auditOctober();
    expect(missing[0]).toMatchObject({ status: 'non_compliant', measured: 8, required: 9 });
    expect(missing[0].message).toContain('für die Regionalstelle Sprockhövel.');

    await answer('sprockhoevel');
    await dateAnswers('2026-10-15');
    const met = await auditOctober();
    expect(met[0]).toMatchObject({ status: 'compliant', measured: 9, required: 9 });
    expect(met[0].message).toMatch(/^Von November 2025 bis Oktober 2026 hat jede der 9 Regionalstellen mindestens eine Befragung der Mitarbeiterinnen und Mitarbeiter mit Antworten/);
  });

  it('counts answers of the twelve months up to the judged month only: October 2025 no longer counts for October 2026', async () => {
    await dateAnswers('2025-11-01');
    expect((await auditOctober())[0].status).toBe('compliant');
    await dateAnswers('2025-10-31');
    expect((await auditOctober())[0]).toMatchObject({ status: 'non_compliant', measured: 0 });
  });

  it('judges no survey rule in a run over some offices only (it concerns the whole district)', async () => {
    const run = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-10-01', to: '2026-10-31', offices: ['witten'] }).expect(201);
    const res = await t.http().get(`/api/v1/audits/${run.body.id}/findings?rule=satisfaction.staff-survey`).set(auth(coordination)).expect(200);
    expect(res.body).toEqual([]);
  });
});

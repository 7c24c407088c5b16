import { startTestApp, type TestApp } from '../support/test-app';

type FindingBody = { ruleId: string; status: string; message: string; period: string; measured: number | null; officeId?: string | null; scope?: string; evidence: Record<string, unknown> };

const SEVEN = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg'];

/**
 * The registers of sections 4.1 and 4.2 reach the rules through the one judging path: a month of an
 * office (API) and an audit run, with the practice-meetings rule judged once per month for the
 * whole district. The hand-worked May/June 2026 of the engine specs, now from stored registers.
 */
describe('rules on multiplier teams, practice meetings and employer contacts', () => {
  let t: TestApp;
  let coordination: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (path: string, body: object) => t.http().post(path).set(auth(coordination)).send(body).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    await post('/api/v1/offices/witten/team-membership', [
      { team: 'placement', delegateRef: 'mt-av-01', from: '2025-01-01', until: '2026-05-31' },
      { team: 'placement', delegateRef: 'mt-av-02', from: '2026-06-01' },
      { team: 'specialist_advice', delegateRef: 'mt-fb-01', from: '2025-01-01', until: '2026-04-30' },
      // Nobody on 1 May 2026 (Tag der Arbeit).
      { team: 'specialist_advice', delegateRef: 'mt-fb-02', from: '2026-05-02' },
    ]);
    await post('/api/v1/offices/witten/employer-assignments', [
      { employerRef: 'U-1', contactRef: 'vm-01', contactRole: 'placement', from: '2026-01-01' },
      { employerRef: 'U-2', contactRef: 'vm-01', contactRole: 'placement', from: '2026-01-01', until: '2026-05-31' },
      { employerRef: 'U-2', contactRef: 'vm-02', contactRole: 'placement', from: '2026-06-01' },
    ]);
    await post('/api/v1/practice-meetings', [
      { date: '2026-03-10', audience: 'placement', invited: SEVEN, attended: SEVEN.slice(0, 5) },
      { date: '2026-06-09', audience: 'specialist_advice', invited: SEVEN.filter((o) => o !== 'herdecke') },
      { date: '2026-06-23', audience: 'specialist_advice', invited: SEVEN },
    ]);
  }, 120_000);
  afterAll(() => t?.close());

  const month = async (office: string, m: string): Promise<FindingBody[]> =>
    (await t.http().get(`/api/v1/offices/${office}/compliance?month=${m}`).set(auth(coordination)).expect(200)).body.findings;

  it('judges the office rules of a month from the stored registers', async () => {
    const may = await month('witten', '2026-05');
    const june = await month('witten', '2026-06');
    const pick = (findings: FindingBody[], ruleId: string) => findings.find((f) => f.ruleId === ruleId && /^\d{4}-\d{2}$/.test(f.period))!;
    expect(pick(may, 'multiplier-teams.delegate')).toMatchObject({ status: 'non_compliant', measured: 1 });
    expect(pick(may, 'multiplier-teams.delegate').message).toContain('im Team Fachberatung ohne teilnehmende Person am 01.05.2026');
    expect(pick(june, 'multiplier-teams.delegate')).toMatchObject({ status: 'compliant', measured: 0 });
    expect(pick(may, 'employer-contact.fixed')).toMatchObject({ status: 'compliant', measured: 0 });
    expect(pick(june, 'employer-contact.fixed')).toMatchObject({ status: 'non_compliant', measured: 50 });
    // Pseudonyms of staff never reach a finding.
    expect(JSON.stringify([may, june])).not.toMatch(/mt-av|mt-fb|vm-0/);
    // An office without registers gets no verdict, not a violation.
    expect(pick(await month('hattingen', '2026-06'), 'multiplier-teams.delegate')).toMatchObject({ status: 'insufficient_data' });
    // The district rule is not an office's finding.
    expect(june.some((f) => f.ruleId === 'practice-meetings.regular')).toBe(false);
  });

  it('an audit run shows the new rules per office and month, and the practice-meetings rule once per month for the district', async () => {
    const run = (await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-05-01', to: '2026-06-30' }).expect(201)).body;
    const findings: FindingBody[] = (await t.http().get(`/api/v1/audits/${run.id}/findings`).set(auth(coordination)).expect(200)).body;
    const meetings = findings.filter((f) => f.ruleId === 'practice-meetings.regular');
    expect(meetings.map((f) => [f.period, f.officeId, f.scope, f.status])).toEqual([
      ['2026-05', null, 'district', 'non_compliant'],
      ['2026-06', null, 'district', 'compliant'],
    ]);
    expect(meetings[1].message).toContain('am 09.06.2026 ohne Einladung an Herdecke');
    const witten = findings.filter((f) => f.officeId === 'witten' && ['multiplier-teams.delegate', 'employer-contact.fixed'].includes(f.ruleId));
    expect(witten.map((f) => [f.ruleId, f.period, f.status]).sort()).toEqual(
      [
        ['employer-contact.fixed', '2026-05', 'compliant'],
        ['employer-contact.fixed', '2026-06', 'non_compliant'],
        ['multiplier-teams.delegate', '2026-05', 'non_compliant'],
        ['multiplier-teams.delegate', '2026-06', 'compliant'],
      ].sort(),
    );
    // Every office is judged on the office rules (nine offices × two months, tandem minors not applicable).
    expect(findings.filter((f) => f.ruleId === 'multiplier-teams.delegate')).toHaveLength(18);
    const summary = (await t.http().get(`/api/v1/audits/${run.id}`).set(auth(coordination)).expect(200)).body;
    expect(summary.district.filter((d: { ruleId: string }) => d.ruleId === 'practice-meetings.regular')).toEqual([
      expect.objectContaining({ officeId: null, scope: 'district', counts: { non_compliant: 1, compliant: 1 } }),
    ]);
  });
});

import { officeFacts, timeShare } from '../testing/facts.factory';
import { judge } from '../testing/judge';

const RULE = 'employer-service.time-share';
const month = (officers: Array<[number, number]>, recordCount?: number) =>
  judge(RULE, officeFacts('standalone', { timeShare: timeShare('2026-11', officers, recordCount) }), { period: '2026-11' });
/** An officer's month of 9600 minutes with the given employer-service share in percent. */
const at = (percent: number, working = 9600): [number, number] => [(working * percent) / 100, working];

describe('half of each placement officer\'s working time for the employer service (section 4.2)', () => {
  it('is met when at least 80 % of the officers spend at least 45 % on the employer service', () => {
    const finding = month([at(45), at(45), at(50), at(60), at(10)]); // 4 of 5 = 80 %
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'aim', measured: 80, required: 80, unit: '%' });
  });

  it('is missed when only 3 of 4 (75 %) reach 45 %', () => {
    expect(month([at(45), at(45), at(50), at(44)])).toMatchObject({ status: 'non_compliant', measured: 75 });
  });

  it('counts an officer one minute below 45 % as below', () => {
    expect(month([at(45), at(45), at(45), [4319, 9600]]).status).toBe('non_compliant');
  });

  it('one officer at 100 % does not make up for two at 0 %, though the office total exceeds half', () => {
    // Worked by hand: 9600 + 0 + 0 employer minutes of 9600 + 2400 + 2400 = 66,7 % for the office,
    // but only 1 of 3 officers (33,3 %) reaches 45 %.
    const finding = month([[9600, 9600], [0, 2400], [0, 2400]]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 33.3, required: 80 });
    expect(finding.evidence).toEqual(
      expect.objectContaining({ officerCount: 3, officersReaching: 1, officersBelow: 2, officeSharePercent: 66.7, employerServiceMinutes: 9600, workingMinutes: 14400 }),
    );
    expect(finding.message).toBe(
      'Im November 2026 haben nur 1 von 3 Arbeitsvermittlerinnen und Arbeitsvermittlern (33,3 %) mindestens 45,0 % ihrer Arbeitszeit für den Unternehmensservice aufgewendet; Ziel: mindestens 80,0 % von ihnen. Anteil der Regionalstelle insgesamt: 66,7 %. Die Arbeitszeit der Vermittlung ist so zu verteilen, dass mehr von ihnen den Unternehmensservice zur Hälfte übernehmen.',
    );
  });

  it('gives no verdict and no figures for fewer than three officers, and says why', () => {
    const finding = month([at(20), at(60)]);
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: null, required: null, evidence: { params: expect.any(Object) } });
    expect(Object.keys(finding.evidence)).toEqual(['params']);
    expect(finding.message).toContain('Mindestgruppengröße von 3 Personen');
    expect(finding.message).toContain('es werden keine Zahlen ausgewiesen');
    expect(finding.message).not.toMatch(/\b2\b|%/);
  });

  it.each([
    ['no officers', [] as Array<[number, number]>, undefined],
    ['no records', [[100, 200]] as Array<[number, number]>, 0],
  ])('a month with %s is insufficient data', (_name, officers, recordCount) => {
    expect(month(officers, recordCount).status).toBe('insufficient_data');
  });

  it('does not apply to the smaller tandem location', () => {
    const facts = officeFacts('tandem-minor', { timeShare: timeShare('2026-11', [[1, 2]]) });
    expect(judge(RULE, facts).status).toBe('not_applicable');
  });
});

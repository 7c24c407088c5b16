import { officeFacts, timeShare } from '../testing/facts.factory';
import { judge } from '../testing/judge';

const RULE = 'employer-service.time-share';
const month = (officers: Array<[number, number]>, recordCount?: number) =>
  judge(RULE, officeFacts('standalone', { timeShare: timeShare('2026-11', officers, recordCount) }), { period: '2026-11' });

describe('half of the placement officers’ working time for the employer service (section 4.2)', () => {
  it('exactly 50 % across the office is compliant', () => {
    const finding = month([[4800, 9600], [3000, 6000]]);
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'aim', measured: 50, required: 50, unit: '%' });
  });

  it('one minute below half is not compliant', () => {
    expect(month([[4799, 9600]]).status).toBe('non_compliant');
  });

  it('is judged on the office total, counting officers below target without naming them', () => {
    const finding = month([[6000, 9600], [2000, 6000], [5000, 9000]]);
    // 13000 / 24600 = 52.8 %
    expect(finding).toMatchObject({ status: 'compliant', measured: 52.8 });
    expect(finding.evidence).toEqual(
      expect.objectContaining({ officerCount: 3, officersBelowTarget: 1, employerServiceMinutes: 13000, workingMinutes: 24600 }),
    );
    expect(finding.message).toBe(
      'Die Arbeitsvermittlung hat im Monat 2026-11 52,8 % ihrer Arbeitszeit für den Unternehmensservice aufgewendet und erreicht das Ziel von 50,0 % (1 von 3 Personen liegt einzeln darunter).',
    );
  });

  it('reports neither counts nor sums for fewer than three officers, since they would describe a person', () => {
    const finding = month([[2000, 9600], [6000, 9600]]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 41.7 });
    expect(finding.evidence).toMatchObject({ officerCount: 'weniger als 3', officersBelowTarget: null, recordCount: 2 });
    expect(finding.evidence).not.toHaveProperty('employerServiceMinutes');
    expect(finding.evidence).not.toHaveProperty('workingMinutes');
    expect(finding.message).toContain('werden bei weniger als 3 Personen nicht ausgewiesen');
    expect(finding.message).not.toMatch(/von 2 Personen/);
  });

  it('says what to change when the office falls short', () => {
    const finding = month([[2000, 9600], [3000, 9600]]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 26 });
    expect(finding.message).toContain('Der Anteil des Unternehmensservice an der Arbeitszeit ist zu erhöhen.');
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

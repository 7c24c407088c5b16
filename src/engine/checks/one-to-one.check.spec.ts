import { officeFacts, timeShare } from '../testing/facts.factory';
import { judge } from '../testing/judge';

const RULE = 'placement.one-to-one';
/** [employer, working, jobseeker] minutes per officer. */
const month = (officers: Array<[number, number, number]>) =>
  judge(RULE, officeFacts('standalone', { timeShare: timeShare('2026-10', officers) }), { period: '2026-10' });

describe('one-to-one placement: every placement officer serves both sides (section 4.2)', () => {
  it('is met when every officer spends at least 20 % on employers and 20 % on jobseekers', () => {
    const finding = month([[1920, 9600, 7680], [4800, 9600, 4800], [7680, 9600, 1920]]);
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'should', measured: 0, required: 0, unit: 'Personen' });
    expect(finding.message).toBe(
      'Im Oktober 2026 haben alle 3 Arbeitsvermittlerinnen und Arbeitsvermittler beide Seiten betreut, je mindestens 20,0 % ihrer Arbeitszeit für Unternehmen und für Arbeitsuchende.',
    );
  });

  it('one officer at 100 % employer service and two at 0 % are all three outside the band', () => {
    const finding = month([[9600, 9600, 0], [0, 9600, 9600], [0, 9600, 9600]]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 3 });
    expect(finding.evidence).toMatchObject({ officerCount: 3, officersOutside: 3, tooLittleEmployerService: 2, tooLittleJobseekerService: 1 });
  });

  it('counts one minute below 20 % on either side', () => {
    expect(month([[1919, 9600, 7681], [4800, 9600, 4800], [4800, 9600, 4800]])).toMatchObject({ status: 'non_compliant', measured: 1 });
    expect(month([[7681, 9600, 1919], [4800, 9600, 4800], [4800, 9600, 4800]])).toMatchObject({ status: 'non_compliant', measured: 1 });
  });

  it('time for neither side (other tasks) still counts in the working time', () => {
    // 20 % employers, 20 % jobseekers, 60 % other: inside the band.
    expect(month([[1920, 9600, 1920], [4800, 9600, 4800], [4800, 9600, 4800]]).status).toBe('compliant');
  });

  it('gives no verdict and no figures for fewer than three officers', () => {
    const finding = month([[0, 9600, 9600], [9600, 9600, 0]]);
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: null });
    expect(Object.keys(finding.evidence)).toEqual(['params']);
  });
});

import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';

const RULE = 'staff.continuity';
const rate = (caseloadSize: number, changes: number) =>
  judge(RULE, officeFacts('tandem-seat', { handovers: { month: '2026-03', record: { caseloadSize, changes }, sources: ['caseload-handover:1'] } }), { period: '2026-03' });

describe('staff continuity (section 1.2, observation)', () => {
  it('reports changes of the responsible person per hundred cases, never as a violation', () => {
    const finding = rate(850, 12);
    expect(finding).toMatchObject({ status: 'observed', obligation: 'observe', measured: 1.4, required: null, unit: '%' });
    expect(finding.message).toBe('Beobachtungswert: Im März 2026 wechselte bei 12 von 850 betreuten Fällen die zuständige Person (Wechselquote 1,4 %).');
    expect(finding.evidence).toMatchObject({ caseloadSize: 850, changes: 12 });
  });

  it('reports 0 % for a month without a change', () => {
    expect(rate(1, 0)).toMatchObject({ status: 'observed', measured: 0 });
  });

  it('reports more than 100 % when cases change hands more than once', () => {
    expect(rate(10, 15).measured).toBe(150);
  });

  it('is insufficient data without a report for the month', () => {
    expect(judge(RULE, officeFacts('standalone', { handovers: { month: '2026-03', sources: [] } }), { period: '2026-03' }).status).toBe('insufficient_data');
    expect(judge(RULE, officeFacts('standalone'), { period: '2026-03' }).status).toBe('insufficient_data');
  });
});

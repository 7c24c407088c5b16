import { aHotlineWeek } from '../testing/hotline-week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { HotlineWeekFacts } from '../types';

const RULE = 'hotline.forwarding-share';
const share = (hotlineWeek: HotlineWeekFacts) => judge(RULE, officeFacts('standalone', { hotlineWeek }));

describe('share of calls forwarded to the call centre (section 4.2, observation)', () => {
  it('is a monitoring figure: observed, with the share, and no verdict', () => {
    // staff 08:00–12:30, call centre 12:00–17:00: call centre alone covers 12:30–17:00 = 270 of 540 minutes
    const week = aHotlineWeek().coveredEveryWeekday('08:00', '12:30', 'staff').coveredEveryWeekday('12:00', '17:00', 'call_centre').build();
    const finding = share(week);
    expect(finding).toMatchObject({ status: 'observed', obligation: 'observe', measured: 50, required: null, unit: '%' });
    expect(finding.message).toMatch(/^Beobachtungswert: 50,0 %/);
  });

  it('a gap in coverage is no violation here', () => {
    const week = aHotlineWeek().coveredEveryWeekday('08:00', '10:00', 'call_centre').build();
    expect(share(week)).toMatchObject({ status: 'observed', measured: 100 });
  });

  it('only counts minutes inside the window', () => {
    const week = aHotlineWeek().coveredEveryWeekday('08:00', '17:00', 'staff').coveredEveryWeekday('17:00', '20:00', 'call_centre').build();
    expect(share(week).measured).toBe(0);
  });

  it('is insufficient data without records', () => {
    expect(share(aHotlineWeek().build()).status).toBe('insufficient_data');
  });
});

import { aHotlineWeek } from '../testing/hotline-week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { HotlineWeekFacts } from '../types';

const RULE = 'hotline.staff-availability';
const staff = (hotlineWeek: HotlineWeekFacts) => judge(RULE, officeFacts('standalone', { hotlineWeek }), { period: '2026-W47' });

describe('competent contacts of the office itself during 08:00–17:00 (section 4.2)', () => {
  it('staff covering half of every weekday is compliant', () => {
    // 08:00–12:30 = 270 of 540 minutes = exactly 50 %.
    const week = aHotlineWeek('2026-11-16').coveredEveryWeekday('08:00', '12:30', 'staff').coveredEveryWeekday('12:30', '17:00', 'call_centre').build();
    const finding = staff(week);
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'must', measured: 0, required: 0, unit: 'Tage' });
    expect(finding.message).toBe('An allen 5 Werktagen war der Unternehmensservice von 08:00 bis 17:00 Uhr mindestens 50,0 % der Zeit mit eigenem Personal erreichbar.');
  });

  it('one minute less than half on one day is non-compliant and names the day', () => {
    const week = aHotlineWeek('2026-11-16')
      .covered(['mon', 'tue', 'thu', 'fri'], '08:00', '12:30', 'staff')
      .covered('wed', '08:00', '12:29', 'staff')
      .coveredEveryWeekday('12:30', '17:00', 'call_centre')
      .build();
    const finding = staff(week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 1 });
    expect(finding.message).toContain('An 1 von 5 Werktagen war eigenes Personal weniger als 50,0 % der Zeit von 08:00 bis 17:00 Uhr erreichbar: Mittwoch 49,8 %.');
  });

  it('a week covered only by the call centre is non-compliant, though every minute is covered', () => {
    const week = aHotlineWeek('2026-11-16').coveredEveryWeekday('08:00', '17:00', 'call_centre').build();
    const finding = staff(week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 5 });
    expect(finding.message).toContain('Das Call Center übernimmt nur Gespräche, die Arbeitsvermittlerinnen und Arbeitsvermittler nicht selbst annehmen können');
    // The reachability rule itself is met: staff and call centre both count there.
    expect(judge('hotline.employer-service-hours', officeFacts('standalone', { hotlineWeek: week })).status).toBe('compliant');
  });

  it('staff time outside 08:00–17:00 does not count', () => {
    const week = aHotlineWeek('2026-11-16').coveredEveryWeekday('06:00', '08:00', 'staff').coveredEveryWeekday('17:00', '20:00', 'staff').coveredEveryWeekday('08:00', '17:00', 'call_centre').build();
    expect(staff(week).measured).toBe(5);
  });

  it('needs no staff on a public holiday (Good Friday, 2026-W14)', () => {
    const week = aHotlineWeek('2026-03-30').covered(['mon', 'tue', 'wed', 'thu'], '08:00', '17:00', 'staff').holiday('fri', 'Karfreitag').build();
    expect(staff(week)).toMatchObject({ status: 'compliant', measured: 0 });
  });

  it('a weekday without any record has no staff', () => {
    const week = aHotlineWeek('2026-11-16').covered(['mon', 'tue', 'wed', 'thu'], '08:00', '17:00', 'staff').without('fri').build();
    expect(staff(week)).toMatchObject({ status: 'non_compliant', measured: 1 });
  });

  it('has no evidence without records', () => {
    expect(staff(aHotlineWeek().build()).status).toBe('insufficient_data');
  });
});

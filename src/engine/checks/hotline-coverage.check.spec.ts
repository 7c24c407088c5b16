import { aHotlineWeek } from '../testing/hotline-week.factory';
import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { HotlineWeekFacts } from '../types';

const RULE = 'hotline.employer-service-hours';
const hotline = (hotlineWeek: HotlineWeekFacts) => judge(RULE, officeFacts('standalone', { hotlineWeek }), { period: '2026-W03' });

describe('employer service reachable by phone Monday to Friday 08:00–17:00 (section 4.2)', () => {
  it('a week covered by staff from 08:00 to 17:00 is compliant', () => {
    const finding = hotline(aHotlineWeek().coveredEveryWeekday('08:00', '17:00').build());
    expect(finding).toMatchObject({ status: 'compliant', measured: 0, required: 0, unit: 'Min.' });
    expect(finding.message).toBe('Der Unternehmensservice war an allen Werktagen von 08:00 bis 17:00 Uhr telefonisch erreichbar.');
  });

  it('staff and call centre together may cover the window, also overlapping', () => {
    const week = aHotlineWeek().coveredEveryWeekday('08:00', '12:30', 'staff').coveredEveryWeekday('12:00', '17:00', 'call_centre').build();
    expect(hotline(week).status).toBe('compliant');
  });

  it('a gap of five minutes at lunch is not compliant and named', () => {
    const week = aHotlineWeek().coveredEveryWeekday('08:00', '12:00').coveredEveryWeekday('12:05', '17:00').build();
    const finding = hotline(week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 25 });
    expect(finding.message).toContain('Montag 12:00–12:05; Dienstag 12:00–12:05');
    expect(finding.evidence.days).toContainEqual(expect.objectContaining({ weekday: 'mon', uncoveredMinutes: 5, gaps: ['12:00–12:05'] }));
  });

  it('coverage ending one minute early leaves a one-minute gap', () => {
    const week = aHotlineWeek().coveredEveryWeekday('07:30', '16:59').build();
    expect(hotline(week)).toMatchObject({ status: 'non_compliant', measured: 5 });
  });

  it('a weekday without any record is uncovered all day', () => {
    const week = aHotlineWeek().covered(['mon', 'tue', 'wed', 'thu'], '08:00', '17:00').build();
    const finding = hotline(week);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 540 });
    expect(finding.message).toContain('Freitag 08:00–17:00');
  });

  it('a weekday missing from the facts is uncovered all day', () => {
    const week = aHotlineWeek().covered(['mon', 'tue', 'wed', 'thu'], '08:00', '17:00').without('fri').build();
    expect(hotline(week)).toMatchObject({ status: 'non_compliant', measured: 540 });
  });

  it('a public holiday needs no reachability', () => {
    const week = aHotlineWeek('2026-03-30').covered(['mon', 'tue', 'wed', 'thu'], '08:00', '17:00').holiday('fri', 'Karfreitag').build();
    expect(hotline(week).status).toBe('compliant');
  });

  it('a week without records is insufficient data, never compliant', () => {
    const finding = hotline(aHotlineWeek().build());
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: null });
  });

  it('without hotline facts the finding is insufficient data', () => {
    expect(judge(RULE, officeFacts('standalone')).status).toBe('insufficient_data');
  });
});

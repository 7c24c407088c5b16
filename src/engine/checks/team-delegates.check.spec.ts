import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import type { TeamMembershipFact } from '../types';

const RULE = 'multiplier-teams.delegate';
const month = (period: string, memberships: TeamMembershipFact[], role: 'standalone' | 'tandem-minor' = 'standalone') =>
  judge(RULE, officeFacts(role, { teamMembership: { memberships, sources: ['team-membership'] } }), { period });
const m = (team: TeamMembershipFact['team'], person: string, from: string, until: string | null = null): TeamMembershipFact => ({ team, person, from, until });

/**
 * Worked by hand (May and June 2026, NRW): the placement team's delegate changes from p1 to p2 on
 * 1 June; the specialist-advice delegate f1 leaves on 30 April and f2 starts only on 2 May, so
 * 1 May (Tag der Arbeit, a public holiday) has nobody. Membership runs on calendar days: a holiday
 * is a day like any other, the office is a member of the team on it too.
 *   May:  placement p1 every day (31); specialist advice nobody on 01.05., f2 from 02.05.
 *         → 1 team-day without a delegate: not met. Changes in the 12 months June 2025–May 2026:
 *           placement 0, specialist advice 1 (f1 → f2 on 02.05.), at most 1 allowed.
 *   June: placement p1 → p2 on 01.06. (1 change), specialist advice f2 every day (1 change, 02.05.)
 *         → every day exactly one per team, 1 change each: met.
 */
const register = [
  m('placement', 'p1', '2025-01-01', '2026-05-31'),
  m('placement', 'p2', '2026-06-01'),
  m('specialist_advice', 'f1', '2025-01-01', '2026-04-30'),
  m('specialist_advice', 'f2', '2026-05-02'),
];

describe('one fixed delegate of each office in each multiplier team (section 4.1)', () => {
  it('May 2026: the public holiday 1 May without a specialist-advice delegate is reported', () => {
    const finding = month('2026-05', register);
    expect(finding).toMatchObject({ status: 'non_compliant', obligation: 'must', measured: 1, required: 0, unit: 'Tage' });
    expect(finding.message).toContain('im Team Fachberatung ohne teilnehmende Person am 01.05.2026');
    expect(finding.message).not.toContain('p1');
    expect(finding.evidence.teams).toEqual([
      { team: 'Arbeitsvermittlung', daysWithout: 0, daysWithSeveral: 0, changes: 0, changeDates: [] },
      { team: 'Fachberatung', daysWithout: 1, daysWithSeveral: 0, changes: 1, changeDates: ['2026-05-02'] },
    ]);
  });

  it('June 2026: one change of person per team within twelve months is still "fest"', () => {
    const finding = month('2026-06', register);
    expect(finding).toMatchObject({ status: 'compliant', measured: 0 });
    expect(finding.evidence.teams).toEqual([
      { team: 'Arbeitsvermittlung', daysWithout: 0, daysWithSeveral: 0, changes: 1, changeDates: ['2026-06-01'] },
      { team: 'Fachberatung', daysWithout: 0, daysWithSeveral: 0, changes: 1, changeDates: ['2026-05-02'] },
    ]);
  });

  it('a second change within twelve months is reported as not "fest" even when every day is covered', () => {
    const finding = month('2026-06', [...register.slice(0, 1), m('placement', 'p2', '2026-06-01', '2026-06-14'), m('placement', 'p3', '2026-06-15'), ...register.slice(2)]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 0 });
    expect(finding.message).toContain('im Team Arbeitsvermittlung 2 Wechsel der Person in den 12 Monaten bis Juni 2026 (höchstens 1');
  });

  it('a change thirteen months back no longer counts', () => {
    // p0 → p1 on 01.06.2025 lies outside July 2025–June 2026; p1 → p2 on 01.06.2026 inside: 1 change.
    const earlier = [m('placement', 'p0', '2024-01-01', '2025-05-31'), m('placement', 'p1', '2025-06-01', '2026-05-31'), m('placement', 'p2', '2026-06-01'), m('specialist_advice', 'f1', '2024-01-01')];
    expect(month('2026-06', earlier).status).toBe('compliant');
    // …but in May 2026 the window June 2025–May 2026 holds p0 → p1 (01.06.2025) and nothing else: still 1.
    expect(month('2026-05', earlier).status).toBe('compliant');
    // A change on the first day of the window counts (the day before is the baseline).
    const both = [m('placement', 'p0', '2024-01-01', '2025-06-30'), m('placement', 'p1', '2025-07-01', '2026-05-31'), m('placement', 'p2', '2026-06-01'), m('specialist_advice', 'f1', '2024-01-01')];
    expect(month('2026-06', both)).toMatchObject({ status: 'non_compliant' });
  });

  it('two delegates on the same day (an overlapping handover) are reported by date', () => {
    const finding = month('2026-06', [m('placement', 'p1', '2026-01-01', '2026-06-02'), m('placement', 'p2', '2026-06-01'), m('specialist_advice', 'f1', '2026-01-01')]);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 2 });
    expect(finding.message).toContain('im Team Arbeitsvermittlung mit mehr als einer teilnehmenden Person am 01.06.2026–02.06.2026');
  });

  it('the same person entered twice for overlapping spans is one delegate', () => {
    expect(month('2026-06', [m('placement', 'p1', '2026-01-01', '2026-06-10'), m('placement', 'p1', '2026-06-05'), m('specialist_advice', 'f1', '2026-01-01')]).status).toBe('compliant');
  });

  it('a team without any delegate is not met; an empty register gives no verdict', () => {
    expect(month('2026-06', [m('placement', 'p1', '2026-01-01')])).toMatchObject({ status: 'non_compliant', measured: 30 });
    expect(month('2026-06', [])).toMatchObject({ status: 'insufficient_data', measured: null });
  });

  it('a membership ending on the last day of the month covers the whole month', () => {
    expect(month('2026-02', [m('placement', 'p1', '2026-02-01', '2026-02-28'), m('specialist_advice', 'f1', '2026-02-01', '2026-02-28')]).status).toBe('compliant');
    expect(month('2026-02', [m('placement', 'p1', '2026-02-01', '2026-02-27'), m('specialist_advice', 'f1', '2026-02-01', '2026-02-28')])).toMatchObject({ status: 'non_compliant', measured: 1 });
  });

  it('does not apply to the smaller tandem locations (they send through their seat)', () => {
    expect(month('2026-06', register, 'tandem-minor').status).toBe('not_applicable');
  });
});

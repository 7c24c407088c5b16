import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import { realCatalog } from '../testing/standards-files.fixture';
import type { Catalog, TeamMembershipFact } from '../types';

const RULE = 'multiplier-teams.delegate';
/** The NRW public holidays of May and June 2026, as the judging service passes them. */
const HOLIDAYS = { '2026-05-01': 'Tag der Arbeit', '2026-05-14': 'Christi Himmelfahrt', '2026-05-25': 'Pfingstmontag', '2026-06-04': 'Fronleichnam' };
const month = (period: string, memberships: TeamMembershipFact[], role: 'standalone' | 'tandem-minor' = 'standalone', catalog?: Catalog) =>
  judge(RULE, officeFacts(role, { teamMembership: { memberships, holidays: HOLIDAYS, sources: ['team-membership'] } }), { period }, catalog);

/** The rule with the optional due-day parameters a later catalog version may set. */
function withDueDays(params: { dueDays?: string; exceptHolidays?: boolean }): Catalog {
  const catalog = realCatalog();
  const extra = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, { value, label: name }]));
  return { ...catalog, rules: catalog.rules.map((r) => (r.id === RULE ? { ...r, params: { ...r.params, ...extra } } : r)) };
}
const workingDays = withDueDays({ dueDays: 'Mo-Fr', exceptHolidays: true });
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

  describe('with due days (dueDays, exceptHolidays: a reading a later catalog version may choose)', () => {
    /**
     * Worked by hand, May 2026: 1 May is a Friday and a public holiday, 30/31 May a weekend.
     *   - the register above (specialist advice without anyone on 01.05. only): with Mo–Fr and
     *     holidays exempt nothing is due that day → met; with Mo–Fr alone 01.05. (a Friday) is due → not met.
     *   - a placement handover p1 until Fri 29.05., p2 from Mon 01.06.: every calendar day → 30./31.05.
     *     missing (2 days, not met); Mo–Fr → met. The change p1 → p2 counts once, on 01.06.
     * June 2026: p1 until Fri 05.06., p2 from Wed 10.06.: Mo–Fr leaves Mon 08.06. and Tue 09.06. without
     * anyone (2 days, not met); Thursday 04.06. is Fronleichnam.
     */
    it('May 2026: a gap on the holiday 1 May is no missing delegate when holidays are exempt', () => {
      expect(month('2026-05', register, 'standalone', workingDays)).toMatchObject({ status: 'compliant', measured: 0 });
      expect(month('2026-05', register, 'standalone', workingDays).message).toContain('an jedem Tag (Mo–Fr, ohne gesetzliche Feiertage) genau eine');
      const fridaysToo = month('2026-05', register, 'standalone', withDueDays({ dueDays: 'Mo-Fr' }));
      expect(fridaysToo).toMatchObject({ status: 'non_compliant', measured: 1 });
      expect(fridaysToo.message).toContain('nicht durchgehend (Mo–Fr) genau eine');
    });

    it('a handover from a Friday to the next Monday leaves no due day without a delegate', () => {
      const handover = [m('placement', 'p1', '2025-01-01', '2026-05-29'), m('placement', 'p2', '2026-06-01'), m('specialist_advice', 'f1', '2025-01-01')];
      expect(month('2026-05', handover)).toMatchObject({ status: 'non_compliant', measured: 2 });
      expect(month('2026-05', handover).message).toContain('im Team Arbeitsvermittlung ohne teilnehmende Person am 30.05.2026–31.05.2026');
      const judged = month('2026-05', handover, 'standalone', workingDays);
      expect(judged).toMatchObject({ status: 'compliant', measured: 0 });
      expect(judged.evidence).toMatchObject({ dueDays: 'Mo–Fr, ohne gesetzliche Feiertage', dueDayCount: 18 });
      expect(month('2026-06', handover, 'standalone', workingDays).evidence).toMatchObject({ teams: [{ changes: 1, changeDates: ['2026-06-01'] }, { changes: 0 }] });
    });

    it('a gap on working days is still reported, by its due days only', () => {
      const gap = [m('placement', 'p1', '2025-01-01', '2026-06-05'), m('placement', 'p2', '2026-06-10'), m('specialist_advice', 'f1', '2025-01-01')];
      const judged = month('2026-06', gap, 'standalone', workingDays);
      expect(judged).toMatchObject({ status: 'non_compliant', measured: 2 });
      expect(judged.message).toContain('im Team Arbeitsvermittlung ohne teilnehmende Person am 08.06.2026–09.06.2026');
      // June 2026: 22 weekdays, one of them Fronleichnam.
      expect(judged.evidence).toMatchObject({ dueDayCount: 21 });
    });

    it('two delegates are only reported on due days', () => {
      // p2 starts on Saturday 06.06. while p1 stays until Sunday 07.06.
      const overlap = [m('placement', 'p1', '2025-01-01', '2026-06-07'), m('placement', 'p2', '2026-06-06'), m('specialist_advice', 'f1', '2025-01-01')];
      expect(month('2026-06', overlap)).toMatchObject({ status: 'non_compliant', measured: 2 });
      expect(month('2026-06', overlap, 'standalone', workingDays)).toMatchObject({ status: 'compliant', measured: 0 });
    });
  });
});

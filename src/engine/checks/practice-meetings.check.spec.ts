import { evaluateDistrict } from '../evaluate';
import { realCatalog } from '../testing/standards-files.fixture';
import type { DistrictOfficeFacts, OfficeRole, PracticeMeetingFact } from '../types';

const RULE = 'practice-meetings.regular';
const OFFICES: Array<[string, string, OfficeRole]> = [
  ['witten', 'Witten', 'standalone'],
  ['hattingen', 'Hattingen', 'standalone'],
  ['herdecke', 'Herdecke', 'standalone'],
  ['wetter', 'Wetter (Ruhr)', 'standalone'],
  ['schwelm', 'Schwelm', 'standalone'],
  ['ennepetal', 'Ennepetal', 'tandem-seat'],
  ['breckerfeld', 'Breckerfeld', 'tandem-minor'],
  ['gevelsberg', 'Gevelsberg', 'tandem-seat'],
  ['sprockhoevel', 'Sprockhövel', 'tandem-minor'],
];
const offices: DistrictOfficeFacts[] = OFFICES.map(([id, name, role]) => ({ id, name, role }));
/** The seven Regionalstellen (the smaller tandem locations are invited through their seat). */
const SEVEN = OFFICES.filter(([, , role]) => role !== 'tandem-minor').map(([id]) => id);
const meeting = (date: string, audience: PracticeMeetingFact['audience'], invited = SEVEN, attended = invited): PracticeMeetingFact => ({ date, audience, invited, attended });
const judged = (period: string, meetings: PracticeMeetingFact[]) => {
  const findings = evaluateDistrict(realCatalog(), { offices, practiceMeetings: { meetings, sources: ['practice-meetings'] } }, { period, ruleIds: [RULE] });
  expect(findings).toHaveLength(1);
  return findings[0];
};

/**
 * Worked by hand (May and June 2026, six-month look-back):
 *   10.03.2026 placement officers, all seven invited, five attended;
 *   09.06.2026 specialist advisers, Herdecke not invited;
 *   23.06.2026 specialist advisers, all seven invited.
 *   May (Dec 2025–May 2026): placement 1, specialist advice 0 → not met, measured 0.
 *   June (Jan–Jun 2026): placement 1, specialist advice 1 of 2 (09.06. left Herdecke out) → met.
 */
const register = [
  meeting('2026-03-10', 'placement', SEVEN, SEVEN.slice(0, 5)),
  meeting('2026-06-09', 'specialist_advice', SEVEN.filter((id) => id !== 'herdecke')),
  meeting('2026-06-23', 'specialist_advice'),
];

describe('regular practice meetings addressed to all offices (section 4.1, district rule)', () => {
  it('May 2026: no meeting of the specialist advisers in six months is not met', () => {
    const finding = judged('2026-05', register);
    expect(finding).toMatchObject({ status: 'non_compliant', obligation: 'should', measured: 0, required: 1, unit: 'Treffen' });
    expect(finding.message).toContain('In den 6 Monaten bis Mai 2026');
    expect(finding.message).toContain('Arbeitsvermittlung: 1 von 1 Treffen an alle Regionalstellen; Fachberatung: kein Treffen');
  });

  it('June 2026: a meeting that left an office out does not count, the next one does', () => {
    const finding = judged('2026-06', register);
    expect(finding).toMatchObject({ status: 'compliant', measured: 1 });
    expect(finding.message).toContain('am 09.06.2026 ohne Einladung an Herdecke');
    expect(finding.evidence.audiences).toEqual([
      { audience: 'Arbeitsvermittlung', meetingsHeld: 1, meetingsCounted: 1, meetings: [{ date: '2026-03-10', officesNotInvited: [], officesAttended: 5 }] },
      {
        audience: 'Fachberatung',
        meetingsHeld: 2,
        meetingsCounted: 1,
        meetings: [
          { date: '2026-06-09', officesNotInvited: ['Herdecke'], officesAttended: 6 },
          { date: '2026-06-23', officesNotInvited: [], officesAttended: 7 },
        ],
      },
    ]);
  });

  it('only a meeting to which every office was invited counts', () => {
    expect(judged('2026-06', register.slice(0, 2))).toMatchObject({ status: 'non_compliant', measured: 0 });
  });

  it('the look-back ends with the month: a meeting on its first day counts, one the day before does not', () => {
    // Six months to August 2026 start on 1 March.
    expect(judged('2026-08', [meeting('2026-03-01', 'placement'), meeting('2026-03-01', 'specialist_advice')]).status).toBe('compliant');
    expect(judged('2026-08', [meeting('2026-02-28', 'placement'), meeting('2026-03-01', 'specialist_advice')]).status).toBe('non_compliant');
    // A meeting after the month is not yet judged.
    expect(judged('2026-02', [meeting('2026-03-01', 'placement'), meeting('2026-03-01', 'specialist_advice')]).status).toBe('insufficient_data');
  });

  it('the smaller tandem locations need no own invitation; attendance is not judged', () => {
    expect(judged('2026-06', [meeting('2026-06-02', 'placement', SEVEN, []), meeting('2026-06-03', 'specialist_advice', SEVEN, ['witten'])]).status).toBe('compliant');
  });

  it('gives no verdict while the register is empty', () => {
    expect(judged('2026-06', [])).toMatchObject({ status: 'insufficient_data', measured: null });
  });
});

import { evaluate, evaluateDistrict } from '../evaluate';
import { officeFacts } from '../testing/facts.factory';
import { realCatalog } from '../testing/standards-files.fixture';
import { aWeek, type WeekBuilder } from '../testing/week.factory';
import type { DistrictOfficeFacts, OfficeRole } from '../types';

const RULE = 'opening.district-core-hours';
const NAMES: Record<string, [string, OfficeRole]> = {
  witten: ['Witten', 'standalone'],
  hattingen: ['Hattingen', 'standalone'],
  herdecke: ['Herdecke', 'standalone'],
  wetter: ['Wetter (Ruhr)', 'standalone'],
  schwelm: ['Schwelm', 'standalone'],
  ennepetal: ['Ennepetal', 'tandem-seat'],
  breckerfeld: ['Breckerfeld', 'tandem-minor'],
  gevelsberg: ['Gevelsberg', 'tandem-seat'],
  sprockhoevel: ['Sprockhövel', 'tandem-minor'],
};
const office = (id: string, week?: WeekBuilder): DistrictOfficeFacts => ({
  id,
  name: NAMES[id][0],
  role: NAMES[id][1],
  ...(week ? { plannedWeek: week.sources(`schedule:${id}`).build() } : {}),
});
/** The nine offices of the district; `overrides` replace the schedule of some. */
const nine = (standard: () => WeekBuilder, overrides: Record<string, WeekBuilder | undefined> = {}) =>
  Object.keys(NAMES).map((id) => {
    if (id in overrides) return office(id, overrides[id]);
    // The smaller tandem locations open only briefly: they must not shrink the core.
    if (NAMES[id][1] === 'tandem-minor') return office(id, aWeek().open(['tue', 'thu'], '08:30', '09:00'));
    return office(id, standard());
  });
const district = (offices: DistrictOfficeFacts[]) => {
  const findings = evaluateDistrict(realCatalog(), { offices }, { period: '2026-W41', ruleIds: [RULE] });
  expect(findings.map((f) => f.ruleId)).toEqual([RULE]);
  return findings[0];
};
const twoHoursDaily = () => aWeek().openWeekdays('08:00', '10:00');

describe('a district-wide core of opening hours (section 2, "kreiseinheitliches Angebot")', () => {
  it('nine schedules whose common window is exactly 10 hours reach the aim; the tandem minors are left out', () => {
    const finding = district(nine(twoHoursDaily, { witten: aWeek().openWeekdays('07:30', '12:00'), schwelm: twoHoursDaily().open('sat', '09:00', '12:00') }));
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'aim', measured: 10, required: 10, unit: 'Std.', period: '2026-W41' });
    expect(finding.evidence.commonWindows).toEqual({ mon: ['08:00–10:00'], tue: ['08:00–10:00'], wed: ['08:00–10:00'], thu: ['08:00–10:00'], fri: ['08:00–10:00'] });
    expect((finding.evidence.offices as Array<{ id: string }>).map((o) => o.id)).toEqual(['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg']);
    expect(finding.message).toBe(
      'In der KW 41/2026 sind alle 7 Regionalstellen (Mo–Fr, ohne die kleineren Tandemstandorte) gemeinsam 10,0 Std. geöffnet und erreichen den angestrebten Kernbereich von 10,0 Std. (gemeinsame Öffnungszeiten: Montag 08:00–10:00, Dienstag 08:00–10:00, Mittwoch 08:00–10:00, Donnerstag 08:00–10:00, Freitag 08:00–10:00).',
    );
    expect(finding.sources).toContain('schedule:witten');
    expect(finding.sources).not.toContain('schedule:breckerfeld');
  });

  it('nine schedules whose common window is 9 h 59 min miss the aim and say who would add which minute', () => {
    const finding = district(nine(twoHoursDaily, { witten: aWeek().openWeekdays('08:00', '12:00').closed('mon').open('mon', '08:01', '12:00') }));
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 9.98, required: 10 });
    expect(finding.evidence.proposal).toEqual({
      coreWindows: { mon: ['08:00–10:00'], tue: ['08:00–10:00'], wed: ['08:00–10:00'], thu: ['08:00–10:00'], fri: ['08:00–10:00'] },
      additions: [{ officeId: 'witten', officeName: 'Witten', hours: 0.02, windows: { mon: ['08:00–08:01'] } }],
    });
    expect(finding.message).toContain('sind alle 7 Regionalstellen (Mo–Fr, ohne die kleineren Tandemstandorte) nur 9,98 Std. gemeinsam geöffnet; angestrebt sind mindestens 10,0 Std.');
    expect(finding.message).toContain('Für den angestrebten Kernbereich müssten zusätzlich öffnen: Regionalstelle Witten Montag 08:00–08:01 (0,02 Std.).');
  });

  it('proposes first the times in which the most offices are already open', () => {
    // Six offices open 08:00–12:00 daily, Herdecke only 08:00–09:00: the core is 5 h, 5 h are lacking.
    const finding = district(nine(() => aWeek().openWeekdays('08:00', '12:00'), { herdecke: aWeek().openWeekdays('08:00', '09:00') }));
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 5 });
    expect(finding.evidence.proposal).toMatchObject({
      additions: [{ officeId: 'herdecke', officeName: 'Herdecke', hours: 5, windows: { mon: ['09:00–12:00'], tue: ['09:00–11:00'] } }],
    });
  });

  it('is insufficient data, naming the office, when one has no schedule in force', () => {
    const finding = district(nine(twoHoursDaily, { hattingen: undefined }));
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: null });
    expect(finding.message).toContain('Für die Regionalstelle Hattingen ist in der KW 41/2026 nicht an jedem Tag ein Öffnungszeitenplan in Kraft');
  });

  it('a minor without a schedule does not matter to the core', () => {
    expect(district(nine(twoHoursDaily, { breckerfeld: undefined })).status).toBe('compliant');
  });

  it('is never judged as an office rule', () => {
    const findings = evaluate(realCatalog(), officeFacts('standalone', { openingWeek: twoHoursDaily().build() }));
    expect(findings.map((f) => f.ruleId)).not.toContain(RULE);
  });
});

import { LocalCalendar } from '../calendar';
import { evaluate, type Need } from '../engine';
import type { Office } from '../offices/office.entity';
import type { StoredWeek } from './stored-week';
import { loadCatalogFromDir } from '../standards/catalog.service';
import { EvidenceBundle } from './evidence-bundle';
import { monthPeriod, weekPeriod } from './judgement-period';
import type { ScheduleVersionFact } from './judging-facts.repository';

const catalog = loadCatalogFromDir();
const ALL = new Set<Need>(['schedule', 'hotline', 'time-records']);
const days = (keys: Array<keyof StoredWeek>, from: string, to: string): StoredWeek => {
  const week: StoredWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
  for (const k of keys) week[k] = [{ from, to }];
  return week;
};
const version = (id: string, officeId: string, validFrom: string, week: StoredWeek): ScheduleVersionFact => ({
  id,
  office_id: officeId,
  valid_from: validFrom,
  valid_until: null,
  submitted_at: new Date('2026-01-01T00:00:00Z'),
  week,
});
const office = (id: string, role: Office['role'], seatId: string | null = null) => ({ id, name: id, role, seatId }) as Office;
const bundle = (versions: ScheduleVersionFact[]) =>
  new EvidenceBundle({ versions, closures: [], hotline: [], officerMonths: [], deviations: new Map() }, new LocalCalendar('2026-11-01', '2026-11-30'));
const status = (b: EvidenceBundle, o: Office, isoWeek: string, ruleId: string) =>
  evaluate(catalog, b.facts(o, weekPeriod(isoWeek), ALL), { ruleIds: [ruleId] })[0].status;

describe('the evidence of a week', () => {
  it('has no opening evidence in the week a first schedule starts on a Wednesday, and judges the next week', () => {
    const b = bundle([version('v1', 'wetter', '2026-11-18', days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '13:00'))]);
    const wetter = office('wetter', 'standalone');
    expect(b.facts(wetter, weekPeriod('2026-W47'), ALL).openingWeek).toBeUndefined();
    expect(status(b, wetter, '2026-W47', 'opening.every-weekday')).toBe('insufficient_data');
    expect(status(b, wetter, '2026-W47', 'opening.weekly-minimum')).toBe('insufficient_data');
    expect(status(b, wetter, '2026-W48', 'opening.every-weekday')).toBe('compliant');
    expect(status(b, wetter, '2026-W48', 'opening.weekly-minimum')).toBe('compliant');
  });

  it("has no evidence of the seat's week when the seat's first schedule starts mid-week", () => {
    const b = bundle([
      version('minor', 'sprockhoevel', '2026-01-01', days(['mon', 'wed', 'fri'], '08:30', '12:00')),
      version('seat', 'gevelsberg', '2026-11-18', days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '13:00')),
    ]);
    const minor = office('sprockhoevel', 'tandem-minor', 'gevelsberg');
    const w47 = b.facts(minor, weekPeriod('2026-W47'), ALL);
    expect(w47.openingWeek).toBeDefined();
    expect(w47.seatOpeningWeek).toBeUndefined();
    expect(status(b, minor, '2026-W47', 'tandem.seat-access')).toBe('insufficient_data');
    expect(status(b, minor, '2026-W48', 'tandem.seat-access')).toBe('compliant');
  });

  it("cuts the same schedule version into every week it governs", () => {
    const b = bundle([version('v1', 'wetter', '2026-01-01', days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '13:00'))]);
    const wetter = office('wetter', 'standalone');
    const a = b.facts(wetter, weekPeriod('2026-W47'), ALL).openingWeek!;
    expect(a.days.map((d) => d.opening)).toEqual([...Array(5).fill([{ from: 480, to: 780 }]), [], []]);
    expect(a.sources).toEqual(['schedule:v1']);
    expect(b.facts(wetter, weekPeriod('2026-W48'), ALL).openingWeek).toEqual({ ...a, days: expect.any(Array) });
  });
});

describe('what the bundle reads for a judgement', () => {
  it('builds only the facts the judged rules need', () => {
    const b = bundle([version('v1', 'wetter', '2026-01-01', days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '13:00'))]);
    const facts = b.facts(office('wetter', 'standalone'), weekPeriod('2026-W47'), new Set<Need>(['schedule']));
    expect(facts.openingWeek).toBeDefined();
    expect(facts.hotlineWeek).toBeUndefined();
  });

  it("names the tandem minor's seat by its name", () => {
    const b = new EvidenceBundle(
      { versions: [], closures: [], hotline: [], officerMonths: [], deviations: new Map() },
      new LocalCalendar('2026-11-01', '2026-11-30'),
      new Map([['gevelsberg', 'Gevelsberg']]),
    );
    const facts = b.facts({ id: 'sprockhoevel', name: 'Sprockhövel', role: 'tandem-minor', seatId: 'gevelsberg' }, weekPeriod('2026-W47'), ALL);
    expect(facts.office).toEqual({ id: 'sprockhoevel', name: 'Sprockhövel', role: 'tandem-minor', seatId: 'gevelsberg', seatName: 'Gevelsberg' });
  });

  it('offers the district rule each office\'s planned week, closures and holidays aside', () => {
    const b = bundle([version('v1', 'wetter', '2026-01-01', days(['mon', 'tue', 'wed', 'thu', 'fri'], '08:00', '13:00'))]);
    const planned = b.districtOffice(office('wetter', 'standalone'), weekPeriod('2026-W47'));
    expect(planned.plannedWeek!.days.slice(0, 5).map((d) => d.opening)).toEqual(Array(5).fill([{ from: 480, to: 780 }]));
    expect(b.districtOffice(office('herdecke', 'standalone'), weekPeriod('2026-W47')).plannedWeek).toBeUndefined();
  });
});

describe('the team register of a month', () => {
  it("carries the month's NRW public holidays from the holiday library, for a rule that exempts them", () => {
    const b = new EvidenceBundle(
      { versions: [], closures: [], hotline: [], officerMonths: [], deviations: new Map(), teamMemberships: [{ id: 't1', office_id: 'wetter', team: 'placement', person: 'p1', from: '2026-01-01', until: null }] },
      new LocalCalendar('2026-05-01', '2026-06-30'),
    );
    const needs = new Set<Need>(['team-membership']);
    expect(b.facts(office('wetter', 'standalone'), monthPeriod('2026-05'), needs).teamMembership).toMatchObject({
      holidays: { '2026-05-01': 'Maifeiertag', '2026-05-14': 'Christi Himmelfahrt', '2026-05-25': 'Pfingstmontag' },
      sources: ['team-membership:t1'],
    });
    expect(b.facts(office('wetter', 'standalone'), monthPeriod('2026-06'), needs).teamMembership!.holidays).toEqual({ '2026-06-04': 'Fronleichnam' });
  });
});

import { officeFacts } from '../testing/facts.factory';
import { judge } from '../testing/judge';
import { realCatalog } from '../testing/standards-files.fixture';
import { parseClock } from '../time';
import type { AppointmentArea, AppointmentDayFacts, Catalog, Interval } from '../types';
import { parseAppointmentAreas } from './outside-opening-appointments.check';

const RULE = 'appointments.outside-opening-hours';
const t = (from: string, to: string): Interval => ({ from: parseClock(from)!, to: parseClock(to)! });
const slot = (from: string, to: string, area: AppointmentArea) => ({ ...t(from, to), area });
/** A Tuesday open 08:00–12:30 unless said otherwise. */
const day = (date: string, slots: AppointmentDayFacts['slots'], over: Partial<AppointmentDayFacts> = {}): AppointmentDayFacts => ({
  date,
  weekday: 'tue',
  opening: [t('08:00', '12:30')],
  slots,
  ...over,
});
const month = (days: AppointmentDayFacts[]) => ({ month: '2026-04', days, slotCount: days.reduce((n, d) => n + d.slots.length, 0), sources: [] });
const judged = (days: AppointmentDayFacts[], catalog?: Catalog) => judge(RULE, officeFacts('standalone', { appointmentMonth: month(days) }), { period: '2026-04' }, catalog);

/** One slot outside in each area: the compliant base the boundaries vary. */
const allAreasOutside = () => [day('2026-04-07', [slot('12:30', '13:00', 'benefits'), slot('07:30', '08:00', 'placement'), slot('16:00', '16:30', 'specialist_advice')])];

function withParams(params: Record<string, unknown>): Catalog {
  const catalog = realCatalog();
  return {
    ...catalog,
    rules: catalog.rules.map((r) =>
      r.id === RULE ? { ...r, params: Object.fromEntries(Object.entries(r.params).map(([k, spec]) => [k, k in params ? { ...spec, value: params[k] as never } : spec])) } : r,
    ),
  };
}

describe('appointments outside the opening hours (section 2, must)', () => {
  it('is met when every area has a slot outside the opening, touching its ends included', () => {
    const finding = judged(allAreasOutside());
    expect(finding).toMatchObject({ status: 'compliant', obligation: 'must', measured: 3, required: 3, unit: 'Bereiche' });
    expect(finding.message).toMatch(/in jedem Bereich \(Leistung, Arbeitsvermittlung und Fachberatung\) mindestens ein Termin außerhalb/);
  });

  it('does not count a slot that overlaps the opening by one minute', () => {
    const days = [day('2026-04-07', [slot('12:29', '13:00', 'benefits'), slot('07:30', '08:00', 'placement'), slot('16:00', '16:30', 'specialist_advice')])];
    const finding = judged(days);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 2, required: 3 });
    expect(finding.message).toMatch(/ohne solchen Termin: Leistung/);
    expect(finding.evidence.areas).toContainEqual({ area: 'Leistung', outsideSlots: 0, insideSlots: 1, unknownSlots: 0 });
  });

  it('counts a slot in the midday gap between two openings as outside', () => {
    const days = [
      day('2026-04-09', [slot('13:00', '14:00', 'benefits'), slot('12:30', '14:00', 'placement'), slot('13:59', '14:01', 'specialist_advice')], {
        weekday: 'thu',
        opening: [t('08:00', '12:30'), t('14:00', '18:00')],
      }),
    ];
    expect(judged(days)).toMatchObject({ status: 'non_compliant', measured: 2 });
  });

  it('counts any slot on a public holiday as outside: the office is closed', () => {
    const days = [...allAreasOutside().map((d) => ({ ...d, slots: d.slots.filter((s) => s.area !== 'benefits') })), day('2026-04-03', [slot('10:00', '10:30', 'benefits')], { weekday: 'fri', opening: [], holiday: 'Karfreitag' })];
    const finding = judged(days);
    expect(finding).toMatchObject({ status: 'compliant', measured: 3 });
    expect(finding.evidence.outsideAppointments).toContainEqual({ date: '2026-04-03', time: '10:00–10:30', area: 'Leistung', holiday: 'Karfreitag' });
  });

  it('counts a slot inside a reported closure as outside (the opening of the day without the closure)', () => {
    const days = [day('2026-04-14', [slot('09:00', '09:30', 'benefits'), slot('07:30', '08:00', 'placement'), slot('16:00', '16:30', 'specialist_advice')], { opening: [t('10:00', '12:30')], closure: true })];
    expect(judged(days)).toMatchObject({ status: 'compliant', measured: 3 });
  });

  it('is not met when an area has no slot at all', () => {
    const days = [day('2026-04-07', [slot('12:30', '13:00', 'benefits'), slot('07:30', '08:00', 'placement')])];
    expect(judged(days)).toMatchObject({ status: 'non_compliant', measured: 2, required: 3 });
  });

  it('cannot be judged when an area depends on a slot on a day without a schedule in force', () => {
    const days = [...allAreasOutside().map((d) => ({ ...d, slots: d.slots.filter((s) => s.area !== 'placement') })), day('2026-04-20', [slot('17:00', '17:30', 'placement')], { weekday: 'mon', opening: undefined })];
    const finding = judged(days);
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: 2, required: 3 });
    expect(finding.message).toMatch(/Arbeitsvermittlung an Tagen ohne gültigen Öffnungszeitenplan \(20\.04\.2026\)/);
  });

  it('a slot on a day without a schedule does not rescue an area that has too few slots anyway', () => {
    const days = [day('2026-04-20', [slot('17:00', '17:30', 'placement')], { weekday: 'mon', opening: undefined })];
    expect(judged(days)).toMatchObject({ status: 'non_compliant', measured: 0 });
  });

  it('is insufficient data when no slot was reported for the month', () => {
    expect(judged([])).toMatchObject({ status: 'insufficient_data', measured: null });
    expect(judge(RULE, officeFacts('standalone'), { period: '2026-04' }).status).toBe('insufficient_data');
  });

  it('asks for the minimum per area: two slots needed, one given', () => {
    const finding = judged(allAreasOutside(), withParams({ minimumPerArea: 2 }));
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 0, required: 3 });
    expect(judged([...allAreasOutside(), ...allAreasOutside().map((d) => ({ ...d, date: '2026-04-08' }))], withParams({ minimumPerArea: 2 }))).toMatchObject({ status: 'compliant', measured: 3 });
  });

  it('judges only the listed areas', () => {
    const days = [day('2026-04-07', [slot('07:30', '08:00', 'placement')])];
    expect(judged(days, withParams({ areas: 'Arbeitsvermittlung' }))).toMatchObject({ status: 'compliant', measured: 1, required: 1 });
  });

  it('applies to every kind of office', () => {
    for (const role of ['standalone', 'tandem-seat', 'tandem-minor'] as const) {
      expect(judge(RULE, officeFacts(role, { appointmentMonth: month(allAreasOutside()) }), { period: '2026-04' }).status).toBe('compliant');
    }
  });
});

describe('the areas parameter', () => {
  it('reads German words and codes, in any case', () => {
    expect(parseAppointmentAreas('Leistung, Arbeitsvermittlung, Fachberatung')).toEqual(['benefits', 'placement', 'specialist_advice']);
    expect(parseAppointmentAreas('specialist_advice,  FACHBERATUNG')).toBeNull();
    expect(parseAppointmentAreas('placement')).toEqual(['placement']);
  });

  it('refuses unknown or empty lists', () => {
    expect(parseAppointmentAreas('Kasse')).toBeNull();
    expect(parseAppointmentAreas(' , ')).toBeNull();
  });
});

import { holidayNameNrw, weekdayOf } from '../calendar';
import { evaluate } from '../engine';
import { loadCatalogFromDir } from '../standards/catalog.service';
import type { AppointmentSlotFact } from './judging-facts.repository';
import { appointmentMonth, contactCountsMonth, handoverMonth } from './office-register.facts';
import type { DayInput } from './real-week.facts';

const catalog = loadCatalogFromDir();
const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const interval = (s: string) => ({ from: hm(s.split('-')[0]), to: hm(s.split('-')[1]) });
/** Witten: Monday to Friday 08:00–12:30, Thursday also 14:00–18:00. */
const witten = {
  id: 'v1',
  week: { mon: [interval('08:00-12:30')], tue: [interval('08:00-12:30')], wed: [interval('08:00-12:30')], thu: [interval('08:00-12:30'), interval('14:00-18:00')], fri: [interval('08:00-12:30')], sat: [], sun: [] },
};
const dayInput = (date: string, over: Partial<DayInput> = {}): DayInput => ({ date, weekday: weekdayOf(date), schedule: witten, closures: [], holiday: holidayNameNrw(date), ...over });
const slot = (id: string, date: string, time: string, area: AppointmentSlotFact['area']): AppointmentSlotFact => ({ id, office_id: 'witten', date, ...interval(time), area });

describe('appointment facts of a month', () => {
  it('gives each day the opening in force: closures subtracted, nothing on a public holiday, unknown without a schedule', () => {
    const slots = [slot('a', '2026-06-04', '15:00-15:30', 'benefits'), slot('b', '2026-06-09', '09:00-09:30', 'placement'), slot('c', '2026-06-10', '17:00-17:30', 'specialist_advice')];
    const facts = appointmentMonth(
      '2026-06',
      [dayInput('2026-06-04'), dayInput('2026-06-09', { closures: [{ id: 'k1', from: hm('08:00'), to: hm('10:00') }] }), dayInput('2026-06-10', { schedule: undefined })],
      slots,
    );
    expect(facts.days).toEqual([
      { date: '2026-06-04', weekday: 'thu', opening: [], holiday: 'Fronleichnam', slots: [{ from: 900, to: 930, area: 'benefits' }] },
      { date: '2026-06-09', weekday: 'tue', opening: [interval('10:00-12:30')], closure: true, slots: [{ from: 540, to: 570, area: 'placement' }] },
      { date: '2026-06-10', weekday: 'wed', slots: [{ from: 1020, to: 1050, area: 'specialist_advice' }] },
    ]);
    expect(facts.slotCount).toBe(3);
    expect(facts.sources).toEqual(expect.arrayContaining(['appointment:a', 'schedule:v1', 'closure:k1']));
  });

  it('judged by the catalog: Corpus Christi afternoon and a slot in a closure are outside, a day without schedule leaves the month open', () => {
    const slots = [slot('a', '2026-06-04', '15:00-15:30', 'benefits'), slot('b', '2026-06-09', '09:00-09:30', 'placement'), slot('c', '2026-06-10', '17:00-17:30', 'specialist_advice')];
    const facts = appointmentMonth('2026-06', [dayInput('2026-06-04'), dayInput('2026-06-09', { closures: [{ id: 'k1', from: hm('08:00'), to: hm('10:00') }] }), dayInput('2026-06-10', { schedule: undefined })], slots);
    const [finding] = evaluate(catalog, { office: { id: 'witten', name: 'Witten', role: 'standalone' }, appointmentMonth: facts }, { period: '2026-06', ruleIds: ['appointments.outside-opening-hours'] });
    expect(finding).toMatchObject({ status: 'insufficient_data', measured: 2, required: 3 });
  });

  it('cuts contact counts and handovers to plain counts with their sources', () => {
    expect(contactCountsMonth('2026-04', [{ id: 'x', office_id: 'witten', month: '2026-04', area: 'benefits', byAppointment: 3, walkIn: 1 }])).toEqual({
      month: '2026-04',
      counts: [{ area: 'benefits', byAppointment: 3, walkIn: 1 }],
      sources: ['contact-count:x'],
    });
    expect(handoverMonth('2026-04', undefined)).toEqual({ month: '2026-04', sources: [] });
    expect(handoverMonth('2026-04', { id: 'h', office_id: 'witten', month: '2026-04', caseloadSize: 10, changes: 1 })).toEqual({ month: '2026-04', record: { caseloadSize: 10, changes: 1 }, sources: ['caseload-handover:h'] });
  });
});

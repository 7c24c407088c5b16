import { writeFileSync } from 'node:fs';
import { evaluate, evaluateDistrict, type Weekday, type Finding } from '../../src/engine';
import { judge } from '../../src/engine/testing/judge';
import { officeFacts, timeShare } from '../../src/engine/testing/facts.factory';
import { aWeek } from '../../src/engine/testing/week.factory';
import { aHotlineWeek } from '../../src/engine/testing/hotline-week.factory';
import { realCatalog } from '../../src/engine/testing/standards-files.fixture';
import { isoWeekDates, publicHolidaysNrw, weekdayOf } from '../../src/calendar';
import { hotlineWeek, realOpeningWeek, plannedWeek, type DayInput } from '../../src/judging/real-week.facts';

const out: Record<string, unknown> = {};
const rec = (name: string, f: Finding) => { out[name] = { status: f.status, measured: f.measured, required: f.required, message: f.message }; };
const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const iv = (s: string) => ({ from: hm(s.split('-')[0]), to: hm(s.split('-')[1]) });

function sched(spec: Partial<Record<Weekday, string[]>>) {
  const week: any = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  for (const [d, list] of Object.entries(spec)) week[d] = list!.map(iv);
  return { id: 'v', week };
}
function weekOf(isoWeek: string, s: ReturnType<typeof sched>, closures: Record<string, Array<{ from: number | null; to: number | null }>> = {}): DayInput[] {
  return isoWeekDates(isoWeek).map((date) => ({
    date, weekday: weekdayOf(date), schedule: s,
    closures: (closures[date] ?? []).map((c, i) => ({ id: `${date}-${i}`, ...c })),
    holiday: publicHolidaysNrw(Number(date.slice(0, 4))).get(date),
  }));
}

describe('review', () => {
  afterAll(() => writeFileSync('/tmp/review-out.json', JSON.stringify(out, null, 1)));

  it('holidays', () => {
    out.holidays2026 = [...publicHolidaysNrw(2026).entries()];
  });

  it('weekly minimum', () => {
    // exactly 21.5 h: Mon-Fri 08:00-12:00 (20h) + Thu 14:00-15:30
    const s215 = sched({ mon: ['08:00-12:00'], tue: ['08:00-12:00'], wed: ['08:00-12:00'], thu: ['08:00-12:00', '14:00-15:30'], fri: ['08:00-12:00'] });
    const o = (days: DayInput[], role: any = 'standalone') => officeFacts(role, { openingWeek: realOpeningWeek(days) });
    rec('wm.W10.exact21.5', judge('opening.weekly-minimum', o(weekOf('2026-W10', s215))));
    const s2149 = sched({ mon: ['08:00-12:00'], tue: ['08:00-12:00'], wed: ['08:00-12:00'], thu: ['08:00-12:00', '14:00-15:29'], fri: ['08:00-12:00'] });
    rec('wm.W10.21h29', judge('opening.weekly-minimum', o(weekOf('2026-W10', s2149))));
    rec('wm.W14.goodfriday', judge('opening.weekly-minimum', o(weekOf('2026-W14', s215))));
    rec('wm.W15.eastermonday', judge('opening.weekly-minimum', o(weekOf('2026-W15', s215))));
    rec('wm.W23.corpuschristi', judge('opening.weekly-minimum', o(weekOf('2026-W23', s215))));
    rec('wm.W52.xmas', judge('opening.weekly-minimum', o(weekOf('2026-W52', s215))));
    // 24.12 closure (not a public holiday)
    rec('wm.W52.xmasEveClosed', judge('opening.weekly-minimum', o(weekOf('2026-W52', s215, { '2026-12-24': [{ from: null, to: null }] }))));
    rec('ed.W52.xmasEveClosed', judge('opening.every-weekday', o(weekOf('2026-W52', s215, { '2026-12-24': [{ from: null, to: null }] }))));
    rec('ed.W14', judge('opening.every-weekday', o(weekOf('2026-W14', s215))));
    rec('em.W14', judge('opening.every-morning', o(weekOf('2026-W14', s215))));
    rec('af.W14', judge('opening.afternoon', o(weekOf('2026-W14', s215))));
    // afternoon only on Good Friday
    const sFriPm = sched({ mon: ['08:00-12:30'], tue: ['08:00-12:30'], wed: ['08:00-12:30'], thu: ['08:00-12:30'], fri: ['08:00-12:30', '14:00-18:00'] });
    rec('af.W14.onlyFriPm', judge('opening.afternoon', o(weekOf('2026-W14', sFriPm))));
    rec('afw.W14.onlyFriPm', judge('opening.afternoon-for-working-people', o(weekOf('2026-W14', sFriPm))));
    // Saturday-holiday 26.12: Saturday opening 09:00-12:00
    const sSat = sched({ mon: ['08:00-12:00'], tue: ['08:00-12:00'], wed: ['08:00-12:00'], thu: ['08:00-12:00'], fri: ['08:00-11:30'], sat: ['09:00-11:00'] });
    rec('wm.W52.satHoliday', judge('opening.weekly-minimum', o(weekOf('2026-W52', sSat))));
    // Sunday opening
    const sSun = sched({ mon: ['08:00-12:00'], tue: ['08:00-12:00'], wed: ['08:00-12:00'], thu: ['08:00-12:00'], fri: ['08:00-12:00'], sun: ['10:00-12:00'] });
    rec('wm.sundayCounts?', judge('opening.weekly-minimum', o(weekOf('2026-W10', sSun))));
  });

  it('windows', () => {
    const f = (b: ReturnType<typeof aWeek>) => officeFacts('standalone', { openingWeek: b.build() });
    rec('af.endsAt13', judge('opening.afternoon', f(aWeek().openWeekdays('08:00', '13:00'))));
    rec('af.12to1301', judge('opening.afternoon', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '12:00', '13:01'))));
    rec('af.satPm', judge('opening.afternoon', f(aWeek().openWeekdays('08:00', '12:00').open('sat', '13:00', '14:00'))));
    rec('afw.until1730', judge('opening.afternoon-for-working-people', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '14:00', '17:30'))));
    rec('afw.until1729', judge('opening.afternoon-for-working-people', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '14:00', '17:29'))));
    rec('afw.evening18-20', judge('opening.afternoon-for-working-people', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '18:00', '20:00'))));
    rec('afw.evening20-22', judge('opening.afternoon-for-working-people', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '20:00', '22:00'))));
    rec('af.evening20-22', judge('opening.afternoon', f(aWeek().openWeekdays('08:00', '12:00').open('thu', '20:00', '22:00'))));
    rec('afw.sat7-18', judge('opening.afternoon-for-working-people', f(aWeek().openWeekdays('08:00', '12:00').open('sat', '07:00', '18:00'))));
    rec('em.wedPmOnly', judge('opening.every-morning', f(aWeek().open(['mon', 'tue', 'thu', 'fri'], '08:00', '12:00').open('wed', '13:00', '18:00'))));
    rec('em.wed1259', judge('opening.every-morning', f(aWeek().open(['mon', 'tue', 'thu', 'fri'], '08:00', '12:00').open('wed', '12:59', '18:00'))));
    rec('em.early6-7', judge('opening.every-morning', f(aWeek().open(['mon', 'tue', 'thu', 'fri'], '08:00', '12:00').open('wed', '06:00', '07:00'))));
    rec('ed.wedEvening', judge('opening.every-weekday', f(aWeek().open(['mon', 'tue', 'thu', 'fri'], '08:00', '12:00').open('wed', '18:00', '19:00'))));
    rec('ed.wedClosedSatOpen', judge('opening.every-weekday', f(aWeek().open(['mon', 'tue', 'thu', 'fri', 'sat'], '08:00', '12:00'))));
  });

  it('tandem', () => {
    const minorSched = sched({ mon: ['08:00-12:00'], wed: ['08:00-12:00'], fri: ['08:00-12:00'] });
    const seatSched = sched({ mon: ['08:00-12:30'], tue: ['08:00-12:30'], wed: ['08:00-12:30'], thu: ['08:00-12:30', '14:00-18:00'], fri: ['08:00-12:30'] });
    const minor = (wk: string, seatClos: Record<string, any> = {}, ms = minorSched) => officeFacts('tandem-minor', {
      openingWeek: realOpeningWeek(weekOf(wk, ms)), seatOpeningWeek: realOpeningWeek(weekOf(wk, seatSched, seatClos)),
    }, 'breckerfeld', 'ennepetal');
    for (const id of ['tandem.minor-mornings', 'tandem.seat-access']) {
      rec(`${id}.W10`, judge(id, minor('2026-W10')));
      rec(`${id}.W14`, judge(id, minor('2026-W14')));
      rec(`${id}.W10.seatTueClosed`, judge(id, minor('2026-W10', { '2026-03-03': [{ from: null, to: null }] })));
    }
    // minor with only Tue afternoon (access that day) and 3 mornings
    const m2 = sched({ mon: ['08:00-12:00'], tue: ['14:00-16:00'], wed: ['08:00-12:00'], fri: ['08:00-12:00'] });
    rec('tandem.seat-access.minorTuePm.seatTueClosed', judge('tandem.seat-access', minor('2026-W10', { '2026-03-03': [{ from: null, to: null }] }, m2)));
    // Minor closes a scheduled day by closure: is that "no access"?
    const mf = officeFacts('tandem-minor', {
      openingWeek: realOpeningWeek(weekOf('2026-W10', minorSched, { '2026-03-04': [{ from: null, to: null }] })), seatOpeningWeek: realOpeningWeek(weekOf('2026-W10', seatSched, { '2026-03-04': [{ from: null, to: null }] })),
    }, 'breckerfeld', 'ennepetal');
    rec('tandem.seat-access.bothClosedWed', judge('tandem.seat-access', mf));
    rec('tandem.minor-mornings.closedWed', judge('tandem.minor-mornings', mf));
    // Which rules apply to the minor / seat
    const all = evaluate(realCatalog(), minor('2026-W10'));
    out.minorApplicable = all.filter((f) => f.status !== 'not_applicable').map((f) => f.ruleId);
    const seatAll = evaluate(realCatalog(), officeFacts('tandem-seat', { openingWeek: realOpeningWeek(weekOf('2026-W10', seatSched)) }));
    out.seatApplicable = seatAll.filter((f) => f.status !== 'not_applicable').map((f) => `${f.ruleId}:${f.status}`);
  });

  it('hotline DST & holidays', () => {
    const rec8to17 = (dates: string[], offsetH: number, by: 'staff' | 'call_centre' = 'staff') => dates.map((d, i) => ({
      id: `${d}-${i}`, coveredBy: by,
      start: new Date(`${d}T${String(8 - offsetH).padStart(2, '0')}:00:00Z`), end: new Date(`${d}T${String(17 - offsetH).padStart(2, '0')}:00:00Z`),
    }));
    const wd = (isoWeek: string) => isoWeekDates(isoWeek).slice(0, 5).map((date) => ({ date, weekday: weekdayOf(date), holiday: publicHolidaysNrw(2026).get(date) }));
    const h = (isoWeek: string, recs: any[]) => officeFacts('standalone', { hotlineWeek: hotlineWeek(wd(isoWeek), recs) });
    rec('hot.W13.CET', judge('hotline.employer-service-hours', h('2026-W13', rec8to17(isoWeekDates('2026-W13').slice(0, 5), 1))));
    rec('hot.W14.CEST.goodFriday', judge('hotline.employer-service-hours', h('2026-W14', rec8to17(isoWeekDates('2026-W14').slice(0, 4), 2))));
    rec('hot.W14.wrongOffset', judge('hotline.employer-service-hours', h('2026-W14', rec8to17(isoWeekDates('2026-W14').slice(0, 4), 1))));
    rec('hot.W44.CET', judge('hotline.employer-service-hours', h('2026-W44', rec8to17(isoWeekDates('2026-W44').slice(0, 5), 1))));
    rec('hot.W43.CEST', judge('hotline.employer-service-hours', h('2026-W43', rec8to17(isoWeekDates('2026-W43').slice(0, 5), 2))));
    // record spanning the DST Sunday: Fri 27 Mar 08:00 CET .. Mon 30 Mar 17:00 CEST
    const span = [{ id: 'x', coveredBy: 'call_centre' as const, start: new Date('2026-03-27T07:00:00Z'), end: new Date('2026-03-30T15:00:00Z') }];
    rec('hot.W14.spanFromPrevWeek', judge('hotline.employer-service-hours', h('2026-W14', [...span, ...rec8to17(['2026-03-31', '2026-04-01', '2026-04-02'], 2)])));
    rec('hot.W52.xmas', judge('hotline.employer-service-hours', h('2026-W52', rec8to17(['2026-12-21', '2026-12-22', '2026-12-23'], 1))));
    rec('hot.W52.xmasWith24', judge('hotline.employer-service-hours', h('2026-W52', rec8to17(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24'], 1))));
    rec('staff.callCentreOnly', judge('hotline.staff-availability', h('2026-W13', rec8to17(isoWeekDates('2026-W13').slice(0, 5), 1, 'call_centre'))));
    rec('hot.callCentreOnly', judge('hotline.employer-service-hours', h('2026-W13', rec8to17(isoWeekDates('2026-W13').slice(0, 5), 1, 'call_centre'))));
    rec('share.callCentreOnly', judge('hotline.forwarding-share', h('2026-W13', rec8to17(isoWeekDates('2026-W13').slice(0, 5), 1, 'call_centre'))));
    // staff 08:00-12:00 (44%) + call centre rest
    const mixed = aHotlineWeek('2026-03-23').coveredEveryWeekday('08:00', '12:00', 'staff').coveredEveryWeekday('12:00', '17:00', 'call_centre').build();
    rec('staff.44pct', judge('hotline.staff-availability', officeFacts('standalone', { hotlineWeek: mixed })));
    rec('hot.44pct', judge('hotline.employer-service-hours', officeFacts('standalone', { hotlineWeek: mixed })));
    const half = aHotlineWeek('2026-03-23').coveredEveryWeekday('08:00', '12:30', 'staff').coveredEveryWeekday('12:30', '17:00', 'call_centre').build();
    rec('staff.50pct', judge('hotline.staff-availability', officeFacts('standalone', { hotlineWeek: half })));
    // hotline staff: tandem-minor applicable?
    rec('hot.minor', judge('hotline.employer-service-hours', officeFacts('tandem-minor', { hotlineWeek: half })));
  });

  it('time share & 1:1', () => {
    const f = (o: Array<[number, number]>) => officeFacts('standalone', { timeShare: timeShare('2026-03', o) });
    rec('ts.45,46,48,100,0', judge('employer-service.time-share', f([[45, 100], [46, 100], [48, 100], [100, 100], [0, 100]]), { period: '2026-03' }));
    rec('ts.all45', judge('employer-service.time-share', f([[45, 100], [45, 100], [45, 100]]), { period: '2026-03' }));
    rec('ts.all50', judge('employer-service.time-share', f([[50, 100], [50, 100], [50, 100]]), { period: '2026-03' }));
    rec('ts.2of3at50', judge('employer-service.time-share', f([[50, 100], [50, 100], [10, 100]]), { period: '2026-03' }));
    rec('121.15pct', judge('placement.one-to-one', f([[50, 100], [50, 100], [15, 100]]), { period: '2026-03' }));
    rec('121.2people', judge('placement.one-to-one', f([[0, 100], [0, 100]]), { period: '2026-03' }));
  });

  it('district core', () => {
    const planned = (spec: Partial<Record<Weekday, string[]>>) => plannedWeek(weekOf('2026-W10', sched(spec)));
    const offices = ['witten', 'hattingen', 'herdecke', 'wetter', 'schwelm', 'ennepetal', 'gevelsberg'].map((id) => ({ id, name: id, role: (id === 'ennepetal' || id === 'gevelsberg' ? 'tandem-seat' : 'standalone') as any, plannedWeek: planned({ mon: ['08:00-09:30'], tue: ['08:00-09:30'], wed: ['08:00-09:30'], thu: ['08:00-09:30'], fri: ['08:00-09:30'] }) }));
    const [f] = evaluateDistrict(realCatalog(), { offices }, { period: '2026-W10', ruleIds: ['opening.district-core-hours'] });
    rec('core.7.5h', f);
  });
});

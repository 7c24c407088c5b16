import { evaluate, type Weekday } from '../engine';
import { loadCatalogFromDir } from '../standards/catalog.service';
import { isoWeekDates, publicHolidaysNrw, weekdayOf } from '../calendar';
import { actualDay, hotlineWeek, realOpeningWeek, type CoverageRecord, type DayInput } from './real-week.facts';
import { weeksOfMonth } from './judgement-period';

const catalog = loadCatalogFromDir();
const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const interval = (s: string) => ({ from: hm(s.split('-')[0]), to: hm(s.split('-')[1]) });

/** Monday to Friday 08:00–12:30, Thursday also 14:00–18:00: 26.5 h, every standard met. */
const regular = {
  id: 'v1',
  week: {
    mon: [interval('08:00-12:30')],
    tue: [interval('08:00-12:30')],
    wed: [interval('08:00-12:30')],
    thu: [interval('08:00-12:30'), interval('14:00-18:00')],
    fri: [interval('08:00-12:30')],
    sat: [],
    sun: [],
  },
};

function weekOf(isoWeek: string, closures: Record<string, Array<{ from: number | null; to: number | null }>> = {}): DayInput[] {
  return isoWeekDates(isoWeek).map((date) => ({
    date,
    weekday: weekdayOf(date),
    schedule: regular,
    closures: (closures[date] ?? []).map((c, i) => ({ id: `${date}-${i}`, ...c })),
    holiday: publicHolidaysNrw(Number(date.slice(0, 4))).get(date),
  }));
}

function judge(days: DayInput[], ruleId: string) {
  const facts = { office: { id: 'witten', role: 'standalone' as const }, openingWeek: realOpeningWeek(days) };
  return evaluate(catalog, facts, { ruleIds: [ruleId] })[0];
}

describe('a real week of opening', () => {
  it('subtracts a closure from the schedule, so a closed morning breaks the morning rule', () => {
    const days = weekOf('2026-W47', { '2026-11-18': [{ from: hm('08:00'), to: hm('11:00') }] });
    expect(actualDay(days[2]).opening).toEqual([interval('11:00-12:30')]);
    const finding = judge(days, 'opening.every-morning');
    expect(finding.status).toBe('non_compliant');
    expect(finding.message).toContain('Mittwoch');
    expect(realOpeningWeek(days)!.sources).toEqual(['schedule:v1', 'closure:2026-11-18-0']);
  });

  it('treats a whole-day closure as closed all day', () => {
    const days = weekOf('2026-W47', { '2026-11-20': [{ from: null, to: null }] });
    expect(actualDay(days[4]).opening).toEqual([]);
    expect(judge(days, 'opening.every-weekday').status).toBe('non_compliant');
  });

  it('excuses Good Friday and requires 17.2 h in that week', () => {
    const days = weekOf('2026-W14'); // 30 March – 5 April 2026, Good Friday 3 April
    expect(actualDay(days[4])).toEqual({ date: '2026-04-03', weekday: 'fri', opening: [], excused: 'Karfreitag' });
    const weekly = judge(days, 'opening.weekly-minimum');
    expect(weekly).toMatchObject({ status: 'compliant', measured: 22, required: 17.2 });
    expect(judge(days, 'opening.every-weekday').status).toBe('compliant');
  });

  it('excuses Corpus Christi in NRW (4 June 2026)', () => {
    const days = weekOf('2026-W23');
    expect(days[3].holiday).toBe('Fronleichnam');
    // Thursday carried the only afternoon: with it excused, the week has no afternoon opening left.
    expect(judge(days, 'opening.weekly-minimum')).toMatchObject({ status: 'compliant', measured: 18, required: 17.2 });
    expect(judge(days, 'opening.afternoon').status).toBe('non_compliant');
  });

  it('does not excuse 24 December, which is no public holiday', () => {
    const days = weekOf('2026-W52'); // 21–27 December: 24 Thu is a working day, 25 Fri is Christmas
    expect(days[3].holiday).toBeUndefined();
    expect(days[4].holiday).toBe('1. Weihnachtstag');
    expect(judge(days, 'opening.weekly-minimum')).toMatchObject({ measured: 22, required: 17.2 });
  });

  it('has no evidence when no schedule is in force on any day', () => {
    const days = weekOf('2026-W47').map((d) => ({ ...d, schedule: undefined }));
    expect(realOpeningWeek(days)).toBeUndefined();
    expect(judge(days, 'opening.weekly-minimum').status).toBe('insufficient_data');
  });
});

describe('a real week of hotline coverage', () => {
  const weekdays = (isoWeek: string) =>
    isoWeekDates(isoWeek)
      .slice(0, 5)
      .map((date) => ({ date, weekday: weekdayOf(date) as Weekday, holiday: publicHolidaysNrw(Number(date.slice(0, 4))).get(date) }));
  const utc = (date: string, from: string, to: string, coveredBy: CoverageRecord['coveredBy'] = 'staff'): CoverageRecord => ({
    id: `${date}-${from}`,
    start: new Date(`${date}T${from}:00Z`),
    end: new Date(`${date}T${to}:00Z`),
    coveredBy,
  });
  const judgeHotline = (isoWeek: string, records: CoverageRecord[]) =>
    evaluate(catalog, { office: { id: 'witten', role: 'standalone' }, hotlineWeek: hotlineWeek(weekdays(isoWeek), records) }, { ruleIds: ['hotline.employer-service-hours'] })[0];

  it('reads UTC instants on the Berlin clock before the spring change (UTC+1)', () => {
    const records = isoWeekDates('2026-W13').slice(0, 5).map((d) => utc(d, '07:00', '16:00'));
    expect(judgeHotline('2026-W13', records).status).toBe('compliant');
  });

  it('finds the first hour uncovered after the spring change (UTC+2) when the same UTC times are sent', () => {
    const dates = isoWeekDates('2026-W14').slice(0, 5); // Good Friday excused
    const facts = hotlineWeek(weekdays('2026-W14'), dates.map((d) => utc(d, '07:00', '16:00')));
    expect(facts.days[0].covered).toEqual([{ from: hm('09:00'), to: hm('18:00'), coveredBy: 'staff' }]);
    const finding = judgeHotline('2026-W14', dates.map((d) => utc(d, '07:00', '16:00')));
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 4 * 60 });
  });

  it('reads the same UTC times as 08:00–17:00 after the autumn change (UTC+1)', () => {
    const w43 = isoWeekDates('2026-W43').slice(0, 5).map((d) => utc(d, '06:00', '15:00'));
    const w44 = isoWeekDates('2026-W44').slice(0, 5).map((d) => utc(d, '07:00', '16:00'));
    expect(judgeHotline('2026-W43', w43).status).toBe('compliant');
    expect(judgeHotline('2026-W44', w44).status).toBe('compliant');
  });

  it('finds a gap of a few minutes', () => {
    const records = isoWeekDates('2026-W47').slice(0, 5).flatMap((d) => [utc(d, '07:00', '11:00'), utc(d, '11:04', '16:00', 'call_centre')]);
    const finding = judgeHotline('2026-W47', records);
    expect(finding).toMatchObject({ status: 'non_compliant', measured: 20 });
  });

  it('never credits a partial minute', () => {
    const records = isoWeekDates('2026-W47').slice(0, 5).map((d) => ({ ...utc(d, '07:00', '16:00'), start: new Date(`${d}T07:00:30Z`) }));
    expect(judgeHotline('2026-W47', records)).toMatchObject({ status: 'non_compliant', measured: 5 });
  });

  it('counts a record crossing midnight on both days', () => {
    const facts = hotlineWeek(weekdays('2026-W47'), [{ id: 'x', start: new Date('2026-11-16T20:00:00Z'), end: new Date('2026-11-17T17:00:00Z'), coveredBy: 'call_centre' }]);
    expect(facts.days[0].covered).toEqual([{ from: hm('21:00'), to: 1440, coveredBy: 'call_centre' }]);
    expect(facts.days[1].covered).toEqual([{ from: 0, to: hm('18:00'), coveredBy: 'call_centre' }]);
  });

  it('has no evidence without records', () => {
    expect(judgeHotline('2026-W47', []).status).toBe('insufficient_data');
  });
});

describe('weeks of a month', () => {
  it('gives each ISO week to the month holding its Thursday', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    expect(weeksOfMonth('2027-01')).toEqual(['2027-W01', '2027-W02', '2027-W03', '2027-W04']);
  });
});

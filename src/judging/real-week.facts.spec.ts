import { DateTime } from 'luxon';
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
  const facts = { office: { id: 'witten', name: 'Witten', role: 'standalone' as const }, openingWeek: realOpeningWeek(days) };
  return evaluate(catalog, facts, { ruleIds: [ruleId] })[0];
}

describe('a real week of opening', () => {
  it('subtracts a closure from the schedule, so a closed morning breaks the morning rule', () => {
    const days = weekOf('2026-W47', { '2026-11-18': [{ from: hm('08:00'), to: hm('12:30') }] });
    expect(actualDay(days[2]).opening).toEqual([]);
    const finding = judge(days, 'opening.every-morning');
    expect(finding.status).toBe('non_compliant');
    expect(finding.message).toContain('Mittwoch');
    expect(realOpeningWeek(days)!.sources).toEqual(['schedule:v1', 'closure:2026-11-18-0']);
  });

  it('a morning shortened by a closure to 11:00–12:30 is still a morning (no minimum length)', () => {
    const days = weekOf('2026-W47', { '2026-11-18': [{ from: hm('08:00'), to: hm('11:00') }] });
    expect(actualDay(days[2]).opening).toEqual([interval('11:00-12:30')]);
    expect(judge(days, 'opening.every-morning').status).toBe('compliant');
  });

  it('treats a whole-day closure as closed all day', () => {
    const days = weekOf('2026-W47', { '2026-11-20': [{ from: null, to: null }] });
    expect(actualDay(days[4]).opening).toEqual([]);
    expect(judge(days, 'opening.every-weekday').status).toBe('non_compliant');
  });

  it('credits Good Friday with its scheduled hours; the minimum stays 21,5 h (2026-W14)', () => {
    const days = weekOf('2026-W14'); // 30 March – 5 April 2026, Good Friday 3 April
    expect(actualDay(days[4])).toEqual({ date: '2026-04-03', weekday: 'fri', opening: [], holiday: 'Karfreitag', scheduled: [interval('08:00-12:30')] });
    const weekly = judge(days, 'opening.weekly-minimum');
    expect(weekly).toMatchObject({ status: 'compliant', measured: 26.5, required: 21.5 });
    expect(weekly.evidence.holidays).toEqual([{ date: '2026-04-03', weekday: 'fri', name: 'Karfreitag', credited: true, creditedHours: 4.5 }]);
    expect(judge(days, 'opening.every-weekday')).toMatchObject({ status: 'compliant', measured: 5 });
  });

  it('credits Corpus Christi in NRW (4 June 2026), which carried the only afternoon', () => {
    const days = weekOf('2026-W23');
    expect(days[3].holiday).toBe('Fronleichnam');
    expect(judge(days, 'opening.weekly-minimum')).toMatchObject({ status: 'compliant', measured: 26.5, required: 21.5 });
    expect(judge(days, 'opening.afternoon').status).toBe('compliant');
    expect(judge(days, 'opening.afternoon-for-working-people').status).toBe('compliant');
  });

  it('ignores a closure recorded on a public holiday, but not on the other days', () => {
    const days = weekOf('2026-W23', { '2026-06-04': [{ from: null, to: null }], '2026-06-02': [{ from: hm('08:00'), to: hm('12:30') }] });
    expect(judge(days, 'opening.weekly-minimum')).toMatchObject({ measured: 22 });
    expect(realOpeningWeek(days)!.sources).toEqual(['schedule:v1', 'closure:2026-06-02-0']);
  });

  it('does not excuse 24 December, which is no public holiday', () => {
    const days = weekOf('2026-W52'); // 21–27 December: 24 Thu is a working day, 25 Fri and 26 Sat are holidays
    expect(days[3].holiday).toBeUndefined();
    expect(days[4].holiday).toBe('1. Weihnachtstag');
    expect(days[5].holiday).toBe('2. Weihnachtstag');
    expect(judge(days, 'opening.weekly-minimum')).toMatchObject({ measured: 26.5, required: 21.5 });
  });

  it('has no evidence, not a closed Monday, when the first schedule starts on a Wednesday', () => {
    const days = weekOf('2026-W47').map((d) => (d.date < '2026-11-18' ? { ...d, schedule: undefined } : d));
    expect(realOpeningWeek(days)).toBeUndefined();
    expect(judge(days, 'opening.every-weekday').status).toBe('insufficient_data');
    expect(judge(days, 'opening.weekly-minimum').status).toBe('insufficient_data');
    expect(judge(days, 'opening.every-morning').status).toBe('insufficient_data');
  });

  it('has no evidence when the schedule ends before Friday', () => {
    const days = weekOf('2026-W47').map((d) => (d.date > '2026-11-19' ? { ...d, schedule: undefined } : d));
    expect(realOpeningWeek(days)).toBeUndefined();
  });

  it('has no evidence when a public holiday has no schedule in force: its hours cannot be credited', () => {
    const days = weekOf('2026-W14').map((d) => (d.date >= '2026-04-03' ? { ...d, schedule: undefined } : d)); // from Good Friday
    expect(realOpeningWeek(days)).toBeUndefined();
    expect(judge(days, 'opening.every-weekday').status).toBe('insufficient_data');
  });

  it('counts a Saturday without a schedule as closed', () => {
    const days = weekOf('2026-W47').map((d) => (d.weekday === 'sat' || d.weekday === 'sun' ? { ...d, schedule: undefined } : d));
    expect(realOpeningWeek(days)!.days[5]).toMatchObject({ weekday: 'sat', opening: [] });
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
    evaluate(catalog, { office: { id: 'witten', name: 'Witten', role: 'standalone' }, hotlineWeek: hotlineWeek(weekdays(isoWeek), records) }, { ruleIds: ['hotline.employer-service-hours'] })[0];

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

  it('reads instants on the Berlin clock exactly as a zoned DateTime would, also across both clock changes', () => {
    // Every weekday, including the Sundays of the changes, cut by the old per-record luxon conversion.
    const referenceDay = (date: string, records: CoverageRecord[]) => {
      const dayStart = DateTime.fromISO(date, { zone: 'Europe/Berlin' }).startOf('day');
      const next = dayStart.plus({ days: 1 }).startOf('day');
      const minute = (instant: Date, edge: 'start' | 'end') => {
        const t = DateTime.fromJSDate(instant, { zone: 'Europe/Berlin' });
        if (t <= dayStart) return 0;
        if (t >= next) return 1440;
        return t.hour * 60 + t.minute + (edge === 'start' && (t.second > 0 || t.millisecond > 0) ? 1 : 0);
      };
      return records
        .filter((r) => r.start.getTime() < next.toMillis() && r.end.getTime() > dayStart.toMillis())
        .map((r) => ({ from: minute(r.start, 'start'), to: minute(r.end, 'end'), coveredBy: r.coveredBy }))
        .filter((i) => i.to > i.from);
    };
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const isoWeek of ['2026-W13', '2026-W43', '2026-W47']) {
      const dates = isoWeekDates(isoWeek);
      const from = DateTime.fromISO(dates[0], { zone: 'Europe/Berlin' }).toMillis() - 3_600_000;
      const records: CoverageRecord[] = Array.from({ length: 400 }, (_, i) => {
        const start = from + Math.floor(random() * 8.5 * 86_400_000);
        // whole minutes, whole seconds and odd milliseconds alike
        const round = [60_000, 1000, 1][i % 3];
        const s = Math.floor(start / round) * round;
        return { id: `r${i}`, start: new Date(s), end: new Date(s + Math.floor(random() * 6 * 3_600_000)), coveredBy: i % 2 ? 'staff' : 'call_centre' };
      });
      // records at and around the changes themselves (01:00 UTC)
      for (const edge of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
        const t = Date.parse(edge);
        for (const d of [-3_600_001, -60_000, -1, 0, 1, 59_999, 60_000, 1_800_000, 3_600_000]) {
          records.push({ id: `e${t + d}`, start: new Date(t + d), end: new Date(t + d + 5_400_000), coveredBy: 'staff' });
          records.push({ id: `f${t + d}`, start: new Date(t - 5_400_000), end: new Date(t + d), coveredBy: 'staff' });
        }
      }
      const all = dates.map((date) => ({ date, weekday: weekdayOf(date) as Weekday }));
      const facts = hotlineWeek(all, records);
      all.forEach((d, i) => expect({ date: d.date, covered: facts.days[i].covered }).toEqual({ date: d.date, covered: referenceDay(d.date, records) }));
    }
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

import { isCalendarDate, isoWeekDates, isoWeekOf, monthDates, parseIsoWeek, parseMonth, weekdayOf, ZONE } from './calendar-periods';
import { DateTime } from 'luxon';

describe('ISO weeks in Europe/Berlin', () => {
  it('lists Monday to Sunday of a week', () => {
    expect(isoWeekDates('2026-W14')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
  });

  it('2026 has a 53rd week reaching into 2027', () => {
    expect(isoWeekDates('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
  });

  it('week 1 of 2026 starts in December 2025', () => {
    expect(isoWeekDates('2026-W01')[0]).toBe('2025-12-29');
  });

  it('a week containing the change to summer time still has seven dates', () => {
    expect(isoWeekDates('2026-W13')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
  });

  it.each(['2025-W53', '2026-W54', '2026-W00', '2026-W5', '2026W05', '2026-w05', '', 'W05-2026'])('rejects %j', (text) => {
    expect(parseIsoWeek(text)).toBeNull();
    expect(() => isoWeekDates(text)).toThrow(RangeError);
  });

  it('accepts a valid week', () => {
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
  });
});

describe('weeks and months by plain date arithmetic', () => {
  // The dates are computed without luxon (an audit asks for every week at once); luxon's own ISO
  // calendar is the reference here, for every week and month of 2000–2099 and a few far years.
  const years = [...Array.from({ length: 100 }, (_, i) => 2000 + i), 1900, 1999, 2400, 2999];
  it('gives the same dates as luxon for every ISO week and month', () => {
    for (const year of years) {
      const weeks = DateTime.fromObject({ weekYear: year, weekNumber: 1 }, { zone: ZONE }).weeksInWeekYear;
      for (let week = 1; week <= weeks; week++) {
        const id = `${year}-W${String(week).padStart(2, '0')}`;
        const monday = DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: ZONE });
        expect({ id, dates: isoWeekDates(id) }).toEqual({ id, dates: Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toISODate()) });
      }
      for (let month = 1; month <= 12; month++) {
        const id = `${year}-${String(month).padStart(2, '0')}`;
        const first = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE });
        expect({ id, dates: monthDates(id) }).toEqual({ id, dates: Array.from({ length: first.daysInMonth! }, (_, i) => first.plus({ days: i }).toISODate()) });
      }
    }
  });

  it('does not take a year below 100 for one of the 1900s', () => {
    expect(isoWeekDates('0050-W10')[0].slice(0, 4)).toBe('0050');
  });
});

describe('months', () => {
  it('lists every day of a month', () => {
    const dates = monthDates('2026-11');
    expect(dates).toHaveLength(30);
    expect([dates[0], dates[29]]).toEqual(['2026-11-01', '2026-11-30']);
  });

  it('knows leap years', () => {
    expect(monthDates('2028-02')).toHaveLength(29);
    expect(monthDates('2026-02')).toHaveLength(28);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-11', '2026/11', ''])('rejects %j', (text) => {
    expect(parseMonth(text)).toBeNull();
    expect(() => monthDates(text)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it.each([
    ['2026-04-03', 'fri'],
    ['2026-06-04', 'thu'],
    ['2026-12-27', 'sun'],
  ] as const)('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each(['2026-02-30', '2026-4-3', 'heute'])('rejects %j', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});

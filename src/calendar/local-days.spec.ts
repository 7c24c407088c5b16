import { DateTime } from 'luxon';
import { isCalendarDate, weekdayOf } from './calendar-periods';
import { LocalCalendar, localDay, wallClockMinute } from './local-days';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });

describe('dates without DateTime', () => {
  it('agrees with luxon on the weekday and validity of every date 1899–2101', () => {
    for (let d = DateTime.fromISO('1899-01-01', { zone: 'utc' }); d.year < 2102; d = d.plus({ days: 1 })) {
      const date = d.toISODate()!;
      if (!isCalendarDate(date) || weekdayOf(date) !== ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][d.weekday - 1]) throw new Error(date);
    }
  });

  it.each(['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '0000-13-01'])('rejects %j like luxon', (date) => {
    expect(isCalendarDate(date)).toBe(false);
    expect(berlin(date).isValid).toBe(false);
  });

  it.each(['2028-02-29', '2000-02-29', '1904-02-29', '9999-12-31'])('accepts %j like luxon', (date) => {
    expect(isCalendarDate(date)).toBe(true);
    expect(berlin(date).isValid).toBe(true);
    expect(weekdayOf(date)).toBe(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][berlin(date).weekday - 1]);
  });
});

describe('local days in Europe/Berlin', () => {
  it('bounds an ordinary day by its local midnights, without a clock change', () => {
    const day = localDay('2026-11-18');
    expect(day).toMatchObject({ date: '2026-11-18', weekday: 'wed', start: Date.parse('2026-11-17T23:00:00Z'), end: Date.parse('2026-11-18T23:00:00Z') });
    expect(day.transition).toBeUndefined();
    expect(day.holiday).toBeUndefined();
    expect(localDay('2026-04-03').holiday).toBe('Karfreitag');
  });

  it('has 23 hours on 29 March and 25 on 25 October 2026, changing at 01:00 UTC', () => {
    const spring = localDay('2026-03-29');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect(spring.transition).toBe(Date.parse('2026-03-29T01:00:00Z'));
    const autumn = localDay('2026-10-25');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
    expect(autumn.transition).toBe(Date.parse('2026-10-25T01:00:00Z'));
  });

  it('reads every minute (and a second into it) of the change days and their neighbours like a zoned DateTime', () => {
    for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
      const day = localDay(date);
      for (let t = day.start - 120_000; t <= day.end + 120_000; t += 30_000) {
        for (const edge of ['start', 'end'] as const) {
          const dt = DateTime.fromMillis(t, { zone: 'Europe/Berlin' });
          const expected = t <= day.start ? 0 : t >= day.end ? 1440 : dt.hour * 60 + dt.minute + (edge === 'start' && dt.second > 0 ? 1 : 0);
          if (wallClockMinute(day, t, edge) !== expected) throw new Error(`${date} ${new Date(t).toISOString()} ${edge}`);
        }
      }
    }
    // 25 October: 02:30 comes twice, an hour apart
    const autumn = localDay('2026-10-25');
    expect(wallClockMinute(autumn, Date.parse('2026-10-25T00:30:00Z'), 'start')).toBe(150);
    expect(wallClockMinute(autumn, Date.parse('2026-10-25T01:30:00Z'), 'start')).toBe(150);
  });
});

describe('a calendar for an audited range', () => {
  it('computes each day and week once and keeps only those of its range', () => {
    const calendar = new LocalCalendar('2026-11-01', '2026-11-30');
    expect(calendar.day('2026-11-18')).toBe(calendar.day('2026-11-18'));
    expect(calendar.day('2026-12-18')).not.toBe(calendar.day('2026-12-18'));
    expect(calendar.day('2026-12-18')).toEqual(localDay('2026-12-18'));
    expect(calendar.weekDates('2026-W47')).toBe(calendar.weekDates('2026-W47'));
    expect(calendar.weekDates('2026-W49')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(calendar.weekDates('2026-W52')).not.toBe(calendar.weekDates('2026-W52'));
    expect(() => calendar.weekDates('2026-W54')).toThrow(RangeError);
    expect(() => calendar.day('2026-02-30')).toThrow(RangeError);
  });
});

import { publicHolidays, publicHolidaysNrw } from './nrw-holidays';

describe('public holidays in North Rhine-Westphalia', () => {
  const holidays2026 = publicHolidaysNrw(2026);

  it.each([
    ['2026-01-01', 'Neujahr'],
    ['2026-04-03', 'Karfreitag'],
    ['2026-04-06', 'Ostermontag'],
    ['2026-06-04', 'Fronleichnam'],
    ['2026-11-01', 'Allerheiligen'],
    ['2026-12-25', '1. Weihnachtstag'],
    ['2026-12-26', '2. Weihnachtstag'],
  ])('%s is a public holiday (%s)', (date, name) => {
    expect(holidays2026.get(date)).toBe(name);
  });

  it.each([
    ['2026-12-24', 'Christmas Eve is only a bank holiday'],
    ['2026-12-31', "New Year's Eve is only a bank holiday"],
    ['2026-02-16', 'Rosenmontag is only an observance'],
  ])('%s is no public holiday: %s', (date) => {
    expect(holidays2026.has(date)).toBe(false);
  });

  it('has eleven public holidays in 2026', () => {
    expect(holidays2026.size).toBe(11);
  });

  it('depends on the state: Corpus Christi is no holiday in Berlin', () => {
    expect(publicHolidays(2026, 'DE', 'BE').has('2026-06-04')).toBe(false);
  });

  it('is memoised per year but cannot be changed by a caller', () => {
    publicHolidaysNrw(2027).set('2027-07-07', 'erfunden');
    expect(publicHolidaysNrw(2027).has('2027-07-07')).toBe(false);
  });

  it('rejects a nonsense year', () => {
    expect(() => publicHolidaysNrw(20.5)).toThrow(RangeError);
  });
});

import { formatClock, formatHours, formatWeekdays, joinGerman, parseClock, parseWeekdays } from './time';

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('parses %s as %i minutes', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
    expect(formatClock(minutes)).toBe(text);
  });

  it.each(['24:01', '25:00', '8:30', '08:60', '0830', '', '08:30 Uhr'])('rejects %j', (text) => {
    expect(parseClock(text)).toBeNull();
  });
});

describe('German number formatting', () => {
  it.each([
    [1200, '20,0'],
    [1290, '21,5'],
    [1275, '21,25'],
    [1032, '17,2'],
    [20, '0,33'],
    [0, '0,0'],
  ])('formats %i minutes as %s hours', (minutes, text) => {
    expect(formatHours(minutes)).toBe(text);
  });

  it.each([
    [[], ''],
    [['Montag'], 'Montag'],
    [['Montag', 'Freitag'], 'Montag und Freitag'],
    [['Montag', 'Mittwoch', 'Freitag'], 'Montag, Mittwoch und Freitag'],
  ])('joins %j as %j', (items, text) => {
    expect(joinGerman(items)).toBe(text);
  });
});

describe('German lists of weekdays', () => {
  it.each([
    ['Mo-Fr', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['Mo–Sa', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']],
    ['Mo, Mi, Fr', ['mon', 'wed', 'fri']],
    ['mo-mi,fr', ['mon', 'tue', 'wed', 'fri']],
    ['Sa', ['sat']],
  ])('reads %s', (text, days) => {
    expect(parseWeekdays(text)).toEqual(days);
  });

  it.each(['', 'Mon-Fri', 'Fr-Mo', 'Mo-Di-Mi', 'Mo,,Fr'])('refuses %j', (text) => {
    expect(parseWeekdays(text)).toBeNull();
  });

  it.each([
    [['mon', 'tue', 'wed', 'thu', 'fri'], 'Mo–Fr'],
    [['mon', 'wed', 'fri'], 'Mo, Mi, Fr'],
    [['mon', 'tue', 'wed', 'fri'], 'Mo–Mi, Fr'],
    [['mon', 'tue'], 'Mo, Di'],
  ] as const)('writes %j as %s', (days, text) => {
    expect(formatWeekdays(days)).toBe(text);
  });
});

import { DateTime } from 'luxon';
import { missingBerlinWallClock, parseBerlinInstant } from './berlin-instant';

const utc = (text: string) => {
  const r = parseBerlinInstant(text);
  if (!r.ok) throw new Error(r.message);
  return r.instant.toUTC().toISO();
};
const rejection = (text: string) => {
  const r = parseBerlinInstant(text);
  if (r.ok) throw new Error(`accepted ${text} as ${r.instant.toISO()}`);
  return r.message;
};

describe('parseBerlinInstant', () => {
  it.each([
    ['2026-03-29T06:00:00Z', '2026-03-29T06:00:00.000Z'],
    ['2026-03-29T06:00z', '2026-03-29T06:00:00.000Z'],
    ['2026-03-29T08:00+02:00', '2026-03-29T06:00:00.000Z'],
    ['2026-03-29T08:00+0200', '2026-03-29T06:00:00.000Z'],
    ['2026-03-29T08:00:30.250+02', '2026-03-29T06:00:30.250Z'],
  ])('takes %s with an offset as written', (text, expected) => {
    expect(utc(text)).toBe(expected);
  });

  it.each([
    ['a winter morning', '2026-01-15T08:00', '2026-01-15T07:00:00.000Z'],
    ['a summer morning', '2026-07-15T08:00', '2026-07-15T06:00:00.000Z'],
    ['the morning after clocks go forward', '2026-03-29T08:00', '2026-03-29T06:00:00.000Z'],
    ['the last minute before the spring gap', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['the first minute after the spring gap', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['the morning after clocks go back', '2026-10-25T08:00', '2026-10-25T07:00:00.000Z'],
    ['a time written with a space instead of T', '2026-01-15 08:00:00', '2026-01-15T07:00:00.000Z'],
    ['the end of a day written as 24:00', '2026-03-28T24:00', '2026-03-28T23:00:00.000Z'],
    ['the end of the short spring day written as 24:00', '2026-03-29T24:00', '2026-03-29T22:00:00.000Z'],
  ])('reads %s as Berlin wall clock', (_label, text, expected) => {
    expect(utc(text)).toBe(expected);
  });

  it('reads an ambiguous autumn time as its first occurrence (summer time)', () => {
    expect(utc('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25T02:00')).toBe('2026-10-25T00:00:00.000Z');
    // the second occurrence needs the offset
    expect(utc('2026-10-25T02:30+01:00')).toBe('2026-10-25T01:30:00.000Z');
    expect(utc('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects a local time inside the spring gap with a German explanation', () => {
    expect(rejection('2026-03-29T02:30')).toMatch(/gibt es in Berlin nicht.*Sommerzeit/);
    expect(rejection('2026-03-29T02:00')).toMatch(/gibt es in Berlin nicht/);
    // with an offset it is a valid instant
    expect(utc('2026-03-29T02:30+01:00')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['2026-03-29', '29.03.2026 08:00', '2026-03-29T8:00', '2026-03-29T08:00+2', 'morgen', ''])('rejects %j as not a date-time', (text) => {
    expect(rejection(text)).toMatch(/JJJJ-MM-TTTHH:MM/);
  });

  it('rejects dates and clock times that do not exist', () => {
    expect(rejection('2026-02-30T08:00')).toMatch(/kein gültiges Kalenderdatum/);
    expect(rejection('2026-03-02T25:00')).toMatch(/keine gültige Uhrzeit/);
    expect(rejection('2026-03-02T24:30')).toMatch(/keine gültige Uhrzeit/);
    expect(rejection('2026-03-02T08:60')).toMatch(/keine gültige Uhrzeit/);
  });

  it.each([
    ['seconds', '2026-03-30T08:00:60', '08:00:60 ist keine gültige Uhrzeit: die Sekunden (60) gehen nur bis 59'],
    ['minutes', '2026-03-30T08:60', '08:60 ist keine gültige Uhrzeit: die Minuten (60) gehen nur bis 59'],
    ['minutes, with seconds written', '2026-03-30T08:75:00Z', '08:75:00 ist keine gültige Uhrzeit: die Minuten (75) gehen nur bis 59'],
    ['hours', '2026-03-30T25:00', '25:00 ist keine gültige Uhrzeit (00:00 bis 23:59, als Ende auch 24:00)'],
    ['the end of the day with seconds', '2026-03-30T24:00:30', '24:00:30 ist keine gültige Uhrzeit (00:00 bis 23:59, als Ende auch 24:00)'],
  ])('names the part of the clock time that is out of range: %s', (_label, text, expected) => {
    expect(rejection(text)).toBe(expected);
  });

  it('agrees with luxon on every quarter hour of two years, with and without an offset', () => {
    // The common cases take a short path without zone arithmetic; luxon is the reference for them.
    const mismatches: string[] = [];
    for (let t = DateTime.fromISO('2026-01-01T00:00', { zone: 'utc' }); t.year < 2028; t = t.plus({ minutes: 15 })) {
      const wall = t.toFormat("yyyy-MM-dd'T'HH:mm");
      const local = DateTime.fromISO(wall, { zone: 'Europe/Berlin' });
      const dstDay = local.startOf('day').offset !== local.endOf('day').offset;
      const cases: Array<[string, number]> = [
        [`${wall}Z`, t.toMillis()],
        [`${wall}+02:00`, t.toMillis() - 2 * 3_600_000],
        [`${wall}-0530`, t.toMillis() + 5.5 * 3_600_000],
      ];
      if (!dstDay) cases.push([wall, local.toMillis()]);
      for (const [text, expected] of cases) {
        const r = parseBerlinInstant(text);
        if (!r.ok || r.instant.toMillis() !== expected) mismatches.push(text);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('missingBerlinWallClock', () => {
  it.each([
    ['2026-03-29', '02:00'],
    ['2026-03-29', '02:59'],
    ['2027-03-28', '02:30'],
  ])('names %s %s, skipped when clocks go forward', (date, clock) => {
    expect(missingBerlinWallClock(date, clock)).toMatch(/gibt es in Berlin nicht \(Umstellung auf Sommerzeit/);
  });

  it.each([
    ['2026-03-29', '01:59'],
    ['2026-03-29', '03:00'],
    ['2026-03-29', '24:00'],
    ['2026-10-25', '02:30'],
    ['2026-03-30', '02:30'],
  ])('accepts %s %s, which exists', (date, clock) => {
    expect(missingBerlinWallClock(date, clock)).toBeUndefined();
  });
});

import { FIRST_YEAR, LAST_YEAR, isPlausibleYear } from '../calendar';
import { DateTime, FixedOffsetZone } from 'luxon';

/** Offices record hotline coverage on the clock of their callers. */
export const BERLIN = 'Europe/Berlin';

export type InstantResult = { ok: true; instant: DateTime } | { ok: false; message: string };

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FORMAT_MESSAGE =
  'muss ein Zeitpunkt im Format JJJJ-MM-TTTHH:MM sein, entweder mit Zeitzone (z. B. 2026-03-29T06:00:00Z, 2026-03-29T08:00+02:00) oder ohne als Ortszeit Berlin (z. B. 2026-03-29T08:00)';

/**
 * Reads a point in time of a hotline record.
 * - With an offset or `Z` it is an instant as written.
 * - Without one it is wall-clock time in Europe/Berlin. A wall-clock time that does not exist (the
 *   hour skipped when clocks go forward, e.g. 2026-03-29T02:30) is rejected: luxon would silently
 *   move it an hour on, which would store a time nobody recorded. A wall-clock time that exists
 *   twice (the hour repeated when clocks go back, e.g. 2026-10-25T02:30) is read as its FIRST
 *   occurrence (still summer time, +02:00); whoever means the second writes the offset (+01:00).
 * - `T24:00` (end of the day) is accepted and means 00:00 of the next day.
 * A space instead of `T` is accepted because spreadsheet programs export date-times that way.
 */
export function parseBerlinInstant(text: string): InstantResult {
  const match = FORMAT.exec(text.trim());
  if (!match) return { ok: false, message: FORMAT_MESSAGE };
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return { ok: false, message: `${y}-${mo}-${d} ist kein gültiges Kalenderdatum` };
  if (!isPlausibleYear(Number(y))) return { ok: false, message: `${y}-${mo}-${d} liegt nicht zwischen ${FIRST_YEAR} und ${LAST_YEAR}` };
  const endOfDay = h === '24' && mi === '00' && (s ?? '00') === '00' && Number(frac ?? 0) === 0;
  const clock = invalidClock(h, mi, s, endOfDay);
  if (clock) return { ok: false, message: clock };
  if (!endOfDay) {
    const fast = plainInstant(match);
    if (fast) return { ok: true, instant: fast };
  }
  const iso = `${y}-${mo}-${d}T${endOfDay ? '00' : h}:${mi}:${s ?? '00'}${frac ? `.${frac}` : ''}${normaliseOffset(offset)}`;
  const parsed = DateTime.fromISO(iso, { zone: BERLIN, setZone: false });
  if (!parsed.isValid) return { ok: false, message: FORMAT_MESSAGE };
  const instant = endOfDay ? nextDayStart(parsed, !!offset) : parsed;
  if (offset) return { ok: true, instant };

  // Without an offset: luxon shifts a wall-clock time in the spring gap forward; detect that by
  // comparing the wall clock it produced with the one written.
  const wall = (t: DateTime) => t.toFormat('yyyy-MM-dd HH:mm:ss.SSS');
  if (!endOfDay && wall(parsed) !== wall(DateTime.fromISO(iso, { zone: 'utc' }))) {
    return { ok: false, message: `${springGap(y, mo, d, h, mi)}. Bitte eine andere Zeit oder die Zeitzone angeben (z. B. ${y}-${mo}-${d}T03:00+02:00).` };
  }
  // In the autumn the hour 02:00–03:00 happens twice and luxon takes the second; prefer the first.
  // Berlin shifts by exactly one hour, so the first occurrence is one hour earlier if it shows the same wall clock.
  const earlier = instant.minus({ hours: 1 });
  if (wall(earlier) === wall(instant)) return { ok: true, instant: earlier };
  return { ok: true, instant };
}

const springGap = (y: string, mo: string, d: string, h: string, mi: string) =>
  `${h}:${mi} Uhr am ${d}.${mo}.${y} gibt es in Berlin nicht (Umstellung auf Sommerzeit: die Uhren springen von 02:00 auf 03:00)`;

/**
 * For registers that record a day and a clock time without a zone (appointment slots): why this
 * wall-clock time does not exist in Berlin on that day, or undefined when it does. The same rule
 * as parseBerlinInstant, whose hotline records refuse these times too. 24:00 (end of the day)
 * always exists; the hour repeated in autumn exists (twice).
 */
export function missingBerlinWallClock(date: string, clock: string): string | undefined {
  const [y, mo, d] = date.split('-');
  const [h, mi] = clock.split(':');
  if (clock === '24:00' || steadyBerlinOffset(y, mo, d) !== undefined) return undefined;
  const wall = `${date}T${clock}`;
  const parsed = DateTime.fromISO(wall, { zone: BERLIN });
  if (!parsed.isValid || parsed.toFormat("yyyy-MM-dd'T'HH:mm") === wall) return undefined;
  return `${springGap(y, mo, d, h, mi)}; bitte eine andere Zeit angeben`;
}

/** Names the part of a clock time that is out of range, with the time as written (seconds included). */
function invalidClock(h: string, mi: string, s: string | undefined, endOfDay: boolean): string | undefined {
  const written = s === undefined ? `${h}:${mi}` : `${h}:${mi}:${s}`;
  if (Number(s ?? 0) > 59) return `${written} ist keine gültige Uhrzeit: die Sekunden (${s}) gehen nur bis 59`;
  if (Number(mi) > 59) return `${written} ist keine gültige Uhrzeit: die Minuten (${mi}) gehen nur bis 59`;
  if (Number(h) > 23 && !endOfDay) return `${written} ist keine gültige Uhrzeit (00:00 bis 23:59, als Ende auch 24:00)`;
  return undefined;
}

function normaliseOffset(offset: string | undefined): string {
  if (!offset) return '';
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

/** T24:00 is 00:00 of the following day, on the same clock (the offset written, or Berlin). */
function nextDayStart(startOfGivenDay: DateTime, withOffset: boolean): DateTime {
  if (withOffset) return startOfGivenDay.plus({ hours: 24 });
  return startOfGivenDay.setZone(BERLIN).plus({ days: 1 }).startOf('day');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** Berlin's UTC offset (minutes) on a day whose clocks do not change, or undefined on a DST day. Days repeat a lot in one file. */
const steadyOffsets = new Map<string, number | undefined>();

function steadyBerlinOffset(y: string, mo: string, d: string): number | undefined {
  const key = `${y}-${mo}-${d}`;
  if (steadyOffsets.has(key)) return steadyOffsets.get(key);
  const day = { year: Number(y), month: Number(mo), day: Number(d) };
  const first = DateTime.fromObject({ ...day, hour: 0, minute: 0 }, { zone: BERLIN }).offset;
  const last = DateTime.fromObject({ ...day, hour: 23, minute: 59 }, { zone: BERLIN }).offset;
  if (steadyOffsets.size > 10_000) steadyOffsets.clear();
  steadyOffsets.set(key, first === last ? first : undefined);
  return steadyOffsets.get(key);
}

/**
 * The common cases without luxon's zone arithmetic, which costs ~0.1 ms per value (seconds for a
 * 50 000-row import): a time with a plain offset, or a Berlin wall-clock time on a day whose clocks
 * do not change, is that wall clock minus the offset. Everything else (the two DST days a year,
 * 24:00, unusual offsets) takes the careful path below. The instant's zone is the fixed offset
 * in force (UTC+01:00 or UTC+02:00); callers use the instant, not the zone.
 */
function plainInstant(match: RegExpExecArray): DateTime | undefined {
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0')));
  let minutes: number | undefined;
  if (!offset) minutes = steadyBerlinOffset(y, mo, d);
  else if (offset.toUpperCase() === 'Z') minutes = 0;
  else {
    const digits = offset.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const mins = Number(digits.slice(3, 5) || 0);
    if (hours <= 14 && mins <= 59) minutes = (digits[0] === '-' ? -1 : 1) * (hours * 60 + mins);
  }
  if (minutes === undefined) return undefined;
  return DateTime.fromMillis(wall - minutes * 60_000, { zone: FixedOffsetZone.instance(minutes) });
}

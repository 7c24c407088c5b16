import type Holidays from 'date-holidays';

/** Standards are judged by the calendar of North Rhine-Westphalia (Ennepe-Ruhr-Kreis). */
const COUNTRY = 'DE';
const STATE = 'NW';

const cache = new Map<string, Map<string, string>>();

let holidaysClass: typeof Holidays | undefined;

/** date-holidays (with all countries' rules) is loaded on the first holiday asked for, not at start (cold start, issue 14). */
function holidaysLibrary(): typeof Holidays {
  if (!holidaysClass) {
    const mod = require('date-holidays') as { __esModule?: boolean; default?: typeof Holidays } & typeof Holidays;
    holidaysClass = mod.__esModule && mod.default ? mod.default : mod;
  }
  return holidaysClass;
}

/**
 * Public holidays (gesetzliche Feiertage) of NRW in a year: date YYYY-MM-DD → German name.
 * Only type 'public': date-holidays also lists 24 and 31 December (from 14:00) as 'bank' and
 * observances such as Rosenmontag, which are no public holidays. The dates come from the
 * library's own local date string, so they do not depend on the process time zone.
 */
export function publicHolidaysNrw(year: number): Map<string, string> {
  return publicHolidays(year, COUNTRY, STATE);
}

/**
 * Loads the holiday library and this year's and next year's holidays ahead of need. The first
 * lookup in a process costs ≈ 95 ms of synchronous work (the library's rules of every country):
 * inside an audit it held the event loop for that long. The service calls this shortly after it
 * listens, when no judgement waits for it; the library stays unloaded until then (cold start).
 */
export function warmHolidayCalendar(today = new Date()): void {
  const year = today.getUTCFullYear();
  for (const y of [year, year + 1]) if (y >= 1900 && y <= 2999) cachedHolidays(y, COUNTRY, STATE);
}

/**
 * Name of the NRW public holiday on a date 'YYYY-MM-DD', if it is one. Reads the cached year
 * without copying it (publicHolidaysNrw hands out a copy), so it is cheap enough for every day.
 */
export function holidayNameNrw(date: string): string | undefined {
  return cachedHolidays(Number(date.slice(0, 4)), COUNTRY, STATE).get(date);
}

/** The same for another state (tests show that the state matters, e.g. Corpus Christi). */
export function publicHolidays(year: number, country: string, state: string): Map<string, string> {
  return new Map(cachedHolidays(year, country, state));
}

function cachedHolidays(year: number, country: string, state: string): ReadonlyMap<string, string> {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new RangeError(`invalid year: ${year}`);
  const key = `${country}-${state}-${year}`;
  let holidays = cache.get(key);
  if (!holidays) {
    holidays = new Map(
      new (holidaysLibrary())(country, state, { languages: ['de'], types: ['public'] })
        .getHolidays(year, 'de')
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    cache.set(key, holidays);
  }
  return holidays;
}

export { publicHolidaysNrw, publicHolidays, holidayNameNrw, warmHolidayCalendar } from './nrw-holidays';
export {
  ZONE,
  parseIsoWeek,
  parseMonth,
  isCalendarDate,
  isoWeekDates,
  monthDates,
  isoWeekOf,
  weekdayOf,
} from './calendar-periods';
export type { IsoWeek, CalendarMonth } from './calendar-periods';
export { FIRST_YEAR, LAST_YEAR, dateProblem, isPlausibleDate, isPlausibleYear } from './plausible-dates';
export { LocalCalendar, localDay, wallClockMinute } from './local-days';
export type { LocalDay } from './local-days';

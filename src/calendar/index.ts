export { publicHolidaysNrw, publicHolidays } from './nrw-holidays';
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

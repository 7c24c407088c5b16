import type { ErrorDetail } from '../common/domain-error';
import { formatClock, parseClock, type WeekSchedule } from '../engine';
import { emptyWeek, SCHEDULE_DAYS } from '../judging/stored-week';
import type { WeekDto } from './dto/schedule-submission.dto';

export { SCHEDULE_DAYS, storedWeek, weekFromStored, type ScheduleDay, type StoredWeek } from '../judging/stored-week';

/**
 * Turns the validated JSON week into minutes and checks what class-validator cannot: each interval
 * ends after it starts, and intervals of one day do not overlap. Problems name the field path.
 */
export function weekFromDto(week: WeekDto): { week: WeekSchedule; errors: ErrorDetail[] } {
  const out = emptyWeek();
  const errors: ErrorDetail[] = [];
  for (const day of SCHEDULE_DAYS) {
    const intervals = (week[day] ?? []).map((i, index) => ({ index, from: parseClock(i.from)!, to: parseClock(i.to)! }));
    for (const i of intervals) {
      if (i.to <= i.from) errors.push({ field: `week.${day}[${i.index}].to`, message: `muss nach dem Beginn (${formatClock(i.from)}) liegen` });
    }
    const valid = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
    for (let k = 1; k < valid.length; k++) {
      if (valid[k].from < valid[k - 1].to) {
        errors.push({
          field: `week.${day}[${valid[k].index}]`,
          message: `überschneidet sich mit ${formatClock(valid[k - 1].from)}–${formatClock(valid[k - 1].to)}`,
        });
      }
    }
    out[day] = valid.map(({ from, to }) => ({ from, to }));
  }
  return { week: out, errors };
}

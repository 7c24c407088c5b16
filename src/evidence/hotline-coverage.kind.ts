import type { DateTime } from 'luxon';
import { parseBerlinInstant } from './berlin-instant';
import { HotlineCoverageRowDto, type CoveredBy } from './dto/hotline-coverage-row.dto';
import type { EvidenceKind, RowDetail } from './evidence-kind';

export interface HotlineCoverageRecord {
  start: DateTime;
  end: DateTime;
  coveredBy: CoveredBy;
}

/** A longer record is almost certainly a typo in a date; coverage is reported per day or shift. */
const MAX_HOURS = 24;

export const HOTLINE_COVERAGE_KIND: EvidenceKind<HotlineCoverageRowDto, HotlineCoverageRecord> = {
  name: 'hotline-coverage',
  dto: HotlineCoverageRowDto,
  fields: ['start', 'end', 'coveredBy'],
  required: ['start', 'end', 'coveredBy'],
  integerFields: [],
  toRecord(dto) {
    const errors: RowDetail[] = [];
    const start = parseBerlinInstant(dto.start);
    const end = parseBerlinInstant(dto.end);
    if (!start.ok) errors.push({ field: 'start', message: start.message });
    if (!end.ok) errors.push({ field: 'end', message: end.message });
    if (!start.ok || !end.ok) return { errors };
    if (end.instant <= start.instant) return { errors: [{ field: 'end', message: 'muss nach start liegen' }] };
    if (end.instant.diff(start.instant, 'hours').hours > MAX_HOURS) {
      return { errors: [{ field: 'end', message: `liegt mehr als ${MAX_HOURS} Stunden nach start; bitte längere Zeiträume je Tag aufteilen` }] };
    }
    return { record: { start: start.instant, end: end.instant, coveredBy: dto.coveredBy } };
  },
  // the same instant written with different offsets is the same record
  naturalKey: (r) => `${r.start.toMillis()}|${r.end.toMillis()}|${r.coveredBy}`,
};

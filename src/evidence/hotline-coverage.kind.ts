import type { DateTime } from 'luxon';
import { BERLIN, parseBerlinInstant } from './berlin-instant';
import { COVERED_BY_ALIASES, HotlineCoverageRowDto, type CoveredBy } from './dto/hotline-coverage-row.dto';
import { germanWords } from './dto/lenient-input';
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
  columns: { start: 'Beginn', end: 'Ende', coveredBy: 'abgedeckt durch' },
  required: ['start', 'end', 'coveredBy'],
  integerFields: [],
  toRecord(dto) {
    const errors: RowDetail[] = [];
    const start = parseBerlinInstant(dto.start);
    const end = parseBerlinInstant(dto.end);
    if (!start.ok) errors.push({ field: 'start', message: start.message });
    if (!end.ok) errors.push({ field: 'end', message: end.message });
    if (!start.ok || !end.ok) return { errors };
    if (end.instant <= start.instant) return { errors: [{ field: 'end', message: 'muss nach dem Beginn liegen' }] };
    if (end.instant.diff(start.instant, 'hours').hours > MAX_HOURS) {
      return { errors: [{ field: 'end', message: `liegt mehr als ${MAX_HOURS} Stunden nach dem Beginn; bitte längere Zeiträume je Tag aufteilen` }] };
    }
    return { record: { start: start.instant, end: end.instant, coveredBy: dto.coveredBy } };
  },
  // the same instant written with different offsets is the same record
  naturalKey: (r) => `${r.start.toMillis()}|${r.end.toMillis()}|${r.coveredBy}`,
  example: { start: '02.03.2026 08:00', end: '02.03.2026 12:00', coveredBy: 'Personal' },
  preview: (records) => ({
    columns: [
      { field: 'start', label: 'Beginn' },
      { field: 'end', label: 'Ende' },
      { field: 'coveredBy', label: 'abgedeckt durch', values: germanWords(COVERED_BY_ALIASES) },
    ],
    // Berlin wall clock with its offset, as GET …/hotline-coverage lists them.
    rows: records.map((r) => ({ start: berlin(r.start), end: berlin(r.end), coveredBy: r.coveredBy })),
  }),
};

const berlin = (t: DateTime) => t.setZone(BERLIN).toISO({ suppressMilliseconds: true })!;

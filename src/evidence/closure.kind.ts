import { formatClock, parseClock } from '../engine';
import { ClosureRowDto } from './dto/closure-row.dto';
import type { EvidenceKind, RowDetail } from './evidence-kind';

/** A closure as stored: minutes after local midnight, both null for the whole day. */
export interface ClosureRecord {
  date: string;
  from: number | null;
  to: number | null;
  reason: string;
}

export const CLOSURE_KIND: EvidenceKind<ClosureRowDto, ClosureRecord> = {
  name: 'closures',
  dto: ClosureRowDto,
  fields: ['date', 'from', 'to', 'reason'],
  columns: { date: 'Datum', from: 'von', to: 'bis', reason: 'Grund' },
  required: ['date', 'reason'],
  integerFields: [],
  toRecord(dto) {
    const errors: RowDetail[] = [];
    if ((dto.from === undefined || dto.from === null) !== (dto.to === undefined || dto.to === null)) {
      const missing = dto.from == null ? 'from' : 'to';
      errors.push({ field: missing, message: 'fehlt: bitte beide Uhrzeiten (von und bis) angeben oder keine (dann ganztägig geschlossen)' });
      return { errors };
    }
    const from = dto.from == null ? null : parseClock(dto.from);
    const to = dto.to == null ? null : parseClock(dto.to);
    if (from !== null && to !== null && to <= from) {
      errors.push({ field: 'to', message: `muss nach dem Beginn (${formatClock(from)}) liegen` });
      return { errors };
    }
    return { record: { date: dto.date, from, to, reason: dto.reason.trim() } };
  },
  naturalKey: (r) => `${r.date}|${r.from ?? -1}|${r.to ?? -1}`,
  payload: { field: 'reason', value: (r) => r.reason },
  example: { date: '02.03.2026', from: '8:00', to: '10:30', reason: 'Personalversammlung' },
  preview: (records) => ({
    columns: [
      { field: 'date', label: 'Datum' },
      { field: 'from', label: 'von' },
      { field: 'to', label: 'bis' },
      { field: 'reason', label: 'Grund' },
    ],
    rows: records.map((r) => ({ date: r.date, from: r.from === null ? null : formatClock(r.from), to: r.to === null ? null : formatClock(r.to), reason: r.reason })),
  }),
};

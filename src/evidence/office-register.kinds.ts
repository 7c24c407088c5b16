import { formatClock, parseClock, type AppointmentArea } from '../engine';
import { AppointmentSlotRowDto, AREA_ALIASES, CaseloadHandoverRowDto, ContactCountRowDto } from './dto/office-register-rows.dto';
import { germanWords } from './dto/lenient-input';
import { missingBerlinWallClock } from './berlin-instant';
import type { EvidenceKind, RowDetail } from './evidence-kind';

/**
 * The three office registers of issue 15, one evidence kind each, imported by the shared machinery
 * (all or nothing, idempotent on the natural key, scoped by office). Counts and times only.
 */

/** An appointment slot as stored: minutes after local midnight. */
export interface AppointmentSlotRecord {
  date: string;
  from: number;
  to: number;
  area: AppointmentArea;
}

export interface ContactCountRecord {
  month: string;
  area: AppointmentArea;
  byAppointment: number;
  walkIn: number;
}

export interface CaseloadHandoverRecord {
  month: string;
  caseloadSize: number;
  changes: number;
}

const AREA_WORDS = germanWords(AREA_ALIASES);

export const APPOINTMENT_SLOT_KIND: EvidenceKind<AppointmentSlotRowDto, AppointmentSlotRecord> = {
  name: 'appointment-slots',
  dto: AppointmentSlotRowDto,
  fields: ['date', 'from', 'to', 'area'],
  columns: { date: 'Datum', from: 'von', to: 'bis', area: 'Bereich' },
  required: ['date', 'from', 'to', 'area'],
  integerFields: [],
  toRecord(dto) {
    const from = parseClock(dto.from)!;
    const to = parseClock(dto.to)!;
    // A slot in the hour skipped when clocks go forward was never offered; the hotline register refuses such times too.
    const errors: RowDetail[] = (['from', 'to'] as const).flatMap((field) => {
      const message = missingBerlinWallClock(dto.date, dto[field]);
      return message ? [{ field, message }] : [];
    });
    if (errors.length > 0) return { errors };
    if (to <= from) {
      return { errors: [{ field: 'to', message: `muss nach dem Beginn (${formatClock(from)}) liegen` }] };
    }
    return { record: { date: dto.date, from, to, area: dto.area } };
  },
  // Every field is part of the key: a known slot has nothing to update.
  naturalKey: (r) => `${r.date}|${r.from}|${r.to}|${r.area}`,
  example: { date: '05.03.2026', from: '16:00', to: '16:30', area: 'Fachberatung' },
  preview: (records) => ({
    columns: [
      { field: 'date', label: 'Datum' },
      { field: 'from', label: 'von' },
      { field: 'to', label: 'bis' },
      { field: 'area', label: 'Bereich', values: AREA_WORDS },
    ],
    rows: records.map((r) => ({ date: r.date, from: formatClock(r.from), to: formatClock(r.to), area: r.area })),
  }),
};

export const CONTACT_COUNT_KIND: EvidenceKind<ContactCountRowDto, ContactCountRecord> = {
  name: 'contact-counts',
  dto: ContactCountRowDto,
  fields: ['month', 'area', 'byAppointment', 'walkIn'],
  columns: { month: 'Monat', area: 'Bereich', byAppointment: 'mit Termin', walkIn: 'ohne Termin' },
  required: ['month', 'area', 'byAppointment', 'walkIn'],
  integerFields: ['byAppointment', 'walkIn'],
  toRecord: (dto) => ({ record: { month: dto.month, area: dto.area, byAppointment: dto.byAppointment, walkIn: dto.walkIn } }),
  naturalKey: (r) => `${r.month}|${r.area}`,
  // Other counts for a known month and area are a correction.
  payload: { field: 'byAppointment', value: (r) => `${r.byAppointment} mit Termin, ${r.walkIn} ohne Termin` },
  example: { month: '03.2026', area: 'Leistung', byAppointment: '240', walkIn: '60' },
  preview: (records) => ({
    columns: [
      { field: 'month', label: 'Monat' },
      { field: 'area', label: 'Bereich', values: AREA_WORDS },
      { field: 'byAppointment', label: 'mit Termin' },
      { field: 'walkIn', label: 'ohne Termin' },
    ],
    rows: records.map((r) => ({ month: r.month, area: r.area, byAppointment: r.byAppointment, walkIn: r.walkIn })),
  }),
};

export const CASELOAD_HANDOVER_KIND: EvidenceKind<CaseloadHandoverRowDto, CaseloadHandoverRecord> = {
  name: 'caseload-handovers',
  dto: CaseloadHandoverRowDto,
  fields: ['month', 'caseloadSize', 'changes'],
  columns: { month: 'Monat', caseloadSize: 'Fälle', changes: 'Zuständigkeitswechsel' },
  required: ['month', 'caseloadSize', 'changes'],
  integerFields: ['caseloadSize', 'changes'],
  toRecord: (dto) => ({ record: { month: dto.month, caseloadSize: dto.caseloadSize, changes: dto.changes } }),
  naturalKey: (r) => r.month,
  // Other counts for a known month are a correction.
  payload: { field: 'changes', value: (r) => `${r.caseloadSize} Fälle, ${r.changes} Wechsel` },
  example: { month: '03.2026', caseloadSize: '850', changes: '12' },
  preview: (records) => ({
    columns: [
      { field: 'month', label: 'Monat' },
      { field: 'caseloadSize', label: 'Fälle' },
      { field: 'changes', label: 'Zuständigkeitswechsel' },
    ],
    rows: records.map((r) => ({ month: r.month, caseloadSize: r.caseloadSize, changes: r.changes })),
  }),
};

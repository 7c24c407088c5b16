import { TimeRecordRowDto, type Activity, type StaffRole } from './dto/time-record-row.dto';
import type { EvidenceKind } from './evidence-kind';

export interface TimeRecord {
  staffRef: string;
  role: StaffRole;
  date: string;
  minutes: number;
  activity: Activity;
}

export const TIME_RECORD_KIND: EvidenceKind<TimeRecordRowDto, TimeRecord> = {
  name: 'time-records',
  dto: TimeRecordRowDto,
  fields: ['staffRef', 'role', 'date', 'minutes', 'activity'],
  required: ['staffRef', 'role', 'date', 'minutes', 'activity'],
  integerFields: ['minutes'],
  toRecord: (dto) => ({ record: { staffRef: dto.staffRef, role: dto.role, date: dto.date, minutes: dto.minutes, activity: dto.activity } }),
  naturalKey: (r) => JSON.stringify([r.staffRef, r.date, r.role, r.activity]),
  payload: { field: 'minutes', value: (r) => String(r.minutes) },
};

import { germanWords } from './dto/lenient-input';
import { ACTIVITY_ALIASES, TimeRecordRowDto, type Activity, type StaffRole } from './dto/time-record-row.dto';
import type { EvidenceKind, PreviewTable } from './evidence-kind';
import { MIN_GROUP } from './evidence.repository';

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
  columns: { staffRef: 'Kürzel', role: 'Funktion', date: 'Datum', minutes: 'Minuten', activity: 'Tätigkeit' },
  required: ['staffRef', 'role', 'date', 'minutes', 'activity'],
  integerFields: ['minutes'],
  toRecord: (dto) => ({ record: { staffRef: dto.staffRef, role: dto.role, date: dto.date, minutes: dto.minutes, activity: dto.activity } }),
  naturalKey: (r) => JSON.stringify([r.staffRef, r.date, r.role, r.activity]),
  payload: { field: 'minutes', value: (r) => String(r.minutes) },
  example: { staffRef: 'vm-01', role: 'Arbeitsvermittlung', date: '02.03.2026', minutes: '240', activity: 'Unternehmensservice' },
  preview: monthlySums,
};

/**
 * Privacy: the preview shows time records the way GET …/time-records lists them, as sums per month,
 * role group and activity, never per person; a sum over fewer than MIN_GROUP people stays empty.
 */
function monthlySums(records: TimeRecord[]): PreviewTable {
  const groups = new Map<string, { month: string; roleGroup: string; activity: Activity; recordCount: number; minutes: number; staff: Set<string> }>();
  for (const r of records) {
    const roleGroup = r.role === 'placement_officer' ? 'placement_officer' : 'other_roles';
    const key = `${r.date.slice(0, 7)}|${roleGroup}|${r.activity}`;
    const group = groups.get(key) ?? { month: r.date.slice(0, 7), roleGroup, activity: r.activity, recordCount: 0, minutes: 0, staff: new Set<string>() };
    group.recordCount++;
    group.minutes += r.minutes;
    group.staff.add(r.staffRef);
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.roleGroup.localeCompare(b.roleGroup) || a.activity.localeCompare(b.activity))
    .map((g) => ({ month: g.month, roleGroup: g.roleGroup, activity: g.activity, recordCount: g.recordCount, staffCount: g.staff.size, minutes: g.staff.size >= MIN_GROUP ? g.minutes : null }));
  return {
    columns: [
      { field: 'month', label: 'Monat' },
      { field: 'roleGroup', label: 'Funktion', values: { placement_officer: 'Arbeitsvermittlung', other_roles: 'übrige Funktionen' } },
      { field: 'activity', label: 'Tätigkeit', values: germanWords(ACTIVITY_ALIASES) },
      { field: 'recordCount', label: 'Einträge' },
      { field: 'staffCount', label: 'Personen' },
      { field: 'minutes', label: `Minuten (leer bei weniger als ${MIN_GROUP} Personen)` },
    ],
    rows,
  };
}

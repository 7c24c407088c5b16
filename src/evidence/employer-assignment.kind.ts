import { CONTACT_ROLE_LABELS, germanDate } from '../engine';
import type { ContactRole } from '../engine';
import { EmployerAssignmentRowDto } from './dto/employer-assignment-row.dto';
import type { EvidenceKind } from './evidence-kind';

/** Which contact looks after an employer (section 4.2); days inclusive, `until` null: open. */
export interface EmployerAssignmentRecord {
  employerRef: string;
  contactRef: string;
  contactRole: ContactRole;
  from: string;
  until: string | null;
}

export const EMPLOYER_ASSIGNMENT_KIND: EvidenceKind<EmployerAssignmentRowDto, EmployerAssignmentRecord> = {
  name: 'employer-assignments',
  dto: EmployerAssignmentRowDto,
  fields: ['employerRef', 'contactRef', 'contactRole', 'from', 'until'],
  columns: { employerRef: 'Unternehmen', contactRef: 'Ansprechperson', contactRole: 'Funktion', from: 'von', until: 'bis' },
  required: ['employerRef', 'contactRef', 'contactRole', 'from'],
  integerFields: [],
  toRecord(dto) {
    if (dto.until !== undefined && dto.until < dto.from) return { errors: [{ field: 'until', message: `darf nicht vor dem Beginn (${germanDate(dto.from)}) liegen` }] };
    return { record: { employerRef: dto.employerRef, contactRef: dto.contactRef, contactRole: dto.contactRole, from: dto.from, until: dto.until ?? null } };
  },
  naturalKey: (r) => JSON.stringify([r.employerRef, r.contactRef, r.from]),
  // A known assignment with another function or end day is a correction.
  payload: { field: 'until', value: (r) => `${CONTACT_ROLE_LABELS[r.contactRole]}, bis ${r.until === null ? 'offen' : germanDate(r.until)}` },
  example: { employerRef: 'U-0042', contactRef: 'vm-07', contactRole: 'Arbeitsvermittlung', from: '01.01.2026', until: '' },
  preview: (records) => ({
    columns: [
      { field: 'employerRef', label: 'Unternehmen' },
      { field: 'contactRef', label: 'Ansprechperson' },
      { field: 'contactRole', label: 'Funktion', values: { ...CONTACT_ROLE_LABELS } },
      { field: 'from', label: 'von' },
      { field: 'until', label: 'bis' },
    ],
    rows: records.map((r) => ({ employerRef: r.employerRef, contactRef: r.contactRef, contactRole: r.contactRole, from: r.from, until: r.until })),
  }),
};

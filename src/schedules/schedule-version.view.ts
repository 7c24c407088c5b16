import type { Finding } from '../engine';
import type { StoredWeek } from '../judging/stored-week';

/** A stored schedule version as the API returns it. */
export interface ScheduleVersionView {
  id: string;
  officeId: string;
  validFrom: string;
  validUntil: string | null;
  week: StoredWeek;
  openingHours: string | null;
  submittedAt: string;
  catalogVersion: string;
  compliant: boolean;
  findings: Finding[];
}

export interface ScheduleVersionRow {
  id: string;
  office_id: string;
  valid_from: string;
  valid_until: string | null;
  week: StoredWeek;
  opening_hours: string | null;
  submitted_at: Date;
  catalog_version: string;
  compliant: boolean;
  findings: Finding[];
}

export const SCHEDULE_COLUMNS = 'id, office_id, valid_from, valid_until, week, opening_hours, submitted_at, catalog_version, compliant, findings';

export function toView(r: ScheduleVersionRow): ScheduleVersionView {
  return {
    id: r.id,
    officeId: r.office_id,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    week: r.week,
    openingHours: r.opening_hours,
    submittedAt: new Date(r.submitted_at).toISOString(),
    catalogVersion: r.catalog_version,
    compliant: r.compliant,
    findings: r.findings,
  };
}

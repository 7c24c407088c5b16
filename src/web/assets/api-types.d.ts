/**
 * The shapes the pages read from the JSON API, taken from the server's own types where those are
 * plain (engine, views), so that a change of the API breaks `npm run typecheck` instead of a page.
 * Not served (only *.js, *.css and *.svg are); used by the JSDoc types of the page scripts.
 */
import type { Catalog, CatalogVersionView, Finding, FindingStatus, NotCheckedStandard, Obligation, OfficeRole, ParamSpec, Rule, Weekday } from '../../engine/types';
import type { Vocabulary } from '../../engine/vocabulary';
import type { AuditFindingView, AuditRunView, AuditSummary, MatrixCell } from '../../audits/audit-run.view';
import type { DeviationSummary, DeviationView } from '../../deviations/deviation.view';
import type { ScheduleVersionView } from '../../schedules/schedule-version.view';
import type { StoredWeek } from '../../schedules/week-input';
import type { ErrorDetail } from '../../common/domain-error';

export type { AuditFindingView, AuditRunView, AuditSummary, Catalog, DeviationSummary, DeviationView, ErrorDetail, Finding, FindingStatus, MatrixCell, NotCheckedStandard, Obligation, OfficeRole, ParamSpec, Rule, ScheduleVersionView, StoredWeek, Vocabulary, Weekday };

/** GET /api/v1/standards */
export type Standards = Catalog & { vocabulary: Vocabulary; versions: CatalogVersionView[] };

/** GET /api/v1/offices */
export interface OfficeView {
  id: string;
  name: string;
  role: OfficeRole;
  seatId: string | null;
}

/** GET /api/v1/offices/:id/trend?rule= */
export interface TrendPoint {
  period: string;
  periodKind: 'week' | 'month';
  runId: string;
  status: FindingStatus;
  measured: number | null;
  required: number | null;
  unit: string;
}

/** POST /api/v1/schedules/check */
export interface ScheduleCheckView {
  compliant: boolean;
  catalogVersion: string;
  findings: Finding[];
  pendingDeviations: DeviationSummary[];
  week: StoredWeek;
  warnings: string[];
}

/** GET /api/v1/offices/:id/compliance?week= (the parts the pages read) */
export interface ComplianceReportView {
  officeId: string;
  officeName: string;
  complete: boolean;
  compliant: boolean;
  findings: Finding[];
}

/** POST /api/v1/offices/:id/<kind>/preview */
export interface ImportPreview {
  kind: EvidenceKindName;
  format: 'json' | 'csv';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  columns: Array<{ field: string; label: string; values?: Record<string, string> }>;
  records: Array<Record<string, string | number | null>>;
  total: number;
}

/** POST /api/v1/offices/:id/<kind> */
export interface ImportResult {
  importId: string;
  kind: EvidenceKindName;
  format: 'json' | 'csv';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export type EvidenceKindName = 'closures' | 'hotline-coverage' | 'time-records' | 'appointment-slots' | 'contact-counts' | 'caseload-handovers' | 'team-membership' | 'practice-meetings' | 'employer-assignments';

import { DomainError } from '../common/domain-error';
import type { Finding, FindingStatus, Obligation } from '../engine';
import { runLabel } from './run-label';

export type AuditTrigger = 'nightly' | 'manual' | 'cli';
export type AuditStatus = 'running' | 'succeeded' | 'failed';

export interface AuditRunView {
  id: string;
  trigger: AuditTrigger;
  status: AuditStatus;
  from: string;
  to: string;
  /** The weeks and months judged, e.g. ['2026-W45', …, '2026-11']. */
  periods: string[];
  /** The periods as people read them, e.g. 'KW 48/2026 und Oktober 2026' (run-label.ts). */
  label: string;
  officeIds: string[];
  /** The catalog versions that judged its periods, e.g. '2026.1' or, across a switch, '2026.1, 2026.2'. */
  catalogVersion: string;
  /** The same as a list; each finding names its own version (finding.catalogVersion). */
  catalogVersions: string[];
  nightlyDate: string | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  findingCount: number | null;
  /**
   * How far the run got: findings written so far while it runs, and up to where it stopped when it
   * failed (those findings were discarded). Equals findingCount when it succeeded.
   */
  findingsWritten: number;
  /** A nightly run that never took place: the night was too old to catch up (see `error` for how to audit it). */
  missed: boolean;
}

export interface AuditRunRow {
  id: string;
  trigger: AuditTrigger;
  status: AuditStatus;
  period_from: string;
  period_to: string;
  periods: string[];
  office_ids: string[];
  catalog_version: string;
  nightly_date: string | null;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
  finding_count: number | null;
  findings_written: number;
  missed: boolean;
}

export const RUN_COLUMNS = 'id, trigger, status, period_from, period_to, periods, office_ids, catalog_version, nightly_date, started_at, finished_at, error, finding_count, findings_written, missed';

export function toRunView(r: AuditRunRow, visibleOffices?: string[]): AuditRunView {
  return {
    id: r.id,
    trigger: r.trigger,
    status: r.status,
    from: r.period_from,
    to: r.period_to,
    periods: r.periods,
    label: runLabel(r.periods),
    officeIds: visibleOffices ? r.office_ids.filter((o) => visibleOffices.includes(o)) : r.office_ids,
    catalogVersion: r.catalog_version,
    catalogVersions: r.catalog_version.split(', '),
    nightlyDate: r.nightly_date,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    // The raw error may be English or name another office: regional tokens get a plain German line.
    error:
      r.error && visibleOffices
        ? r.missed
          ? 'Diese Nacht wurde nicht geprüft; die Koordinierungsstelle kann die Prüfung nachholen.'
          : 'Der Prüflauf ist fehlgeschlagen; die Koordinierungsstelle kennt die Ursache.'
        : r.error,
    findingCount: r.finding_count,
    findingsWritten: r.findings_written,
    missed: r.missed,
  };
}

/**
 * Only a succeeded run has a report. The findings of a run still running are incomplete, and a
 * failed run has none: its findings (listing, export) answer 409 with what happened instead.
 */
export function assertReportable(run: Pick<AuditRunRow, 'status' | 'findings_written' | 'error'>): void {
  if (run.status === 'succeeded') return;
  const got = run.findings_written === 1 ? '1 Feststellung' : `${run.findings_written.toLocaleString('de-DE')} Feststellungen`;
  throw new DomainError(
    'conflict',
    run.status === 'running'
      ? `Der Prüflauf läuft noch (bisher ${got} geschrieben). Feststellungen und Export gibt es erst, wenn er abgeschlossen ist.`
      : 'Der Prüflauf ist fehlgeschlagen und hat keinen Bericht; seine Teilergebnisse wurden verworfen. Bitte einen neuen Prüflauf starten.',
  );
}

/**
 * One finding of a run, with where and when it was judged. A district finding (a rule judged once
 * over all offices, e.g. the common core of opening hours) has `officeId: null` and
 * `scope: 'district'`; every other finding names its office and has `scope: 'office'`.
 */
export interface AuditFindingView extends Finding {
  officeId: string | null;
  scope: FindingScope;
  period: string;
  periodKind: 'week' | 'month';
}

export type FindingScope = 'office' | 'district';

/** One cell of the office × rule matrix: the worst status over the run's periods, and all counts. */
export interface MatrixCell {
  officeId: string;
  ruleId: string;
  obligation: Obligation;
  status: FindingStatus;
  counts: Partial<Record<FindingStatus, number>>;
  /** Ids of the agreed deviations (section 6) applied in this cell, if any. */
  deviations: string[];
}

/** The district row of the matrix: one cell per district rule, over all offices at once. */
export interface DistrictCell extends Omit<MatrixCell, 'officeId'> {
  officeId: null;
  scope: 'district';
}

export interface AuditSummary {
  run: AuditRunView;
  offices: string[];
  rules: Array<{ id: string; title: string; shortTitle: string; obligation: Obligation; scope: FindingScope }>;
  /** Office × rule, office rules only. */
  matrix: MatrixCell[];
  /** Rules judged once for the whole district (Kreis): a row of their own, never one per office. */
  district: DistrictCell[];
  /** Findings per obligation level and status, e.g. { must: { compliant: 30, non_compliant: 2 } }. */
  byObligation: Partial<Record<Obligation, Partial<Record<FindingStatus, number>>>>;
}

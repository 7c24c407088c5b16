import { ACTION_SOURCE_LABELS, type ActionSource, type ActionStatus, type Obligation, type Side } from '../engine';
import type { FindingStatus } from '../engine';
import type { SurveyActionSource, SurveyFollowUp } from '../surveys/actions/survey-action-source';

export type ActionEventKind = 'opened' | 'findings_added' | 'planned' | 'done' | 'commented' | 'dismissed' | 'reopened' | 'verified' | 'verification_postponed';

/** Live actions: at most one per office (or the district) and rule. */
export const LIVE_STATUSES: readonly ActionStatus[] = ['open', 'planned', 'done'];

export interface ActionRow {
  id: string;
  office_id: string | null;
  source: ActionSource;
  /** Audit actions: the rule, its obligation and period kind, the catalog version and the run; null for survey actions. */
  rule_id: string | null;
  obligation: Obligation | null;
  period_kind: 'week' | 'month' | null;
  status: ActionStatus;
  responsible_side: Side;
  measure: string | null;
  due_date: string;
  done_on: string | null;
  verify_period: string | null;
  dismiss_reason: string | null;
  catalog_version: string | null;
  opened_by_run: string | null;
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  /** Survey actions: the round, field and item, the gap at creation, and what the deciding round said. */
  survey_round_id: string | null;
  survey_field_id: string | null;
  survey_item_id: string | null;
  survey_source: SurveyActionSource | null;
  survey_follow_up: SurveyFollowUp | null;
}

/** An action opened by an audit run: everything about its rule is there (ck_corrective_action_source_audit). */
export type AuditActionRow = ActionRow & { source: 'audit'; rule_id: string; obligation: Obligation; period_kind: 'week' | 'month'; catalog_version: string; opened_by_run: string };

export const ACTION_COLUMNS =
    'id, office_id, source, rule_id, obligation, period_kind, status, responsible_side, measure, due_date::text AS due_date, done_on::text AS done_on, verify_period, dismiss_reason, catalog_version, opened_by_run, opened_at, updated_at, closed_at, survey_round_id, survey_field_id, survey_item_id, survey_source, survey_follow_up';

export interface ActionEventRow {
  kind: ActionEventKind;
  from_status: ActionStatus | null;
  to_status: ActionStatus;
  side: Side | null;
  token_id: string | null;
  run_id: string | null;
  survey_round_id: string | null;
  note: string | null;
  at: Date;
}

export interface ActionFindingRow {
  run_id: string;
  seq: number;
  period: string;
  period_kind: 'week' | 'month';
  status: FindingStatus;
  role: 'cause' | 'evidence';
  linked_at: Date;
}

/** An action in lists: what, where, how far, by when. */
export interface ActionSummary {
  id: string;
  /** null: a district rule; the coordination office is responsible. */
  officeId: string | null;
  scope: 'office' | 'district';
  /** audit: opened by a run for a rule; survey: turned from a gap in a survey round's results. */
  source: ActionSource;
  /** German: "Prüflauf" or "Befragung". */
  sourceLabel: string;
  /** null for survey actions. */
  ruleId: string | null;
  obligation: Obligation | null;
  status: ActionStatus;
  /** Past its due date and neither done, verified nor dismissed. */
  overdue: boolean;
  responsibleSide: Side;
  measure: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
  doneOn: string | null;
  /** While done: the period whose verdict decides (verified if compliant, reopened if not). */
  verifyPeriod: string | null;
  dismissReason: string | null;
  catalogVersion: string | null;
  openedByRun: string | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  findingCount: number;
  /** Survey actions: where the action came from (round, questionnaire, field, item, the gap at creation) and the deciding round's comparison. */
  survey: SurveyActionInfo | null;
}

export interface SurveyActionInfo extends SurveyActionSource {
  /** Set once a later round of the questionnaire decided (verified or reopened the action). */
  followUp: SurveyFollowUp | null;
}

export interface ActionEventView {
  kind: ActionEventKind;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  /** Who: a side with its token, or the service on the evidence of an audit run or a survey round. */
  side: Side | null;
  tokenId: string | null;
  runId: string | null;
  surveyRoundId: string | null;
  note: string | null;
  at: string;
}

export interface ActionFindingView {
  runId: string;
  seq: number;
  period: string;
  periodKind: 'week' | 'month';
  status: FindingStatus;
  /** cause: a violation behind the action; evidence: the compliant period that verified it. */
  role: 'cause' | 'evidence';
  linkedAt: string;
}

export interface ActionView extends ActionSummary {
  findings: ActionFindingView[];
  history: ActionEventView[];
}

export function isOverdue(r: Pick<ActionRow, 'status' | 'due_date'>, today: string): boolean {
  return (r.status === 'open' || r.status === 'planned') && r.due_date < today;
}

export function toSummary(r: ActionRow & { finding_count?: number }, today: string): ActionSummary {
  return {
    id: r.id,
    officeId: r.office_id,
    scope: r.office_id === null ? 'district' : 'office',
    source: r.source,
    sourceLabel: ACTION_SOURCE_LABELS[r.source],
    ruleId: r.rule_id,
    obligation: r.obligation,
    status: r.status,
    overdue: isOverdue(r, today),
    responsibleSide: r.responsible_side,
    measure: r.measure,
    dueDate: r.due_date,
    doneOn: r.done_on,
    verifyPeriod: r.status === 'done' ? r.verify_period : null,
    dismissReason: r.dismiss_reason,
    catalogVersion: r.catalog_version,
    openedByRun: r.opened_by_run,
    openedAt: new Date(r.opened_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
    findingCount: Number(r.finding_count ?? 0),
    survey: r.survey_source ? { ...r.survey_source, followUp: r.survey_follow_up } : null,
  };
}

export function toView(r: ActionRow, findings: ActionFindingRow[], events: ActionEventRow[], today: string): ActionView {
  return {
    ...toSummary({ ...r, finding_count: findings.length }, today),
    findings: findings.map((f) => ({ runId: f.run_id, seq: f.seq, period: f.period, periodKind: f.period_kind, status: f.status, role: f.role, linkedAt: new Date(f.linked_at).toISOString() })),
    history: events.map((e) => ({
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      side: e.side,
      tokenId: e.token_id,
      runId: e.run_id,
      surveyRoundId: e.survey_round_id,
      note: e.note,
      at: new Date(e.at).toISOString(),
    })),
  };
}

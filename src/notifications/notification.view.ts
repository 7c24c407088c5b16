import type { Side } from '../engine';

export type NotificationKind =
  | 'action_opened'
  | 'action_overdue'
  | 'action_verified'
  | 'action_reopened'
  | 'action_dismissed'
  | 'action_commented'
  | 'action_done'
  | 'deviation_awaiting_consent'
  | 'audit_failed'
  | 'night_not_audited';

/** A message for one side (and, for the regional side, one office). Texts are German and complete. */
export interface NewNotification {
  side: Side;
  /** Required for the regional side; for the coordination side the office it is about, if any. */
  officeId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the pages, e.g. '/regionalstellen/witten#massnahmen'. */
  link?: string | null;
  actionId?: string | null;
  deviationId?: string | null;
  runId?: string | null;
  /** Producing the same notification twice (sweeps, instances) inserts it once. */
  dedupeKey?: string | null;
}

export interface NotificationRow {
  id: string;
  side: Side;
  office_id: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  action_id: string | null;
  deviation_id: string | null;
  run_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationView {
  id: string;
  side: Side;
  officeId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  actionId: string | null;
  deviationId: string | null;
  runId: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export const NOTIFICATION_COLUMNS = 'id, side, office_id, kind, title, body, link, action_id, deviation_id, run_id, created_at, read_at';

export function toNotificationView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    side: r.side,
    officeId: r.office_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    actionId: r.action_id,
    deviationId: r.deviation_id,
    runId: r.run_id,
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read_at !== null,
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}

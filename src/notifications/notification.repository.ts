import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_COLUMNS, type NewNotification, type NotificationRow } from './notification.view';

export type Db = Pick<EntityManager, 'query'>;

/** Whose inbox: the coordination office sees its side's notifications; a regional token those of its offices. */
export interface Inbox {
  side: 'coordination' | 'regional';
  /** For the regional side: the token's offices. */
  officeIds?: string[];
}

function inboxWhere(inbox: Inbox, first: number): { sql: string; params: unknown[] } {
  return inbox.side === 'coordination'
    ? { sql: `side = 'coordination'`, params: [] }
    : { sql: `side = 'regional' AND office_id = ANY($${first}::text[])`, params: [inbox.officeIds ?? []] };
}

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Inserts notifications in one statement, each unless one with the same dedupe key exists (also
   * one earlier in the same list); returns how many were inserted.
   */
  async insert(db: Db, ns: readonly NewNotification[]): Promise<number> {
    if (ns.length === 0) return 0;
    const rows: unknown[] = await db.query(
      `INSERT INTO notification (side, office_id, kind, title, body, link, action_id, deviation_id, run_id, dedupe_key)
       SELECT n.side, n.office_id, n.kind, n.title, n.body, n.link, n.action_id, n.deviation_id, n.run_id, n.dedupe_key
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (side text, office_id text, kind text, title text, body text, link text, action_id uuid, deviation_id uuid, run_id uuid, dedupe_key text))
              WITH ORDINALITY AS n(side, office_id, kind, title, body, link, action_id, deviation_id, run_id, dedupe_key, ord)
        ORDER BY n.ord
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          ns.map((n) => ({
            side: n.side,
            office_id: n.officeId,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link ?? null,
            action_id: n.actionId ?? null,
            deviation_id: n.deviationId ?? null,
            run_id: n.runId ?? null,
            dedupe_key: n.dedupeKey ?? null,
          })),
        ),
      ],
    );
    return rows.length;
  }

  async list(inbox: Inbox, opts: { unreadOnly: boolean; limit: number; offset: number }): Promise<NotificationRow[]> {
    const w = inboxWhere(inbox, 1);
    const params = [...w.params, opts.limit, opts.offset];
    return this.ds.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE ${w.sql}${opts.unreadOnly ? ' AND read_at IS NULL' : ''}
        ORDER BY created_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async unreadCount(inbox: Inbox): Promise<number> {
    const w = inboxWhere(inbox, 1);
    const [row]: Array<{ n: number }> = await this.ds.query(`SELECT count(*)::int AS n FROM notification WHERE ${w.sql} AND read_at IS NULL`, w.params);
    return row.n;
  }

  async get(id: string): Promise<NotificationRow | undefined> {
    const [row]: NotificationRow[] = await this.ds.query(`SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE id = $1`, [id]);
    return row;
  }

  async markRead(id: string, tokenId: string): Promise<void> {
    await this.ds.query('UPDATE notification SET read_at = clock_timestamp(), read_by = $2 WHERE id = $1 AND read_at IS NULL', [id, tokenId]);
  }

  async markAllRead(inbox: Inbox, tokenId: string): Promise<number> {
    const w = inboxWhere(inbox, 2);
    const rows: unknown[] = await this.ds.query(
      `WITH u AS (UPDATE notification SET read_at = clock_timestamp(), read_by = $1 WHERE ${w.sql} AND read_at IS NULL RETURNING id) SELECT id FROM u`,
      [tokenId, ...w.params],
    );
    return rows.length;
  }

  /** Notifications not yet in any digest, newer than `since`, per inbox key ('coordination' or 'regional:<office>'). */
  async undigested(since: Date): Promise<NotificationRow[]> {
    return this.ds.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification WHERE digest_id IS NULL AND created_at >= $1 ORDER BY side, office_id, created_at, id`,
      [since],
    );
  }

  async attachToDigest(db: Db, ids: string[], digestId: string): Promise<void> {
    await db.query('UPDATE notification SET digest_id = $2 WHERE id = ANY($1::uuid[]) AND digest_id IS NULL', [ids, digestId]);
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => work(m));
  }

  /** Nightly runs that failed since an instant (their night and error, from audit_run). */
  async failedNightlyRuns(since: Date): Promise<Array<{ id: string; nightly_date: string; error: string | null }>> {
    return this.ds.query(
      `SELECT id, nightly_date::text AS nightly_date, error FROM audit_run WHERE trigger = 'nightly' AND status = 'failed' AND started_at >= $1 ORDER BY started_at`,
      [since],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Db } from './notification.repository';

export interface OutboxRow {
  id: string;
  recipient_key: string;
  recipients: string[];
  subject: string;
  body_text: string;
  attempts: number;
}

@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => work(m));
  }

  /** One digest per inbox and night: a second instance building the same night gets undefined. */
  async insertDigest(
    db: Db,
    d: { recipientKey: string; side: string; officeId: string | null; digestDate: string; recipients: string[]; subject: string; body: string; dueAt: Date },
  ): Promise<string | undefined> {
    // Due at the service's clock, the one claimDue compares with: the database's own clock (the
    // column default) made a digest built under an injected clock wait until that real time came.
    const rows: Array<{ id: string }> = await db.query(
      `INSERT INTO mail_outbox (recipient_key, side, office_id, digest_date, recipients, subject, body_text, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ON CONSTRAINT uq_mail_outbox_digest DO NOTHING RETURNING id`,
      [d.recipientKey, d.side, d.officeId, d.digestDate, d.recipients, d.subject, d.body, d.dueAt],
    );
    return rows[0]?.id;
  }

  /**
   * Takes the next mail that is due, for a few minutes: another instance skips it meanwhile, and a
   * process that dies while sending leaves it to be taken again after the claim runs out.
   */
  async claimDue(now: Date): Promise<OutboxRow | undefined> {
    const rows: OutboxRow[] = await this.ds.query(
      `WITH next AS (
         SELECT id FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
          ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE mail_outbox m SET claimed_until = $1::timestamptz + interval '5 minutes'
           FROM next WHERE m.id = next.id
         RETURNING m.id, m.recipient_key, m.recipients, m.subject, m.body_text, m.attempts)
       SELECT * FROM claimed`,
      [now],
    );
    return rows[0];
  }

  async markSent(id: string): Promise<void> {
    await this.ds.query(`UPDATE mail_outbox SET status = 'sent', sent_at = clock_timestamp(), attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id = $1`, [id]);
  }

  /** A refused or unreachable server: try again later, or give up after maxAttempts (kept with its error). */
  async markFailed(id: string, error: string, retryAt: Date, giveUp: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3, claimed_until = NULL, status = CASE WHEN $4 THEN 'failed' ELSE status END WHERE id = $1`,
      [id, error.slice(0, 1000), retryAt, giveUp],
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: an inbox per side (the coordination office; each regional office), a mail outbox
 * for the nightly digest, and the recipients of that digest.
 *
 * - A notification belongs to a side and, for the regional side always, to an office; the
 *   coordination side's notifications name the office they are about (or none: a failed run).
 *   Read/unread is kept per notification, i.e. per side and office, not per token.
 * - dedupe_key makes producing a notification idempotent (an overdue action is announced once per
 *   due date, a failed run once), also when several instances sweep at the same time.
 * - mail_outbox holds one digest per recipient and night (uq_mail_outbox_digest): building it is
 *   exactly once across instances; sending is retried with back-off while the SMTP server refuses
 *   or cannot be reached, so an audit never waits for mail.
 * - notification_recipient: addresses per side and office, from config/offices.json (source
 *   'config', renewed at start) or added through the API (source 'api').
 */
export class Notifications1764200100000 implements MigrationInterface {
  name = 'Notifications1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient_key text NOT NULL,
        side text NOT NULL,
        office_id text NULL,
        digest_date date NOT NULL,
        recipients text[] NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        claimed_until timestamptz NULL,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz NULL,
        CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
        CONSTRAINT fk_mail_outbox_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT uq_mail_outbox_digest UNIQUE (recipient_key, digest_date),
        CONSTRAINT ck_mail_outbox_side CHECK (side IN ('coordination', 'regional')),
        CONSTRAINT ck_mail_outbox_status CHECK (status IN ('pending', 'sent', 'failed')),
        CONSTRAINT ck_mail_outbox_recipients CHECK (cardinality(recipients) > 0),
        CONSTRAINT ck_mail_outbox_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE notification (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        side text NOT NULL,
        office_id text NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text NULL,
        action_id uuid NULL,
        deviation_id uuid NULL,
        run_id uuid NULL,
        dedupe_key text NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz NULL,
        read_by uuid NULL,
        digest_id uuid NULL,
        CONSTRAINT pk_notification PRIMARY KEY (id),
        CONSTRAINT fk_notification_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_notification_action FOREIGN KEY (action_id) REFERENCES corrective_action (id),
        CONSTRAINT fk_notification_deviation FOREIGN KEY (deviation_id) REFERENCES deviation (id),
        CONSTRAINT fk_notification_run FOREIGN KEY (run_id) REFERENCES audit_run (id),
        CONSTRAINT fk_notification_read_by FOREIGN KEY (read_by) REFERENCES api_token (id),
        CONSTRAINT fk_notification_digest FOREIGN KEY (digest_id) REFERENCES mail_outbox (id),
        CONSTRAINT uq_notification_dedupe UNIQUE (dedupe_key),
        CONSTRAINT ck_notification_side CHECK (side IN ('coordination', 'regional')),
        CONSTRAINT ck_notification_regional_office CHECK (side = 'coordination' OR office_id IS NOT NULL),
        CONSTRAINT ck_notification_kind CHECK (kind IN (
          'action_opened', 'action_overdue', 'action_verified', 'action_reopened', 'action_dismissed', 'action_commented', 'action_done',
          'deviation_awaiting_consent', 'audit_failed', 'night_not_audited')),
        CONSTRAINT ck_notification_read CHECK ((read_at IS NULL) = (read_by IS NULL))
      )`);
    await q.query('CREATE INDEX ix_notification_inbox ON notification (side, office_id, created_at DESC)');
    await q.query('CREATE INDEX ix_notification_undigested ON notification (side, office_id) WHERE digest_id IS NULL');

    await q.query(`
      CREATE TABLE notification_recipient (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        side text NOT NULL,
        office_id text NULL,
        address text NOT NULL,
        source text NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_notification_recipient PRIMARY KEY (id),
        CONSTRAINT fk_notification_recipient_office FOREIGN KEY (office_id) REFERENCES office (id),
        CONSTRAINT fk_notification_recipient_token FOREIGN KEY (created_by) REFERENCES api_token (id),
        CONSTRAINT ck_notification_recipient_side CHECK (
          (side = 'coordination' AND office_id IS NULL) OR (side = 'regional' AND office_id IS NOT NULL)),
        CONSTRAINT ck_notification_recipient_source CHECK (source IN ('config', 'api')),
        CONSTRAINT ck_notification_recipient_address CHECK (address ~ '^[^@\\s]+@[^@\\s]+$')
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_notification_recipient ON notification_recipient (side, (COALESCE(office_id, '')), lower(address))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_recipient');
    await q.query('DROP TABLE notification');
    await q.query('DROP TABLE mail_outbox');
  }
}

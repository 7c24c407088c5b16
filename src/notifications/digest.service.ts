import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG } from '../app/app-options';
import { ZONE } from '../calendar';
import { CLOCK, type Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { OfficesService } from '../offices/offices.service';
import { digestMail } from './digest.text';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailSender } from './mail-sender';
import { NotificationRepository } from './notification.repository';
import type { NotificationRow } from './notification.view';
import { RecipientRepository } from './recipient.repository';
import { RecipientsService } from './recipients.service';

/** Notifications older than this are not mailed any more (e.g. when SMTP_URL is set later). */
const DIGEST_WINDOW_DAYS = 7;
/** Refused or unreachable: retried after 1, 2, 4 … minutes, at most hourly, for about a day. */
const MAX_ATTEMPTS = 30;

export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/**
 * The nightly e-mail digest: one mail per inbox (the coordination office; each regional office) and
 * night, through the mail outbox. Building it is exactly once across instances (unique per inbox and
 * night); sending happens apart from it and is retried, so neither an audit nor a sweep waits for
 * the SMTP server. Without SMTP_URL no digest is built and nothing is sent.
 */
@Injectable()
export class DigestService implements OnApplicationShutdown {
  private readonly logger = new Logger('MailDigest');
  private readonly sender?: MailSender;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly recipients: RecipientRepository,
    private readonly recipientConfig: RecipientsService,
    private readonly offices: OfficesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    if (config.notifications.smtpUrl) this.sender = new MailSender(config.notifications.smtpUrl);
  }

  get enabled(): boolean {
    return this.sender !== undefined;
  }

  onApplicationShutdown(): void {
    this.sender?.close();
  }

  /** Builds the digests of a night (default: today in Berlin) for every inbox with news and recipients. */
  async buildDigests(night = DateTime.fromJSDate(this.clock(), { zone: ZONE }).toISODate()!): Promise<number> {
    if (!this.enabled) return 0;
    await this.recipientConfig.syncConfig();
    const addresses = await this.recipients.byInbox();
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    const since = DateTime.fromJSDate(this.clock()).minus({ days: DIGEST_WINDOW_DAYS }).toJSDate();
    const byInbox = new Map<string, NotificationRow[]>();
    for (const n of await this.notifications.undigested(since)) {
      const key = n.side === 'coordination' ? 'coordination' : `regional:${n.office_id}`;
      byInbox.set(key, [...(byInbox.get(key) ?? []), n]);
    }
    let built = 0;
    for (const [key, items] of byInbox) {
      const to = addresses.get(key);
      if (!to || to.length === 0) continue; // kept for a later digest once someone is listed
      const officeId = key === 'coordination' ? null : key.slice('regional:'.length);
      const { subject, body } = digestMail(
        night,
        { name: officeId === null ? 'die Koordinierungsstelle' : `die Regionalstelle ${names.get(officeId) ?? officeId}`, inboxLink: '/mitteilungen' },
        items,
        this.config.notifications.publicUrl,
      );
      const created = await this.outbox.transaction(async (db) => {
        const id = await this.outbox.insertDigest(db, { recipientKey: key, side: items[0].side, officeId, digestDate: night, recipients: to, subject, body, dueAt: this.clock() });
        if (id) await this.notifications.attachToDigest(db, items.map((n) => n.id), id);
        return id !== undefined;
      });
      if (created) built++;
    }
    if (built) this.logger.log({ msg: 'digests built', night, count: built });
    return built;
  }

  /** Sends every mail that is due; a failure is recorded and retried later. */
  async sendDue(): Promise<{ sent: number; failed: number }> {
    const result = { sent: 0, failed: 0 };
    if (!this.sender) return result;
    for (let mail = await this.outbox.claimDue(this.clock()); mail; mail = await this.outbox.claimDue(this.clock())) {
      try {
        await this.sender.send({ from: this.config.notifications.mailFrom, to: mail.recipients, subject: mail.subject, text: mail.body_text });
        await this.outbox.markSent(mail.id);
        result.sent++;
      } catch (err) {
        const attempts = mail.attempts + 1;
        const retryAt = DateTime.fromJSDate(this.clock()).plus({ minutes: retryDelayMinutes(attempts) }).toJSDate();
        const message = err instanceof Error ? err.message : String(err);
        await this.outbox.markFailed(mail.id, message, retryAt, attempts >= MAX_ATTEMPTS);
        this.logger.warn({ msg: 'digest not sent; retried later', mailId: mail.id, attempts, error: message });
        result.failed++;
        // The server is down: the other mails would fail the same way; they wait for the next round.
        break;
      }
    }
    return result;
  }
}

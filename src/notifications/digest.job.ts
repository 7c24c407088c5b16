import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG } from '../app/app-options';
import { ZONE } from '../calendar';
import type { AppConfig } from '../config/app-config';
import { DigestService } from './digest.service';
import { NotificationSweeps } from './notification-sweeps.service';

const SEND_EVERY_MS = 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The schedule of the notifications (service mode, MAIL_DIGEST): sweeps every few minutes (overdue
 * actions, failed runs), the digest each night at MAIL_DIGEST_CRON (Europe/Berlin), and the outbox
 * every minute so a refused mail is retried without anyone waiting for it.
 */
@Injectable()
export class DigestJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestJob');
  private readonly timers: NodeJS.Timeout[] = [];
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly digests: DigestService,
    private readonly sweeps: NotificationSweeps,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
  ) {}

  onApplicationBootstrap(): void {
    if (this.mode !== 'service' || !this.config.notifications.digestEnabled) return;
    this.scheduler.addCronJob('mail-digest', new CronJob(this.config.notifications.digestCron, () => void this.nightly(), null, true, ZONE));
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => void this.serial(work), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(SWEEP_EVERY_MS, () => this.sweeps.runAll());
    if (this.digests.enabled) every(SEND_EVERY_MS, () => this.digests.sendDue());
    this.logger.log({ msg: 'notifications scheduled', digestCron: this.config.notifications.digestCron, mail: this.digests.enabled ? 'SMTP' : 'aus (SMTP_URL fehlt)' });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.busy.catch(() => undefined);
  }

  /** Sweeps, then this night's digests, then sending. */
  nightly(): Promise<unknown> {
    return this.serial(async () => {
      await this.sweeps.runAll();
      await this.digests.buildDigests();
      await this.digests.sendDue();
    });
  }

  private serial(work: () => Promise<unknown>): Promise<unknown> {
    const next = this.busy.then(work).catch((err) => this.logger.error({ msg: 'notification work failed', error: err instanceof Error ? err.message : String(err) }));
    this.busy = next;
    return next;
  }
}

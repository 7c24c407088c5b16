import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DateTime } from 'luxon';
import { APP_CONFIG } from '../app/app-options';
import { CLOCK, type Clock } from '../common/clock';
import { ZONE } from '../calendar';
import type { AppConfig } from '../config/app-config';
import { nightlyPeriods } from './audit-periods';
import { AuditRunRepository } from './audit-run.repository';
import { AuditService } from './audit.service';

/** A running nightly run that has not written for this long belongs to a process that died. */
const STALE_AFTER_SECONDS = 15 * 60;


/**
 * The nightly audit. Each tick makes sure every night up to yesterday has its run: a night the
 * service missed while it was down is audited at the next start or tick ("no silent gaps"), a run
 * whose process died is failed and redone. Exactly once across instances comes from the database
 * (a partial unique index on the night), not from an in-memory flag.
 */
@Injectable()
export class NightlyAuditJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NightlyAudit');
  private running: Promise<string[]> | undefined;

  constructor(
    private readonly audits: AuditService,
    private readonly runs: AuditRunRepository,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.mode !== 'service' || !this.config.nightlyAudit.enabled) return;
    const job = new CronJob(this.config.nightlyAudit.cron, () => void this.tick(), null, true, ZONE);
    this.scheduler.addCronJob('nightly-audit', job);
    this.logger.log({ msg: 'nightly audit scheduled', cron: this.config.nightlyAudit.cron, zone: ZONE });
    // The catch-up of nights missed while the service was down is started by StartupService, after
    // the demo data is in (src/app/startup.service.ts).
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One catch-up pass; overlapping ticks in one process share the pass already under way. */
  tick(): Promise<string[]> {
    const pass = (this.running ??= this.catchUp().finally(() => (this.running = undefined)));
    return pass;
  }

  /** Audits every night without a run, at most catchUpDays back and not before the first nightly run, up to yesterday. */
  async catchUp(): Promise<string[]> {
    const done: string[] = [];
    try {
      await this.runs.reapStale(STALE_AFTER_SECONDS);
      const yesterday = DateTime.fromJSDate(this.clock(), { zone: ZONE }).minus({ days: 1 }).toISODate()!;
      const earliest = DateTime.fromISO(yesterday, { zone: ZONE }).minus({ days: Math.max(0, this.config.nightlyAudit.catchUpDays - 1) }).toISODate()!;
      // Never backfill before the first nightly run: a new installation starts with yesterday.
      const first = (await this.runs.firstNightlyDate()) ?? yesterday;
      const from = first > earliest ? first : earliest;
      for (const night of await this.runs.nightsWithoutRun(from, yesterday)) {
        // One night failing (visible as a failed run with its error) must not hold back the next.
        try {
          if (await this.runNight(night)) done.push(night);
        } catch (err) {
          this.logger.error({ msg: 'nightly audit failed', night, error: err instanceof Error ? err.message : String(err) });
        }
      }
    } catch (err) {
      this.logger.error({ msg: 'nightly audit failed', error: err instanceof Error ? err.message : String(err) });
    }
    return done;
  }

  /** Runs one night's audit unless another instance has it; true when this instance ran it. */
  async runNight(night: string): Promise<boolean> {
    const { from, to, periods } = nightlyPeriods(night);
    const run = await this.audits.run({ trigger: 'nightly', nightlyDate: night, from, to, periods });
    if (run) this.logger.log({ msg: 'nightly audit done', night, runId: run.id, findings: run.findingCount });
    return run !== undefined;
  }
}

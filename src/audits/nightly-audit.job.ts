import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DateTime } from 'luxon';
import { APP_CONFIG } from '../app/app-options';
import { CLOCK, type Clock } from '../common/clock';
import { ZONE } from '../calendar';
import type { AppConfig } from '../config/app-config';
import { DATABASE_TARGET } from '../database/database.module';
import type { DatabaseTarget } from '../database/database-target';
import { ServiceInstance } from '../instances/service-instance';
import { CatalogService } from '../standards/catalog.service';
import { catchUpCommand } from './audit-gaps';
import { nightlyPeriods } from './audit-periods';
import { AuditRunRepository, type ReapedRun } from './audit-run.repository';
import { AuditService } from './audit.service';

/**
 * The nightly audit. Each tick makes sure every night up to yesterday has its run: a night the
 * service missed while it was down is audited at the next start or tick ("no silent gaps"), a run
 * whose process died is failed and redone. Exactly once across instances comes from the database
 * (a partial unique index on the night), not from an in-memory flag.
 *
 * Runs of dead processes (issue 10): at start-up, before the first request, and after every
 * heartbeat of this instance, runs left "running" by a dead process are failed (their partial
 * findings removed), also with NIGHTLY_AUDIT=false; a nightly one among them has its night redone at
 * once when the nightly audit is enabled.
 */
@Injectable()
export class NightlyAuditJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('NightlyAudit');
  private running: Promise<string[]> | undefined;

  constructor(
    private readonly audits: AuditService,
    private readonly runs: AuditRunRepository,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly instance: ServiceInstance,
    @Inject(DATABASE_TARGET) private readonly database: Pick<DatabaseTarget, 'embedded'>,
    private readonly catalog: CatalogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.mode !== 'service') return;
    // Awaited: no request may see a dead run as "running" or read its partial findings.
    await this.reapDeadRuns({ atStart: true });
    this.instance.onBeat(() => this.reapDeadRuns({ atStart: false }));
    // A graceful stop lets the pass under way finish before this instance says it stopped.
    this.instance.beforeStop(() => this.running?.catch(() => undefined) ?? Promise.resolve());
    if (!this.config.nightlyAudit.enabled) return;
    const job = new CronJob(this.config.nightlyAudit.cron, () => void this.tick(), null, true, ZONE);
    this.scheduler.addCronJob('nightly-audit', job);
    this.logger.log({ msg: 'nightly audit scheduled', cron: this.config.nightlyAudit.cron, zone: ZONE });
    // The catch-up of nights missed while the service was down is started by StartupService, after
    // the demo data is in (src/app/startup.service.ts).
  }

  /**
   * Fails the runs of dead processes. At start-up on the embedded database every run still running
   * is dead (one process per data folder); otherwise a run is dead when its instance stopped or
   * stopped beating. A failed nightly run found after start-up starts a catch-up pass at once.
   */
  async reapDeadRuns(options: { atStart: boolean }): Promise<ReapedRun[]> {
    const reaped = await this.runs.failDeadRuns({ deadAfterSeconds: this.instance.deadAfterSeconds, othersAreDead: options.atStart && this.database.embedded });
    for (const run of reaped) this.logger.warn({ msg: 'audit run of a dead process failed', runId: run.id, trigger: run.trigger, night: run.nightlyDate, findingsWritten: run.findingsWritten });
    if (!options.atStart && this.config.nightlyAudit.enabled && reaped.some((r) => r.trigger === 'nightly')) void this.tick();
    return reaped;
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
      await this.runs.failDeadRuns({ deadAfterSeconds: this.instance.deadAfterSeconds, othersAreDead: false });
      const yesterday = DateTime.fromJSDate(this.clock(), { zone: ZONE }).minus({ days: 1 }).toISODate()!;
      const earliest = DateTime.fromISO(yesterday, { zone: ZONE }).minus({ days: Math.max(0, this.config.nightlyAudit.catchUpDays - 1) }).toISODate()!;
      // Never backfill before the first nightly run: a new installation starts with yesterday.
      const first = (await this.runs.firstNightlyDate()) ?? yesterday;
      const from = first > earliest ? first : earliest;
      // Older nights are not caught up; they are recorded as missed, never skipped silently.
      await this.recordMissedNights(first, DateTime.fromISO(earliest, { zone: ZONE }).minus({ days: 1 }).toISODate()!);
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

  /** Records every night in [from, to] without a run as missed, saying how to audit it by hand. */
  private async recordMissedNights(from: string, to: string): Promise<void> {
    const nights = await this.runs.unrecordedMissedNights(from, to);
    for (const night of nights) {
      const { from: periodFrom, to: periodTo, periods } = nightlyPeriods(night);
      const error =
        `Nicht geprüft: Die Nacht lag beim Nachholen mehr als ${this.config.nightlyAudit.catchUpDays} Nächte zurück (NIGHTLY_CATCH_UP_DAYS) ` +
        `und wird nicht automatisch nachgeholt. Nachholen mit: ${catchUpCommand(night)}`;
      await this.runs.recordMissedNight({ from: periodFrom, to: periodTo, periods: periods.map((p) => p.id), catalogVersion: [...new Set(periods.map((p) => (this.catalog.forPeriod(p) ?? this.catalog.forDate(p.from)).version))].join(', '), nightlyDate: night }, error);
    }
    if (nights.length > 0) this.logger.warn({ msg: 'nights not audited: too old to catch up', nights, command: catchUpCommand(nights[0]) });
  }

  /** Runs one night's audit unless another instance has it; true when this instance ran it. */
  async runNight(night: string): Promise<boolean> {
    const { from, to, periods } = nightlyPeriods(night);
    const run = await this.audits.run({ trigger: 'nightly', nightlyDate: night, from, to, periods });
    if (run) this.logger.log({ msg: 'nightly audit done', night, runId: run.id, findings: run.findingCount });
    return run !== undefined;
  }
}

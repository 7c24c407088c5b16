import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import { CLOCK, type Clock } from '../common/clock';
import { NotificationRepository } from './notification.repository';
import { NIGHT_GAP_SOURCE, type NightGapSource } from './night-gaps.seam';
import { NotificationsService } from './notifications.service';

export type Sweep = () => Promise<unknown>;

/** How far back failed runs and unaudited nights are announced (older ones were announced before or are history). */
const LOOK_BACK_DAYS = 7;

/**
 * Notifications nobody triggers directly: overdue actions (registered by src/actions), failed
 * nightly runs, nights that could not be audited. Each is idempotent (dedupe keys), so sweeps may
 * run often and on every instance.
 */
@Injectable()
export class NotificationSweeps {
  private readonly logger = new Logger('NotificationSweeps');
  private readonly sweeps: Array<{ name: string; run: Sweep }> = [];

  constructor(
    private readonly repo: NotificationRepository,
    private readonly notifications: NotificationsService,
    @Inject(NIGHT_GAP_SOURCE) private readonly gaps: NightGapSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(name: string, run: Sweep): void {
    this.sweeps.push({ name, run });
  }

  async runAll(): Promise<void> {
    const all = [...this.sweeps, { name: 'failed nightly runs', run: () => this.announceFailedRuns() }, { name: 'nights not audited', run: () => this.announceNightGaps() }];
    for (const s of all) {
      try {
        await s.run();
      } catch (err) {
        this.logger.error({ msg: 'sweep failed', sweep: s.name, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  /** "A nightly run that failed": one notice per failed nightly run, to the coordination office. */
  async announceFailedRuns(): Promise<number> {
    const since = DateTime.fromJSDate(this.clock()).minus({ days: LOOK_BACK_DAYS }).toJSDate();
    const failed = await this.repo.failedNightlyRuns(since);
    return this.repo.transaction((db) =>
      this.notifications.notify(
        db,
        ...failed.map((r) => ({
          side: 'coordination' as const,
          officeId: null,
          kind: 'audit_failed' as const,
          title: `Nächtliche Prüfung fehlgeschlagen (Nacht zum ${de(r.nightly_date)})`,
          body: `Fehler: ${r.error ?? 'unbekannt'}. Die Nacht wird beim nächsten Lauf nachgeholt, solange sie in der Nachholfrist liegt.`,
          link: '/',
          runId: r.id,
          dedupeKey: `audit_failed:${r.id}`,
        })),
      ),
    );
  }

  /** SEAM (night-gaps.seam.ts): nights the gaps API reports as not audited. */
  async announceNightGaps(): Promise<number> {
    const since = DateTime.fromJSDate(this.clock(), { zone: ZONE }).minus({ days: LOOK_BACK_DAYS }).toISODate()!;
    const gaps = await this.gaps.nightsNotAudited(since);
    if (gaps.length === 0) return 0;
    return this.repo.transaction((db) =>
      this.notifications.notify(
        db,
        ...gaps.map((g) => ({
          side: 'coordination' as const,
          officeId: null,
          kind: 'night_not_audited' as const,
          title: `Nacht zum ${de(g.night)} nicht geprüft`,
          body: g.reason,
          link: '/',
          dedupeKey: `night_not_audited:${g.night}`,
        })),
      ),
    );
  }
}

const de = (iso: string) => iso.split('-').reverse().join('.');

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AuditRunEvents } from '../audits/audit-run.events';
import { AuditRunRepository, type FindingRef } from '../audits/audit-run.repository';
import { berlinToday, CLOCK, type Clock } from '../common/clock';
import { Slices } from '../common/time-slices';
import { periodLabel, STATUS_LABELS, type Obligation } from '../engine';
import { NotificationSweeps } from '../notifications/notification-sweeps.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import { actionNotices, actionSubject, germanDate, periodList, type NoticeContext } from './action-notices';
import type { NewNotification } from '../notifications/notification.view';
import { actionKey, ActionRepository, type Db, type NewActionEvent } from './action.repository';
import type { AuditActionRow } from './action.view';
import { dueDate, nextPeriod, periodOf } from './verification-period';

interface Counts {
  opened: number;
  linked: number;
  verified: number;
  reopened: number;
}

/**
 * Turns the findings of each succeeded audit run into corrective actions, exactly once per run:
 * the run's processed marker is written in the same transaction as the actions it opens, links,
 * verifies or reopens (an instance that crashes half-way leaves nothing, and the run stays pending),
 * and an advisory lock makes instances sharing a server database take runs one after the other.
 *
 * Verification by evidence: a done action names the first complete period after its done date
 * (verify_period). When a run judges that period for the office and rule:
 * - compliant → verified, the finding is linked as evidence;
 * - non_compliant → open again, with a note and a new due date;
 * - insufficient_data, not_applicable, waived or observed decide nothing: the period could not show whether the
 *   measure worked, so the next period of the same kind decides instead (noted in the history).
 *   Waiting for late evidence of the same period instead could leave an action "done" forever.
 * A violation in any period that begins after the done date also reopens the action: the gap persists.
 */
@Injectable()
export class ActionRunProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('CorrectiveActions');
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: ActionRepository,
    private readonly runs: AuditRunRepository,
    private readonly events: AuditRunEvents,
    private readonly catalog: CatalogService,
    private readonly offices: OfficesService,
    private readonly notifications: NotificationsService,
    private readonly sweeps: NotificationSweeps,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject('APP_MODE') private readonly mode: 'service' | 'cli',
  ) {}

  onModuleInit(): void {
    this.events.onSucceeded(() => this.processPending().then(() => undefined));
    // Runs whose processing failed (or whose instance died) are retried with the sweeps.
    this.sweeps.register('audit runs not yet turned into actions', () => this.processPending());
  }

  onApplicationBootstrap(): void {
    // A run that succeeded while this instance was down (or crashed before processing) is caught up.
    if (this.mode === 'service') void this.processPending().catch((err) => this.logger.error({ msg: 'catch-up failed', error: String(err) }));
  }

  /** Processes every pending succeeded run, oldest first; calls in one process queue up behind each other. */
  processPending(): Promise<number> {
    const next = this.queue.then(async () => {
      let done = 0;
      for (;;) {
        const pending = await this.repo.pendingRuns();
        if (pending.length === 0) return done;
        for (const runId of pending) if (await this.processRun(runId)) done++;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Processes one run unless it was processed already (by this or another instance); true when this call did. */
  async processRun(runId: string): Promise<boolean> {
    // Read before the transaction: the embedded database has one connection.
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    // A rule is looked up once per run: CatalogService.rule asks the clock for today's version each
    // time, and thousands of new actions after a full-year run made that ~30 ms of the event loop.
    const rules = new Map<string, ReturnType<CatalogService['rule']>>();
    const rule = (id: string) => (rules.has(id) ? rules.get(id) : rules.set(id, this.catalog.rule(id)).get(id));
    const ctx: NoticeContext = { officeName: (id) => (id === null ? 'ganzer Bezirk' : (names.get(id) ?? id)), rule };
    const today = berlinToday(this.clock);
    const ruleIds = this.catalog.rulesOf().filter((r) => r.opensAction).map((r) => r.id);
    const counts: Counts = { opened: 0, linked: 0, verified: 0, reopened: 0 };
    const processed = await this.repo.transaction(async (db) => {
      await this.repo.lockProcessing(db);
      if (!(await this.repo.claimRun(db, runId))) return false;
      await this.openOrExtend(db, runId, ruleIds, today, ctx, counts);
      await this.verify(db, runId, today, ctx, counts);
      await this.repo.recordCounts(db, runId, counts);
      return true;
    });
    if (processed) this.logger.log({ msg: 'audit run turned into corrective actions', runId, ...counts });
    return processed;
  }

  /**
   * Opens an action for each office and rule with violations and none live, and adds the findings to
   * the live ones; set-wise (a handful of statements however many offices a run judged). A done
   * action whose violation recurs after its done date is reopened.
   */
  private async openOrExtend(db: Db, runId: string, ruleIds: string[], today: string, ctx: NoticeContext, counts: Counts): Promise<void> {
    const groups = new Map<string, Array<FindingRef & { obligation: Obligation; catalogVersion: string }>>();
    for (const f of await this.runs.violations(runId, ruleIds, db)) {
      const key = actionKey(f.officeId, f.ruleId);
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
    const live = await this.repo.liveForMany(db, [...groups.values()].map(([f]) => f));
    const fresh = [...groups].filter(([key]) => !live.has(key)).map(([, findings]) => findings);
    // Thousands of actions share a handful of due dates and periods: computed once each (luxon per
    // action held the event loop for ~0.15 s after a full-year run).
    const dueDates = new Map<Obligation, string>();
    const dueFor = (obligation: Obligation) => dueDates.get(obligation) ?? dueDates.set(obligation, dueDate(today, this.dueWeeks(obligation))).get(obligation)!;
    const periodEnds = new Map<string, string>();
    const endOf = (period: string) => periodEnds.get(period) ?? periodEnds.set(period, periodOf(period).to).get(period)!;
    const opened = await this.repo.insertMany(
      db,
      fresh.map((findings) => {
        const { officeId, ruleId, obligation } = findings[0];
        return {
          officeId,
          ruleId,
          obligation,
          periodKind: findings.some((f) => f.periodKind === 'week') ? 'week' : 'month',
          responsibleSide: officeId === null ? 'coordination' : 'regional',
          dueDate: dueFor(obligation),
          // The version that judged the violation (the latest one found), not the one in force today.
          catalogVersion: judgedBy(findings, endOf),
          openedByRun: runId,
        } as const;
      }),
    );
    const extended = [...groups].flatMap(([key, findings]) => (live.has(key) ? [{ action: live.get(key)!, findings }] : []));
    const linked = await this.repo.linkFindingsMany(
      db,
      runId,
      [...opened.map((action, i) => ({ actionId: action.id, refs: fresh[i] })), ...extended.map(({ action, findings }) => ({ actionId: action.id, refs: findings }))],
      'cause',
    );
    for (const refs of linked.values()) counts.linked += refs.length;
    counts.opened += opened.length;

    const events: NewActionEvent[] = [];
    const notices: NewNotification[] = [];
    // Thousands of actions after a full-year run: the event loop is handed back between slices.
    const slices = new Slices();
    for (const [i, action] of opened.entries()) {
      const periods = periodList(fresh[i].map((f) => f.period));
      events.push({ actionId: action.id, kind: 'opened', fromStatus: null, toStatus: 'open', actor: { runId }, note: `${STATUS_LABELS.non_compliant.text}: ${periods}.` });
      notices.push(
        ...actionNotices(ctx, action, 'action_opened', ['responsible'], `Neue Maßnahme nötig: ${actionSubject(ctx, action)}`, `Der Prüflauf hat festgestellt: ${STATUS_LABELS.non_compliant.text} (${periods}). Bitte bis ${germanDate(action.due_date)} eine Maßnahme planen und umsetzen.`),
      );
      await slices.pause();
    }
    for (const { action } of extended) {
      const added = linked.get(action.id) ?? [];
      if (added.length > 0) {
        events.push({ actionId: action.id, kind: 'findings_added', fromStatus: action.status, toStatus: action.status, actor: { runId }, note: `Weitere Feststellungen „${STATUS_LABELS.non_compliant.text}“: ${periodList(added.map((f) => f.period))}.` });
      }
    }
    await this.repo.addEvents(db, events);
    await this.notifications.notify(db, ...notices);

    for (const { action, findings } of extended) {
      if (action.status !== 'done') continue;
      const after = findings.filter((f) => periodOf(f.period).from > action.done_on!);
      if (after.length > 0) await this.reopenByEvidence(db, runId, action, after, today, ctx, counts);
    }
  }

  private async verify(db: Db, runId: string, today: string, ctx: NoticeContext, counts: Counts): Promise<void> {
    const done = await this.repo.done(db);
    const verdicts = await this.runs.verdicts(runId, done.map((a) => ({ officeId: a.office_id, ruleId: a.rule_id, period: a.verify_period! })), db);
    for (const action of done) {
      const verdict = verdicts.find((v) => v.officeId === action.office_id && v.ruleId === action.rule_id && v.period === action.verify_period);
      if (!verdict) continue;
      const period = periodLabel(verdict.period);
      if (verdict.status === 'compliant') {
        await this.repo.linkFindings(db, action.id, runId, [verdict], 'evidence');
        const row = await this.repo.change(db, action.id, { status: 'verified' });
        await this.repo.addEvent(db, { actionId: action.id, kind: 'verified', fromStatus: 'done', toStatus: 'verified', actor: { runId }, note: `${period}: ${STATUS_LABELS.compliant.text}. Die Maßnahme hat gewirkt.` });
        await this.notifications.notify(db, ...actionNotices(ctx, row, 'action_verified', ['regional', 'coordination'], `Maßnahme bestätigt: ${actionSubject(ctx, row)}`, `${period} ist ${STATUS_LABELS.compliant.text}; die Maßnahme gilt damit als wirksam.`));
        counts.verified++;
      } else if (verdict.status === 'non_compliant') {
        await this.reopenByEvidence(db, runId, action, [verdict], today, ctx, counts);
      } else {
        const next = nextPeriod(verdict.period);
        await this.repo.change(db, action.id, { status: 'done', verifyPeriod: next.id });
        await this.repo.addEvent(db, {
          actionId: action.id,
          kind: 'verification_postponed',
          fromStatus: 'done',
          toStatus: 'done',
          actor: { runId },
          note: `${period} ließ sich nicht als erfüllt oder nicht erfüllt beurteilen (${STATUS_LABELS[verdict.status].text}); über die Wirksamkeit entscheidet nun ${periodLabel(next.id)}.`,
        });
      }
    }
  }

  private async reopenByEvidence(db: Db, runId: string, action: AuditActionRow, findings: FindingRef[], today: string, ctx: NoticeContext, counts: Counts): Promise<void> {
    await this.repo.linkFindings(db, action.id, runId, findings, 'cause');
    const due = dueDate(today, this.dueWeeks(action.obligation));
    const row = await this.repo.change(db, action.id, { status: 'open', dueDate: due, doneOn: null, verifyPeriod: null });
    const periods = periodList(findings.map((f) => f.period));
    const note = `Nach der Erledigung am ${germanDate(action.done_on!)} wieder ${STATUS_LABELS.non_compliant.text}: ${periods}. Die Maßnahme ist wieder offen, neue Frist ${germanDate(due)}.`;
    await this.repo.addEvent(db, { actionId: action.id, kind: 'reopened', fromStatus: 'done', toStatus: 'open', actor: { runId }, note });
    await this.notifications.notify(db, ...actionNotices(ctx, row, 'action_reopened', ['regional', 'coordination'], `Maßnahme wieder offen: ${actionSubject(ctx, row)}`, note));
    counts.reopened++;
  }

  private dueWeeks(obligation: Obligation): number {
    return this.catalog.catalog.actionDueWeeks[obligation];
  }
}

/** The catalog version of the finding whose period ends last (a run over a version change judges periods by different versions). */
function judgedBy(findings: Array<{ period: string; catalogVersion: string }>, endOf: (period: string) => string): string {
  let latest = findings[0];
  for (const f of findings) if (endOf(f.period) > endOf(latest.period)) latest = f;
  return latest.catalogVersion;
}

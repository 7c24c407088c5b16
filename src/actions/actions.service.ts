import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ACTION_STATUS_LABELS, periodLabel, type ActionStatus } from '../engine';
import { NotificationSweeps } from '../notifications/notification-sweeps.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import { actionNotices, actionSubject, germanDate, type NoticeContext } from './action-notices';
import { ActionRepository, type ActionChange, type Db } from './action.repository';
import { berlinToday } from '../common/clock';
import { commandProblem, targetStatus, type ActionCommand } from './action-transitions';
import { toSummary, toView, type ActionRow, type ActionSummary, type ActionView } from './action.view';
import type { ActionQueryDto } from './dto/action-query.dto';
import { dueDate, firstPeriodAfter } from './verification-period';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Survey actions have no rule and so no obligation; their due dates follow the catalog's weeks for
 * a "should" rule (a gap in a survey is not a violation of a "must"). Documented in the README.
 */
export const SURVEY_ACTION_OBLIGATION = 'should' as const;

/** How the done notice of a survey action names what decides. */
export const SURVEY_DECIDES = 'die nächste Befragungsrunde desselben Fragebogens, die nach der Erledigung beginnt';

/** How long verified and dismissed actions stay in the "recently closed" lists of the pages. */
export const RECENT_DAYS = 30;

/**
 * What people do with corrective actions: list and read them within their offices, and move them
 * through the cycle (action-transitions.ts says who may do what). Every step is one transaction:
 * the row is locked, the transition checked (409 with a German message, nothing written), changed,
 * recorded as an event, and announced to the other side.
 */
@Injectable()
export class ActionsService implements OnModuleInit {
  constructor(
    private readonly repo: ActionRepository,
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
    private readonly sweeps: NotificationSweeps,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweeps.register('overdue corrective actions', () => this.announceOverdue());
  }

  async list(principal: Principal, q: ActionQueryDto): Promise<ActionSummary[]> {
    const today = berlinToday(this.clock);
    if (q.office !== undefined) {
      assertOfficeAccess(principal, q.office);
      await this.offices.get(q.office);
    }
    if (q.rule !== undefined && !this.catalog.rule(q.rule)) throw DomainError.validation([{ field: 'rule', message: `Die Regel „${q.rule}“ ist nicht bekannt.` }]);
    if (q.scope === 'district' && principal.role !== 'coordination') throw DomainError.forbidden('Maßnahmen zu Regeln des ganzen Bezirks sieht nur die Koordinierungsstelle.');
    const officeIds = q.office !== undefined ? [q.office] : principal.role === 'coordination' ? undefined : principal.officeIds;
    const rows = await this.repo.list({
      officeIds,
      source: q.source,
      ruleId: q.rule,
      statuses: q.status ? [q.status] : undefined,
      overdueOn: q.overdue === 'true' ? today : undefined,
      closedSince: q.closedWithinDays ? DateTime.fromJSDate(this.clock()).minus({ days: Number(q.closedWithinDays) }).toJSDate() : undefined,
    });
    return rows
      .filter((r) => (q.scope === 'district' ? r.office_id === null : q.scope === 'office' ? r.office_id !== null : true))
      .map((r) => toSummary(r, today))
      .filter((a) => (q.overdue === 'false' ? !a.overdue : true));
  }

  async show(principal: Principal, id: string): Promise<ActionView> {
    const row = UUID.test(id) ? await this.repo.get(id) : undefined;
    if (!row) throw notFound(id);
    assertActionAccess(principal, row);
    return toView(row, await this.repo.findings(id), await this.repo.events(id), berlinToday(this.clock));
  }

  plan(principal: Principal, id: string, measure: string): Promise<ActionView> {
    return this.command(principal, id, 'plan', measure.trim(), () => ({ status: 'planned', measure: measure.trim() }));
  }

  done(principal: Principal, id: string, note?: string): Promise<ActionView> {
    return this.command(
      principal,
      id,
      'done',
      note?.trim() || null,
      // A survey action has no judged period: the next round of its questionnaire decides (survey-action-sink.adapter.ts).
      (row, today) => ({ status: 'done', doneOn: today, verifyPeriod: row.period_kind === null ? null : firstPeriodAfter(today, row.period_kind).id }),
      (row, ctx) =>
        actionNotices(
          ctx,
          row,
          'action_done',
          ['coordination'],
          `Maßnahme erledigt gemeldet: ${actionSubject(ctx, row)}`,
          `Über die Wirksamkeit entscheidet ${row.verify_period ? periodLabel(row.verify_period) : SURVEY_DECIDES}.${note?.trim() ? ` Anmerkung: ${note.trim()}` : ''}`,
        ),
    );
  }

  comment(principal: Principal, id: string, note: string): Promise<ActionView> {
    return this.command(principal, id, 'comment', note.trim(), (row) => ({ status: row.status }), (row, ctx) =>
      actionNotices(ctx, row, 'action_commented', [principal.role === 'coordination' ? 'regional' : 'coordination'], `Kommentar zur Maßnahme: ${actionSubject(ctx, row)}`, note.trim()),
    );
  }

  dismiss(principal: Principal, id: string, reason: string): Promise<ActionView> {
    return this.command(principal, id, 'dismiss', reason.trim(), () => ({ status: 'dismissed', dismissReason: reason.trim() }), (row, ctx) =>
      actionNotices(ctx, row, 'action_dismissed', ['regional'], `Maßnahme verworfen: ${actionSubject(ctx, row)}`, `Begründung der Koordinierungsstelle: ${reason.trim()}`),
    );
  }

  reopen(principal: Principal, id: string, note?: string): Promise<ActionView> {
    return this.command(
      principal,
      id,
      'reopen',
      note?.trim() || null,
      (row, today) => ({ status: 'open', dueDate: dueDate(today, this.catalog.catalog.actionDueWeeks[row.obligation ?? SURVEY_ACTION_OBLIGATION]), doneOn: null, verifyPeriod: null, dismissReason: null }),
      (row, ctx) => actionNotices(ctx, row, 'action_reopened', ['regional'], `Maßnahme wieder geöffnet: ${actionSubject(ctx, row)}`, `Die Koordinierungsstelle hat die Maßnahme wieder geöffnet; neue Frist ${germanDate(row.due_date)}.${note?.trim() ? ` ${note.trim()}` : ''}`),
    );
  }

  /** There is no way to verify by hand; the route exists to say so (409) after the usual access checks. */
  verify(principal: Principal, id: string): Promise<ActionView> {
    return this.command(principal, id, 'verify', null, (row) => ({ status: row.status }));
  }

  private async command(
    principal: Principal,
    id: string,
    command: ActionCommand,
    note: string | null,
    change: (row: ActionRow, today: string) => ActionChange,
    notices?: (row: ActionRow, ctx: NoticeContext) => ReturnType<typeof actionNotices>,
  ): Promise<ActionView> {
    if (!UUID.test(id)) throw notFound(id);
    const today = berlinToday(this.clock);
    // Names for the notices are read before the transaction: the embedded database has one connection.
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    const ctx: NoticeContext = { officeName: (officeId) => (officeId === null ? 'ganzer Bezirk' : (names.get(officeId) ?? officeId)), rule: (ruleId) => this.catalog.rule(ruleId) };
    return this.repo.transaction(async (db: Db) => {
      const row = await this.repo.getForUpdate(db, id);
      if (!row) throw notFound(id);
      assertActionAccess(principal, row);
      const problem = commandProblem(command, { status: row.status, responsibleSide: row.responsible_side }, principal.role);
      if (problem) throw problem.kind === 'forbidden' ? DomainError.forbidden(problem.message) : new DomainError('conflict', problem.message);
      const next = change(row, today);
      const changed = next.status === row.status && command === 'comment' ? row : await this.repo.change(db, id, next).catch(liveConflict);
      const kind = command === 'plan' ? 'planned' : command === 'dismiss' ? 'dismissed' : command === 'reopen' ? 'reopened' : command === 'comment' ? 'commented' : 'done';
      await this.repo.addEvent(db, { actionId: id, kind, fromStatus: row.status, toStatus: targetStatus(command as Exclude<ActionCommand, 'verify'>, row.status), actor: { side: principal.role, tokenId: principal.tokenId }, note });
      if (notices) await this.notifications.notify(db, ...notices(changed, ctx));
      return toView(changed, await this.repo.findings(id, db), await this.repo.events(id, db), today);
    });
  }

  /** Announces actions that are past due, once per action, due date and side (dedupe key). */
  async announceOverdue(): Promise<number> {
    const today = berlinToday(this.clock);
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    const ctx: NoticeContext = { officeName: (officeId) => (officeId === null ? 'ganzer Bezirk' : (names.get(officeId) ?? officeId)), rule: (ruleId) => this.catalog.rule(ruleId) };
    const overdue = await this.repo.list({ overdueOn: today, limit: 10_000 });
    if (overdue.length === 0) return 0;
    return this.repo.transaction(async (db) => {
      let n = 0;
      for (const row of overdue) {
        const status = ACTION_STATUS_LABELS[row.status as ActionStatus].text;
        n += await this.notifications.notify(
          db,
          ...actionNotices(ctx, row, 'action_overdue', ['responsible', 'coordination'], `Maßnahme überfällig: ${actionSubject(ctx, row)}`, `Die Frist ist am ${germanDate(row.due_date)} abgelaufen; die Maßnahme ist noch „${status}“.`, `action_overdue:${row.id}:${row.due_date}`),
        );
      }
      return n;
    });
  }
}

/** A district action (office null) is the coordination office's; an office's action needs access to the office. */
function assertActionAccess(principal: Principal, row: Pick<ActionRow, 'office_id'>): void {
  if (row.office_id === null) {
    if (principal.role !== 'coordination') throw DomainError.forbidden('Maßnahmen zu Regeln des ganzen Bezirks sieht nur die Koordinierungsstelle.');
    return;
  }
  assertOfficeAccess(principal, row.office_id);
}

function notFound(id: string): DomainError {
  return DomainError.notFound(`Die Maßnahme „${id}“ gibt es nicht.`);
}

/** Reopening while another action of the same office and rule is live: the unique index answers. */
function liveConflict(error: unknown): never {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  if (code === '23505') throw new DomainError('conflict', 'Für diese Regionalstelle und Regel ist bereits eine andere Maßnahme offen; bitte dort weiterarbeiten.');
  throw error;
}

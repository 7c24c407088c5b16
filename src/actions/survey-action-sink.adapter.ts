import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ACTION_STATUS_LABELS, SIDE_LABELS, type Side } from '../engine';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import type { DoneSurveyAction, SurveyActionSource, SurveyActionSummary, SurveyFollowUp } from '../surveys/actions/survey-action-source';
import type { SurveyActionSink } from '../surveys/actions/survey-action.sink';
import { actionLink, actionNotices, actionSubject, germanDate, type NoticeContext } from './action-notices';
import { ActionRepository } from './action.repository';
import { berlinToday } from '../common/clock';
import { isOverdue, type ActionRow } from './action.view';
import { SURVEY_ACTION_OBLIGATION } from './actions.service';
import { dueDate } from './verification-period';

const mean = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fmt = (n: number | null) => (n === null ? '–' : mean.format(n));

/**
 * The corrective-actions side of the seam SURVEY_ACTION_SINK (src/surveys/actions): survey gaps
 * become the same actions, with the same status cycle, history and notices as audit findings,
 * with the source "Befragung". The surveys module has checked access, the round's status and the
 * minimum group size, and computed the figures; this adapter writes the action and its history.
 */
@Injectable()
export class SurveyActionSinkAdapter implements SurveyActionSink {
  readonly available = true;

  constructor(
    private readonly repo: ActionRepository,
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(principal: Principal, source: SurveyActionSource, measure?: string): Promise<SurveyActionSummary> {
    const today = berlinToday(this.clock);
    const ctx = await this.noticeContext();
    const text = measure?.trim() || null;
    // The responsible side may describe its measure right away (planned); the coordination office's text for an office is a suggestion (open).
    const status = text !== null && principal.role === source.responsibleSide ? 'planned' : 'open';
    const due = dueDate(today, this.catalog.catalog.actionDueWeeks[SURVEY_ACTION_OBLIGATION]);
    return this.repo.transaction(async (db) => {
      if (await this.repo.liveSurveyFor(db, source)) throw duplicate(source);
      const row = await this.repo.insertSurvey(db, { source, dueDate: due, measure: text, status }).catch((error: unknown) => {
        if (uniqueViolation(error)) throw duplicate(source);
        throw error;
      });
      const person = { side: principal.role, tokenId: principal.tokenId };
      await this.repo.addEvent(db, { actionId: row.id, kind: 'opened', fromStatus: null, toStatus: 'open', actor: person, note: openingNote(source) });
      if (status === 'planned') await this.repo.addEvent(db, { actionId: row.id, kind: 'planned', fromStatus: 'open', toStatus: 'planned', actor: person, note: text });
      const to = (['responsible', 'coordination'] as const).filter((t) => (t === 'responsible' ? row.responsible_side : t) !== principal.role);
      if (to.length > 0) {
        await this.notifications.notify(
          db,
          ...actionNotices(ctx, row, 'action_opened', [...to], `Neue Maßnahme aus einer Befragung: ${actionSubject(ctx, row)}`, `${openingNote(source)} Bitte bis ${germanDate(row.due_date)} eine Maßnahme planen und umsetzen.`),
        );
      }
      return toSurveySummary(row, today, principal.role);
    });
  }

  async listForRound(principal: Principal, roundId: string): Promise<SurveyActionSummary[]> {
    const today = berlinToday(this.clock);
    const rows = await this.repo.forSurveyRound(roundId, principal.role === 'coordination' ? undefined : principal.officeIds);
    return rows.map((r) => toSurveySummary(r, today, principal.role));
  }

  async doneActions(): Promise<DoneSurveyAction[]> {
    return (await this.repo.doneSurveyActions()).map((r) => ({ actionId: r.id, doneOn: r.done_on!, source: r.survey_source!, lastDecidedBy: r.survey_follow_up?.roundId ?? null }));
  }

  async decide(actionId: string, followUp: SurveyFollowUp, improved: boolean): Promise<boolean> {
    const today = berlinToday(this.clock);
    const ctx = await this.noticeContext();
    return this.repo.transaction(async (db) => {
      const action = await this.repo.getForUpdate(db, actionId);
      if (!action || action.status !== 'done' || action.source !== 'survey') return false;
      await this.repo.setFollowUp(db, actionId, followUp);
      const actor = { surveyRoundId: followUp.roundId };
      const figures = `Bewertung ${fmt(followUp.before.actualMean)} (${followUp.before.answers ?? '–'} Antworten) → ${fmt(followUp.after.actualMean)} (${followUp.after.answers ?? '–'} Antworten) in „${followUp.roundTitle}“`;
      if (improved) {
        const row = await this.repo.change(db, actionId, { status: 'verified' });
        const note = `${figures}: besser. Die Maßnahme hat gewirkt.`;
        await this.repo.addEvent(db, { actionId, kind: 'verified', fromStatus: 'done', toStatus: 'verified', actor, note });
        await this.notifications.notify(db, ...actionNotices(ctx, row, 'action_verified', ['regional', 'coordination'], `Maßnahme bestätigt: ${actionSubject(ctx, row)}`, note));
      } else {
        const due = dueDate(today, this.catalog.catalog.actionDueWeeks[SURVEY_ACTION_OBLIGATION]);
        const row = await this.repo.change(db, actionId, { status: 'open', dueDate: due, doneOn: null, verifyPeriod: null });
        const word = followUp.change === 'worse' ? 'schlechter' : 'unverändert';
        const note = `${figures}: ${word}. Die Maßnahme ist wieder offen, neue Frist ${germanDate(due)}.`;
        await this.repo.addEvent(db, { actionId, kind: 'reopened', fromStatus: 'done', toStatus: 'open', actor, note });
        await this.notifications.notify(db, ...actionNotices(ctx, row, 'action_reopened', ['regional', 'coordination'], `Maßnahme wieder offen: ${actionSubject(ctx, row)}`, note));
      }
      return true;
    });
  }

  /** Names for the notices, read before a transaction (the embedded database has one connection). */
  private async noticeContext(): Promise<NoticeContext> {
    const names = new Map((await this.offices.all()).map((o) => [o.id, o.name]));
    return { officeName: (officeId) => (officeId === null ? 'ganzer Bezirk' : (names.get(officeId) ?? officeId)), rule: (ruleId) => this.catalog.rule(ruleId) };
  }
}

function openingNote(s: SurveyActionSource): string {
  const what = s.itemText ? `Frage „${s.itemText}“ (${s.fieldTitle})` : `Themenfeld „${s.fieldTitle}“`;
  const gap = s.figures.gap === null ? '' : `, Lücke ${fmt(s.figures.gap)}`;
  return `${s.sourceLabel} „${s.roundTitle}“, ${what}: Bewertung ${fmt(s.figures.actualMean)}${gap} (${s.figures.answers} Antworten).`;
}

function duplicate(s: SurveyActionSource): DomainError {
  const what = s.itemText ? 'diese Frage' : 'dieses Themenfeld';
  const where = s.officeName ? `die Regionalstelle ${s.officeName}` : 'den Kreis';
  return new DomainError('conflict', `Für ${what} und ${where} gibt es aus dieser Befragung bereits eine offene Maßnahme; bitte dort weiterarbeiten.`);
}

function uniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === '23505';
}

function toSurveySummary(r: ActionRow, today: string, viewer: Side): SurveyActionSummary {
  const s = r.survey_source!;
  return {
    actionId: r.id,
    fieldId: s.fieldId,
    itemId: s.itemId,
    officeId: r.office_id,
    title: s.title,
    status: r.status,
    statusText: ACTION_STATUS_LABELS[r.status].text,
    measure: r.measure,
    dueDate: r.due_date,
    overdue: isOverdue(r, today),
    responsibleSide: r.responsible_side,
    responsibleSideText: r.office_id === null ? SIDE_LABELS.coordination : `${SIDE_LABELS.regional} ${s.officeName ?? r.office_id}`,
    href: actionLink(r, viewer),
    decision: r.survey_follow_up,
  };
}

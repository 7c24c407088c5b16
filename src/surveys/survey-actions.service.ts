import { Inject, Injectable, Logger } from '@nestjs/common';
import { canAccessOffice, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { buildActionPlan, buildSurveyActionSource, followUpOf, isSourceProblem, type ActionPlanField, type SurveyActionTarget } from './actions/survey-action-plan';
import type { SurveyActionSummary } from './actions/survey-action-source';
import { ACTIONS_UNAVAILABLE, SURVEY_ACTION_SINK, type SurveyActionSink } from './actions/survey-action.sink';
import { SurveyRoundRepository } from './survey-round.repository';
import { DISTRICT_KEY } from './survey-results';
import { resultsAvailable, roundStatus, toRoundView, type RoundView } from './survey-round.view';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRoundsService } from './survey-rounds.service';

export interface ActionPlanView {
  round: RoundView;
  available: boolean;
  message: string | null;
  nextRound: { id: string; title: string } | null;
  fields: ActionPlanField[];
}

/** The service reads a later round's results as the coordination office would (all groups, minimum size applies). */
const EVIDENCE_READER: Principal = { tokenId: 'survey-follow-up', role: 'coordination', officeIds: [] };

/**
 * From gaps to actions: builds the action's description from the round's own figures and hands it
 * to the sink; lists a round's actions per field; and lets a later round of the questionnaire decide
 * whether a done action worked (README, "Maßnahmen aus Befragungen").
 */
@Injectable()
export class SurveyActionsService {
  private readonly logger = new Logger('SurveyActions');

  constructor(
    private readonly roundsService: SurveyRoundsService,
    private readonly rounds: SurveyRoundRepository,
    private readonly results: SurveyResultsService,
    @Inject(SURVEY_ACTION_SINK) private readonly sink: SurveyActionSink,
  ) {}

  /**
   * Decides done survey actions by the first round of the same questionnaire that begins on or
   * after the day the action was reported done and whose results are out: the action's item (or
   * field) in its group (office or district) improved → verified; unchanged or worse → open again.
   * A round where the group or item stays below the minimum size decides nothing; the one after
   * it may. A round that reopened an action never decides it again. Idempotent: a decided action
   * is no longer done. Called when a round is closed by hand
   * and by the periodic sweeps (registered by src/actions/survey-action-sink.module.ts), which
   * catch rounds that end by date.
   */
  async settle(): Promise<number> {
    if (!this.sink.available) return 0;
    const today = this.roundsService.today();
    let decided = 0;
    for (const action of await this.sink.doneActions()) {
      // After the action's round, and after the round that decided it last time (a round never decides the same action twice).
      const after = await this.rounds.get(action.lastDecidedBy ?? action.source.roundId);
      if (!after) continue;
      for (const later of await this.rounds.later(after, action.doneOn)) {
        if (!resultsAvailable(roundStatus(later, today))) break;
        const followUp = followUpOf(action.source, later, await this.results.groups(EVIDENCE_READER, later));
        if (!followUp) continue;
        if (await this.sink.decide(action.actionId, followUp, followUp.change === 'better')) decided++;
        break;
      }
    }
    if (decided > 0) this.logger.log({ msg: 'survey actions decided by a later round', decided });
    return decided;
  }

  /** After a round was closed by hand: decide what it can; a failure here must not turn the (done) close into an error, the sweeps retry. */
  async settleQuietly(): Promise<void> {
    try {
      await this.settle();
    } catch (err) {
      this.logger.warn({ msg: 'survey actions could not be decided now; the next sweep retries', error: err instanceof Error ? err.message : String(err) });
    }
  }

  async open(principal: Principal, roundId: string, target: SurveyActionTarget & { measure?: string }): Promise<SurveyActionSummary> {
    const round = await this.roundsService.roundFor(principal, roundId);
    if (!target.officeId && principal.role !== 'coordination') throw DomainError.forbidden('Maßnahmen für den ganzen Kreis legt die Koordinierungsstelle an.');
    if (target.officeId && !canAccessOffice(principal, target.officeId)) throw DomainError.forbidden(`Dieses Zugangstoken berechtigt nicht zum Zugriff auf die Regionalstelle „${target.officeId}“.`);
    if (!resultsAvailable(roundStatus(round, this.roundsService.today()))) throw new DomainError('conflict', 'Maßnahmen lassen sich erst aus den Ergebnissen einer beendeten Befragung ableiten.');
    const source = buildSurveyActionSource(round, await this.results.groups(principal, round), target);
    if (isSourceProblem(source)) {
      if (source.code === 'hidden_group' || source.code === 'hidden_item') throw new DomainError('conflict', source.message);
      throw DomainError.validation([{ field: source.code === 'unknown_field' ? 'fieldId' : source.code === 'unknown_item' ? 'itemId' : 'officeId', message: source.message }]);
    }
    if (!this.sink.available) throw new DomainError('not_implemented', ACTIONS_UNAVAILABLE);
    return this.sink.open(principal, source, target.measure);
  }

  /**
   * The field with the largest gap in the district of a round (rank 1), turned into an action by
   * the coordination office: what the coordination office does first on a result page (demo data).
   */
  async openForLargestGap(principal: Principal, roundId: string, measure?: string): Promise<SurveyActionSummary | null> {
    const round = await this.roundsService.roundFor(principal, roundId);
    const district = (await this.results.groups(principal, round)).find((g) => g.key === DISTRICT_KEY && g.shown);
    const first = district?.fields.find((f) => f.rank === 1);
    if (!first) return null;
    return this.open(principal, roundId, { fieldId: first.fieldId, measure });
  }

  async plan(principal: Principal, roundId: string): Promise<ActionPlanView> {
    const round = await this.roundsService.roundFor(principal, roundId);
    const today = this.roundsService.today();
    const available = resultsAvailable(roundStatus(round, today));
    const current = available ? await this.results.groups(principal, round) : [];
    const nextRound = await this.rounds.next(round);
    const next = nextRound && resultsAvailable(roundStatus(nextRound, today)) ? { round: nextRound, groups: await this.results.groups(principal, nextRound) } : null;
    const actions = this.sink.available ? await this.sink.listForRound(principal, round.id) : [];
    const fields = round.questionnaire.fields.filter((f) => f.items.some((i) => i.kind === 'rating')).map((f) => ({ id: f.id, title: f.title }));
    return {
      round: toRoundView(round, this.roundsService.scoped(principal, await this.rounds.offices(round.id)), today),
      available: this.sink.available,
      message: this.sink.available ? null : ACTIONS_UNAVAILABLE,
      nextRound: next ? { id: next.round.id, title: next.round.title } : null,
      fields: buildActionPlan(fields, current, next, actions),
    };
  }
}

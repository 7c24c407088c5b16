import { Inject, Injectable } from '@nestjs/common';
import { canAccessOffice, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { buildActionPlan, buildSurveyActionSource, isSourceProblem, type ActionPlanField, type SurveyActionTarget } from './actions/survey-action-plan';
import type { SurveyActionSummary } from './actions/survey-action-source';
import { ACTIONS_UNAVAILABLE, SURVEY_ACTION_SINK, type SurveyActionSink } from './actions/survey-action.sink';
import { SurveyRoundRepository } from './survey-round.repository';
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

/** From gaps to actions: builds the action's description from the round's own figures and hands it to the sink. */
@Injectable()
export class SurveyActionsService {
  constructor(
    private readonly roundsService: SurveyRoundsService,
    private readonly rounds: SurveyRoundRepository,
    private readonly results: SurveyResultsService,
    @Inject(SURVEY_ACTION_SINK) private readonly sink: SurveyActionSink,
  ) {}

  async open(principal: Principal, roundId: string, target: SurveyActionTarget): Promise<SurveyActionSummary> {
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
    return this.sink.open(principal, source);
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

import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { SURVEY_ACTION_SINK, ACTIONS_UNAVAILABLE, type SurveyActionSink } from './actions/survey-action.sink';
import { textItems } from './questionnaire';
import { SurveyAnswerRepository } from './survey-answer.repository';
import { compareWithPrevious, type ComparedGroup } from './survey-comparison';
import { SurveyRoundRepository, type SurveyRound } from './survey-round.repository';
import { resultsAvailable, roundStatus, toRoundView, type RoundView } from './survey-round.view';
import { computeResults, DISTRICT_KEY, type GroupResult } from './survey-results';
import { SurveyRoundsService } from './survey-rounds.service';
import { germanDate } from './survey-clock';

export interface CommentGroup {
  itemId: string;
  question: string;
  texts: string[];
}

export type GroupResultView = ComparedGroup & { comments: CommentGroup[] | null };

export interface RoundResults {
  round: RoundView;
  /** The rated fields of the questionnaire, in its order (also when no group can be shown). */
  fields: Array<{ id: string; title: string }>;
  previousRound: { id: string; title: string; from: string; to: string } | null;
  groups: GroupResultView[];
  actions: { available: boolean; message: string | null };
}

/** Results of a round for what the principal may see, compared with the previous round of the same questionnaire. */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly roundsService: SurveyRoundsService,
    private readonly rounds: SurveyRoundRepository,
    private readonly answers: SurveyAnswerRepository,
    @Inject(SURVEY_ACTION_SINK) private readonly sink: SurveyActionSink,
  ) {}

  async results(principal: Principal, id: string): Promise<RoundResults> {
    const round = await this.roundsService.roundFor(principal, id);
    const today = this.roundsService.today();
    const status = roundStatus(round, today);
    if (!resultsAvailable(status)) {
      throw new DomainError(
        'conflict',
        status === 'planned'
          ? `Die Befragung beginnt erst am ${germanDate(round.from)}; Ergebnisse gibt es nach ihrem Ende.`
          : `Die Befragung läuft noch bis ${germanDate(round.to)}. Ergebnisse gibt es erst nach ihrem Ende, damit sich einzelne Antworten nicht aus dem Zuwachs erschließen lassen.`,
      );
    }
    const offices = await this.rounds.offices(round.id);
    const current = await this.groups(principal, round);
    const previousRound = await this.rounds.previous(round);
    const previous = previousRound && resultsAvailable(roundStatus(previousRound, today)) ? await this.groups(principal, previousRound) : null;
    const compared = compareWithPrevious(current, previous);
    const withComments = await this.comments(principal, round, compared);
    return {
      round: toRoundView(round, this.roundsService.scoped(principal, offices), today),
      fields: round.questionnaire.fields.filter((f) => f.items.some((i) => i.kind === 'rating')).map((f) => ({ id: f.id, title: f.title })),
      previousRound: previous && previousRound ? { id: previousRound.id, title: previousRound.title, from: previousRound.from, to: previousRound.to } : null,
      groups: withComments,
      actions: { available: this.sink.available, message: this.sink.available ? null : ACTIONS_UNAVAILABLE },
    };
  }

  /** The groups of a round (district and offices) as this principal may see them. */
  async groups(principal: Principal, round: SurveyRound): Promise<GroupResult[]> {
    const offices = await this.rounds.offices(round.id);
    const [answersPerOffice, ratings, importance] = [await this.answers.answersPerOffice(round.id), await this.answers.valueCounts(round.id, 'ratings'), await this.answers.valueCounts(round.id, 'importance')];
    return computeResults({
      questionnaire: round.questionnaire,
      minimumGroupSize: round.minimumGroupSize,
      offices: offices.map((o) => ({ officeId: o.officeId, officeName: o.officeName })),
      visibleOfficeIds: principal.role === 'coordination' ? undefined : principal.officeIds,
      answersPerOffice,
      ratings,
      importance,
    });
  }

  /**
   * Free text only where the group is shown (it has at least the minimum size). The district's
   * free text only for the coordination office: a regional office reads its own office's comments.
   */
  private async comments(principal: Principal, round: SurveyRound, groups: ComparedGroup[]): Promise<GroupResultView[]> {
    const questions = textItems(round.questionnaire);
    if (questions.length === 0) return groups.map((g) => ({ ...g, comments: null }));
    const shownOffices = groups.filter((g) => g.shown && g.officeId).map((g) => g.officeId!);
    const districtShown = principal.role === 'coordination' && groups.some((g) => g.key === DISTRICT_KEY && g.shown);
    const allOffices = districtShown ? (await this.rounds.offices(round.id)).map((o) => o.officeId) : shownOffices;
    const rows = allOffices.length ? await this.answers.comments(round.id, allOffices) : [];
    const collect = (officeIds: string[] | null): CommentGroup[] =>
      questions.map((q) => ({ itemId: q.id, question: q.text, texts: rows.filter((r) => r.itemId === q.id && (officeIds === null || officeIds.includes(r.officeId))).map((r) => r.text) }));
    return groups.map((g) => {
      if (!g.shown) return { ...g, comments: null };
      if (g.key === DISTRICT_KEY) return { ...g, comments: districtShown ? collect(null) : null };
      return { ...g, comments: collect([g.officeId!]) };
    });
  }
}

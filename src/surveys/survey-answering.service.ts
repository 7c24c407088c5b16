import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { validateAnswer, type AnswerInput } from './answer-validation';
import { generateBallot, hashBallot, hashCode, normaliseCode } from './participation-code';
import type { Questionnaire } from './questionnaire';
import { berlinDay, germanDate } from './survey-clock';
import { SurveyAnswerRepository } from './survey-answer.repository';
import { SurveyRoundRepository, type SurveyRound } from './survey-round.repository';
import { roundStatus } from './survey-round.view';

/** What a respondent sees: the round's title, the office and the questionnaire. Nothing about other answers. */
export interface PublicForm {
  roundTitle: string;
  officeName: string;
  from: string;
  to: string;
  questionnaire: Questionnaire;
}

export const CODE_USED = 'Dieser Code wurde bereits verwendet. Jeder Code gilt nur für eine Antwort.';
const CODE_FORMAT = 'Der Code hat nicht das richtige Format: 13 Zeichen, z. B. ABCD-EFGH-JKMNP.';
const CODE_UNKNOWN = 'Diesen Code gibt es nicht. Bitte prüfen Sie die Eingabe.';
const LINK_UNKNOWN = 'Diesen Befragungslink gibt es nicht.';
const BALLOT_USED = 'Dieses Formular wurde bereits abgeschickt oder ist abgelaufen. Bitte öffnen Sie die Befragung neu.';
/** A public link hands out at most this many unanswered forms per office and day: a bound on what strangers can make us store. */
export const OPEN_BALLOTS_MAX = 2000;

/** The public side: staff answer with a one-time code, customers through their office's link. */
@Injectable()
export class SurveyAnsweringService {
  constructor(
    private readonly rounds: SurveyRoundRepository,
    private readonly answers: SurveyAnswerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Checks a code without using it, so that a mistyped code is noticed before the form is filled in. */
  async formForCode(input: string): Promise<PublicForm> {
    const { round, officeName } = await this.codeRound(input);
    return form(round, officeName);
  }

  async answerWithCode(code: string, answer: AnswerInput): Promise<void> {
    const { round, officeId, hash } = await this.codeRound(code);
    const today = berlinDay(this.clock);
    const values = checked(round, answer);
    const outcome = await this.answers.submit({ roundId: round.id, officeId, day: today, values, pass: { kind: 'code', hash } });
    if (outcome === 'used') throw new DomainError('conflict', CODE_USED);
  }

  /** Opens the public form of an office: the form and a ballot that its answer uses up. */
  async openLinkForm(linkKey: string): Promise<PublicForm & { ballot: string }> {
    const { round, officeId, officeName } = await this.linkRound(linkKey);
    const today = berlinDay(this.clock);
    await this.rounds.purgeExpiredBallots(today);
    if ((await this.rounds.openBallots(round.id, officeId, today)) >= OPEN_BALLOTS_MAX) {
      throw new DomainError('too_many_requests', 'Die Befragung ist gerade überlastet. Bitte versuchen Sie es später noch einmal.');
    }
    const { ballot, hash } = generateBallot();
    // Valid until tomorrow: a form opened just before midnight can still be sent.
    await this.rounds.insertBallot(hash, round.id, officeId, berlinDay(this.clock, 1));
    return { ...form(round, officeName), ballot };
  }

  async answerWithLink(linkKey: string, ballot: string, answer: AnswerInput): Promise<void> {
    const { round, officeId } = await this.linkRound(linkKey);
    const today = berlinDay(this.clock);
    const values = checked(round, answer);
    const outcome = await this.answers.submit({ roundId: round.id, officeId, day: today, values, pass: { kind: 'ballot', hash: hashBallot(ballot), today } });
    if (outcome === 'used') throw new DomainError('conflict', BALLOT_USED);
  }

  private async codeRound(input: string): Promise<{ round: SurveyRound; officeId: string; officeName: string; hash: string }> {
    const normalised = normaliseCode(input);
    if (!normalised) throw DomainError.validation([{ field: 'code', message: CODE_FORMAT }], CODE_FORMAT);
    const hash = hashCode(normalised);
    const code = await this.rounds.codeByHash(hash);
    if (!code) throw DomainError.notFound(CODE_UNKNOWN);
    if (code.used) throw new DomainError('conflict', CODE_USED);
    const round = (await this.rounds.get(code.roundId))!;
    this.assertRunning(round);
    return { round, officeId: code.officeId, officeName: code.officeName, hash };
  }

  private async linkRound(linkKey: string): Promise<{ round: SurveyRound; officeId: string; officeName: string }> {
    const found = /^[A-Za-z0-9_-]{10,64}$/.test(linkKey) ? await this.rounds.byLinkKey(linkKey) : undefined;
    if (!found) throw DomainError.notFound(LINK_UNKNOWN);
    this.assertRunning(found.round);
    return found;
  }

  private assertRunning(round: SurveyRound): void {
    const status = roundStatus(round, berlinDay(this.clock));
    if (status === 'planned') throw new DomainError('conflict', `Die Befragung beginnt erst am ${germanDate(round.from)}.`);
    if (status !== 'running') throw new DomainError('conflict', 'Die Befragung ist beendet; Antworten werden nicht mehr angenommen. Vielen Dank für Ihr Interesse.');
  }
}

function form(round: SurveyRound, officeName: string): PublicForm {
  return { roundTitle: round.title, officeName, from: round.from, to: round.to, questionnaire: round.questionnaire };
}

function checked(round: SurveyRound, answer: AnswerInput) {
  const { values, problems } = validateAnswer(round.questionnaire, answer);
  if (problems.length) throw DomainError.validation(problems, 'Die Antwort enthält ungültige Angaben; es wurde nichts gespeichert.');
  return values;
}

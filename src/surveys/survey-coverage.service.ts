import { Injectable } from '@nestjs/common';
import type { Audience } from './questionnaire';
import { SurveyRoundRepository, type RoundCoverage } from './survey-round.repository';

/**
 * For the rules satisfaction.customer-survey and satisfaction.staff-survey (issue 15, another
 * branch): which rounds of an audience covered an office with at least N answers between two days.
 * Counts here are internal inputs of a check, never shown: the check turns them into yes or no.
 */
@Injectable()
export class SurveyCoverageService {
  constructor(private readonly rounds: SurveyRoundRepository) {}

  /** Rounds of `audience` with at least `minAnswers` answers of `officeId` given from `from` to `to` (inclusive). */
  roundsCovering(q: { audience: Audience; officeId: string; minAnswers: number; from: string; to: string }): Promise<RoundCoverage[]> {
    return this.rounds.coverage({ audience: q.audience, from: q.from, to: q.to, minAnswers: q.minAnswers, officeIds: [q.officeId] });
  }

  /** The same for every office at once (district rules): one row per round and office that qualifies. */
  coverage(q: { audience: Audience; minAnswers: number; from: string; to: string; officeIds?: string[] }): Promise<RoundCoverage[]> {
    return this.rounds.coverage(q);
  }
}

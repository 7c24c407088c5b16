import { answersByLink, type Audience } from './questionnaire';
import type { RoundOffice, SurveyRound } from './survey-round.repository';
import type { RoundStatus } from './survey-vocabulary';

export interface RoundOfficeView {
  officeId: string;
  officeName: string;
  /** Answers so far; null below the minimum group size (no counts for small groups). */
  answers: number | null;
  belowMinimum: boolean;
  /** Staff rounds: number of one-time codes issued for the office. */
  codesIssued: number | null;
  /** Rounds answered by link: the path of the office's public form (absolute URL: linkUrl in the page). */
  linkPath: string | null;
}

export interface RoundView {
  id: string;
  questionnaireId: string;
  questionnaireVersion: string;
  title: string;
  audience: Audience;
  answeredBy: 'code' | 'link';
  example: boolean;
  from: string;
  to: string;
  minimumGroupSize: number;
  status: RoundStatus;
  resultsAvailable: boolean;
  createdAt: string;
  closedAt: string | null;
  offices: RoundOfficeView[];
}

export function roundStatus(round: Pick<SurveyRound, 'from' | 'to' | 'closedAt'>, today: string): RoundStatus {
  if (round.closedAt) return 'closed';
  if (today < round.from) return 'planned';
  return today > round.to ? 'ended' : 'running';
}

/** Results exist once nobody can answer any more: watching them grow would tell who answered what. */
export function resultsAvailable(status: RoundStatus): boolean {
  return status === 'ended' || status === 'closed';
}

export function publicLinkPath(linkKey: string): string {
  return `/befragung/${encodeURIComponent(linkKey)}`;
}

export function toRoundView(round: SurveyRound, offices: RoundOffice[], today: string): RoundView {
  const status = roundStatus(round, today);
  const byLink = answersByLink(round.audience);
  return {
    id: round.id,
    questionnaireId: round.questionnaireId,
    questionnaireVersion: round.questionnaireVersion,
    title: round.title,
    audience: round.audience,
    answeredBy: byLink ? 'link' : 'code',
    example: round.questionnaire.example !== null,
    from: round.from,
    to: round.to,
    minimumGroupSize: round.minimumGroupSize,
    status,
    resultsAvailable: resultsAvailable(status),
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    offices: offices.map((o) => ({
      officeId: o.officeId,
      officeName: o.officeName,
      answers: o.answers >= round.minimumGroupSize ? o.answers : null,
      belowMinimum: o.answers < round.minimumGroupSize,
      codesIssued: byLink ? null : o.codesIssued,
      linkPath: byLink && o.linkKey ? publicLinkPath(o.linkKey) : null,
    })),
  };
}

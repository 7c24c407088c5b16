import type { Audience } from '../questionnaire';

/**
 * "From gaps to actions": what a corrective action needs to know about the survey result it comes
 * from. Built by the surveys module from the figures it computed itself (a client only names the
 * field, item and office), handed to the SurveyActionSink, which the corrective-actions module
 * implements. Its source reads "Befragung" where an audit's reads "Prüflauf".
 */
export interface SurveyActionSource {
  kind: 'survey';
  /** German name of the source, for the action's history and lists: "Befragung". */
  sourceLabel: string;
  roundId: string;
  roundTitle: string;
  questionnaireId: string;
  questionnaireVersion: string;
  audience: Audience;
  /** The round's period (inclusive). */
  from: string;
  to: string;
  fieldId: string;
  fieldTitle: string;
  /** Null when the action concerns the whole field. */
  itemId: string | null;
  itemText: string | null;
  /** Null for the district (all offices of the round): then the coordination office is responsible. */
  officeId: string | null;
  officeName: string | null;
  responsibleSide: 'coordination' | 'regional';
  figures: {
    answers: number;
    actualMean: number;
    importanceMean: number | null;
    gap: number | null;
    /** Rank of the field by gap in this group (1 = largest). */
    fieldRank: number | null;
  };
  /** A German title for the action, e.g. "Befragung: Vorgesetzte – Lücke 1,4 (Witten)". */
  title: string;
}

/** An action as the action-plan page lists it (what the sink gives back for a round). */
export interface SurveyActionSummary {
  actionId: string;
  fieldId: string;
  itemId: string | null;
  officeId: string | null;
  title: string;
  /** The action's status code and its German word, as the actions module names them. */
  status: string;
  statusText: string;
  measure: string | null;
  dueDate: string | null;
  /** Past its due date and still open or planned. */
  overdue: boolean;
  /** Who carries out the measure: the office, or the coordination office for the district; with its German name. */
  responsibleSide: 'coordination' | 'regional';
  responsibleSideText: string;
  /** Link to the action's own page, if the actions module has one. */
  href: string | null;
  /** The comparison with the later round that decided the action (verified or reopened it), once there was one. */
  decision: SurveyFollowUp | null;
}

/** A survey action reported done, waiting for a later round of its questionnaire to decide. */
export interface DoneSurveyAction {
  actionId: string;
  doneOn: string;
  source: SurveyActionSource;
  /** The round that decided it last time (it was reopened then): only later rounds decide again. */
  lastDecidedBy: string | null;
}

/**
 * What a later round of the same questionnaire says about an action's item (or field) in the
 * action's group: the mean actual rating and gap before (the action's round) and after, with the
 * number of answers of both, and whether the rating improved (survey-comparison.ts: the means
 * rounded to one decimal differ).
 */
export interface SurveyFollowUp {
  roundId: string;
  roundTitle: string;
  change: 'better' | 'worse' | 'same' | null;
  before: { actualMean: number | null; gap: number | null; answers: number | null };
  after: { actualMean: number | null; gap: number | null; answers: number | null };
}

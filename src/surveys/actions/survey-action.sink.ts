import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { DomainError } from '../../common/domain-error';
import type { DoneSurveyAction, SurveyActionSource, SurveyActionSummary, SurveyFollowUp } from './survey-action-source';

/**
 * The seam between survey results and corrective actions. The surveys module calls it through
 * SURVEY_ACTION_SINK, which is the SurveyActionSinkSlot below; the corrective-actions module
 * implements the sink and binds it into the slot when it starts
 * (src/actions/survey-action-sink.module.ts). So the dependency runs from actions to surveys
 * only: the surveys import neither actions nor notifications nor audits, and the audits may use
 * the surveys (satisfaction rules) without a cycle of modules.
 *
 * While nothing is bound, UnavailableSurveyActionSink answers: pages hide the buttons
 * (`available: false`) and the API answers 501 "Maßnahmen sind noch nicht verfügbar."
 */
export const SURVEY_ACTION_SINK = Symbol('SURVEY_ACTION_SINK');

export interface SurveyActionSink {
  /** False while no actions module is bound. */
  readonly available: boolean;
  /**
   * Opens a corrective action for a field or item of a round (same actions, status cycle and history
   * as audit findings). Authorisation of the office is done by the caller; the sink may refuse a
   * duplicate (an open action for the same round, field, item and office) with a 409.
   */
  open(principal: Principal, source: SurveyActionSource, measure?: string): Promise<SurveyActionSummary>;
  /** The actions that came from a round, for the action-plan page (scoped to what the principal may see). */
  listForRound(principal: Principal, roundId: string): Promise<SurveyActionSummary[]>;
  /** Survey actions reported done: a later round of their questionnaire decides whether they worked. */
  doneActions(): Promise<DoneSurveyAction[]>;
  /**
   * The service's decision on the evidence of a later round: improved → verified, otherwise open
   * again with a new due date. Only for an action still done (false when it no longer is).
   */
  decide(actionId: string, followUp: SurveyFollowUp, improved: boolean): Promise<boolean>;
}

export const ACTIONS_UNAVAILABLE = 'Maßnahmen sind noch nicht verfügbar.';

@Injectable()
export class UnavailableSurveyActionSink implements SurveyActionSink {
  readonly available = false;

  async open(): Promise<SurveyActionSummary> {
    throw new DomainError('not_implemented', ACTIONS_UNAVAILABLE);
  }

  async listForRound(): Promise<SurveyActionSummary[]> {
    return [];
  }

  async doneActions(): Promise<DoneSurveyAction[]> {
    return [];
  }

  async decide(): Promise<boolean> {
    return false;
  }
}

/** Holds the sink the corrective-actions module binds at start; until then, the unavailable one. */
@Injectable()
export class SurveyActionSinkSlot implements SurveyActionSink {
  private sink: SurveyActionSink = new UnavailableSurveyActionSink();

  bind(sink: SurveyActionSink): void {
    this.sink = sink;
  }

  get available(): boolean {
    return this.sink.available;
  }

  open(principal: Principal, source: SurveyActionSource, measure?: string): Promise<SurveyActionSummary> {
    return this.sink.open(principal, source, measure);
  }

  listForRound(principal: Principal, roundId: string): Promise<SurveyActionSummary[]> {
    return this.sink.listForRound(principal, roundId);
  }

  doneActions(): Promise<DoneSurveyAction[]> {
    return this.sink.doneActions();
  }

  decide(actionId: string, followUp: SurveyFollowUp, improved: boolean): Promise<boolean> {
    return this.sink.decide(actionId, followUp, improved);
  }
}

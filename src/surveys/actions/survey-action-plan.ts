import { changeOf } from '../survey-comparison';
import { DISTRICT_KEY, fieldsByGap, type GroupResult } from '../survey-results';
import { FIGURE_LABELS } from '../survey-vocabulary';
import type { SurveyRound } from '../survey-round.repository';
import type { SurveyActionSource, SurveyActionSummary, SurveyFollowUp } from './survey-action-source';

/** What a client names; the figures are looked up, never taken from the request. */
export interface SurveyActionTarget {
  fieldId: string;
  itemId?: string;
  officeId?: string;
}

export type SourceProblem = { code: 'unknown_field' | 'unknown_item' | 'hidden_group' | 'hidden_item' | 'unknown_group'; message: string };

const number = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The description of a corrective action for a field or item of a group, or why there can be none. */
export function buildSurveyActionSource(round: SurveyRound, groups: GroupResult[], target: SurveyActionTarget): SurveyActionSource | SourceProblem {
  const group = groups.find((g) => g.key === (target.officeId ?? DISTRICT_KEY));
  if (!group) return { code: 'unknown_group', message: `Die Regionalstelle „${target.officeId}“ gehört nicht zu dieser Befragung.` };
  const field = round.questionnaire.fields.find((f) => f.id === target.fieldId);
  if (!field) return { code: 'unknown_field', message: `Ein Themenfeld „${target.fieldId}“ gibt es in diesem Fragebogen nicht.` };
  const item = target.itemId === undefined ? undefined : field.items.find((i) => i.id === target.itemId && i.kind === 'rating');
  if (target.itemId !== undefined && !item) return { code: 'unknown_item', message: `Eine bewertete Frage „${target.itemId}“ gibt es im Themenfeld „${field.title}“ nicht.` };
  if (!group.shown) return { code: 'hidden_group', message: 'Für diese Gruppe gibt es keine Ergebnisse (zu wenige Antworten); daraus lässt sich keine Maßnahme ableiten.' };
  const fieldResult = group.fields.find((f) => f.fieldId === field.id)!;
  const figures = item ? fieldResult.items.find((i) => i.itemId === item.id)! : fieldResult;
  const answers = item ? (figures as { answers: number | null }).answers : group.answers;
  if (figures.actualMean === null || answers === null) return { code: 'hidden_item', message: 'Für diese Frage gibt es zu wenige Antworten; daraus lässt sich keine Maßnahme ableiten.' };
  const where = group.officeId ? group.label : 'Kreis';
  const gap = figures.gap === null ? '' : `, Lücke ${number.format(figures.gap)}`;
  return {
    kind: 'survey',
    sourceLabel: FIGURE_LABELS.actionSource,
    roundId: round.id,
    roundTitle: round.title,
    questionnaireId: round.questionnaireId,
    questionnaireVersion: round.questionnaireVersion,
    audience: round.audience,
    from: round.from,
    to: round.to,
    fieldId: field.id,
    fieldTitle: field.title,
    itemId: item?.id ?? null,
    itemText: item?.text ?? null,
    officeId: group.officeId,
    officeName: group.officeId ? group.label : null,
    responsibleSide: group.officeId ? 'regional' : 'coordination',
    figures: { answers, actualMean: figures.actualMean, importanceMean: figures.importanceMean, gap: figures.gap, fieldRank: fieldResult.rank },
    title: `${FIGURE_LABELS.actionSource}: ${field.title}${item ? ` – ${item.text}` : ''} (${where}${gap})`,
  };
}

export function isSourceProblem(x: SurveyActionSource | SourceProblem): x is SourceProblem {
  return !('kind' in x);
}

type Figures = { actualMean: number | null; gap: number | null; answers: number | null };

/** The figures of an action's item (or field) in its group (office or district), or null where hidden. */
function figuresFor(groups: GroupResult[], a: Pick<SurveyActionSummary, 'fieldId' | 'itemId' | 'officeId'>): Figures | null {
  const g = groups.find((x) => x.key === (a.officeId ?? DISTRICT_KEY) && x.shown);
  const f = g?.fields.find((x) => x.fieldId === a.fieldId);
  if (!g || !f) return null;
  if (a.itemId) {
    const i = f.items.find((x) => x.itemId === a.itemId);
    return i && i.actualMean !== null ? { actualMean: i.actualMean, gap: i.gap, answers: i.answers } : null;
  }
  return f.actualMean !== null ? { actualMean: f.actualMean, gap: f.gap, answers: g.answers } : null;
}

/**
 * What a later round says about an action: its figures at creation against the later round's, with
 * the number of answers of both; null while the group or item is hidden there (too few answers).
 */
export function followUpOf(source: SurveyActionSource, later: Pick<SurveyRound, 'id' | 'title'>, groups: GroupResult[]): SurveyFollowUp | null {
  const after = figuresFor(groups, source);
  if (!after || after.actualMean === null) return null;
  const before = { actualMean: source.figures.actualMean, gap: source.figures.gap, answers: source.figures.answers };
  return { roundId: later.id, roundTitle: later.title, before, after, change: changeOf(after.actualMean, before.actualMean) };
}

/** An action of the plan, with what the next round of the same questionnaire says about its item. */
export interface PlannedAction extends SurveyActionSummary {
  followUp: SurveyFollowUp | null;
}

export interface ActionPlanField {
  fieldId: string;
  title: string;
  /** The field's figures in the district (coordination) or the viewer's office group; null where hidden. */
  gap: number | null;
  rank: number | null;
  actualMean: number | null;
  actions: PlannedAction[];
}

/**
 * The action plan of a round, per field (largest gap first): the actions the sink lists, and for
 * each what the next round of the questionnaire says about its item (or field), once it has
 * results; an action a later round has decided shows that decision.
 */
export function buildActionPlan(
  fields: Array<{ id: string; title: string }>,
  current: GroupResult[],
  next: { round: Pick<SurveyRound, 'id' | 'title'>; groups: GroupResult[] } | null,
  actions: SurveyActionSummary[],
): ActionPlanField[] {
  const headline = current.find((g) => g.shown) ?? null;
  const plan = fields.map((f): ActionPlanField => {
    const fr = headline?.fields.find((x) => x.fieldId === f.id) ?? null;
    return {
      fieldId: f.id,
      title: f.title,
      gap: fr?.gap ?? null,
      rank: fr?.rank ?? null,
      actualMean: fr?.actualMean ?? null,
      actions: actions
        .filter((a) => a.fieldId === f.id)
        .map((a): PlannedAction => {
          if (a.decision) return { ...a, followUp: a.decision };
          if (!next) return { ...a, followUp: null };
          const before = figuresFor(current, a) ?? { actualMean: null, gap: null, answers: null };
          const after = figuresFor(next.groups, a) ?? { actualMean: null, gap: null, answers: null };
          const change = before.actualMean !== null && after.actualMean !== null ? changeOf(after.actualMean, before.actualMean) : null;
          return { ...a, followUp: { roundId: next.round.id, roundTitle: next.round.title, before, after, change } };
        }),
    };
  });
  return fieldsByGap(plan);
}

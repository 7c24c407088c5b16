/**
 * A questionnaire as it is configured in config/surveys/*.yaml and stored with every round (a
 * snapshot, so that results and comparisons read the items the respondents saw). Plain data, no
 * framework: parsed and validated by questionnaire.parser.ts.
 */

/** Who answers: the staff of an office (one-time codes), customers or employers (a public link). */
export const AUDIENCES = ['staff', 'customers', 'employers'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Audiences that answer through a public link per office instead of one-time codes. */
export function answersByLink(audience: Audience): boolean {
  return audience !== 'staff';
}

/** A rating scale 1..n; higher is better (or: more important). `labels[0]` names 1. */
export interface Scale {
  id: string;
  labels: string[];
}

export interface RatingItem {
  kind: 'rating';
  id: string;
  text: string;
  scale: string;
  /** The "importance" twin: the same topic rated for how much it matters; the gap is importance − actual. */
  importance: { text: string } | null;
}

export interface TextItem {
  kind: 'text';
  id: string;
  text: string;
  maxLength: number;
}

export type QuestionnaireItem = RatingItem | TextItem;

export interface QuestionnaireField {
  id: string;
  title: string;
  description: string | null;
  items: QuestionnaireItem[];
}

export interface Questionnaire {
  id: string;
  version: string;
  title: string;
  audience: Audience;
  /** Shown above the form: what the survey is for, that it is anonymous, how long it takes. */
  intro: string;
  /** The passage of Anlage 3 the instrument serves, quoted. */
  citation: { section: string; passage: string } | null;
  /** Set when the questionnaire is an example to be replaced by the job centre's own instrument. */
  example: { note: string } | null;
  scales: Record<string, Scale>;
  /** The scale of every importance twin; same number of steps as the rated item's scale. */
  importanceScale: string | null;
  fields: QuestionnaireField[];
}

export function ratingItems(q: Pick<Questionnaire, 'fields'>): Array<RatingItem & { fieldId: string }> {
  return q.fields.flatMap((f) => f.items.filter((i): i is RatingItem => i.kind === 'rating').map((i) => ({ ...i, fieldId: f.id })));
}

export function textItems(q: Pick<Questionnaire, 'fields'>): Array<TextItem & { fieldId: string }> {
  return q.fields.flatMap((f) => f.items.filter((i): i is TextItem => i.kind === 'text').map((i) => ({ ...i, fieldId: f.id })));
}

/** Number of steps of an item's scale (its highest value). */
export function scaleSteps(q: Pick<Questionnaire, 'scales'>, item: RatingItem): number {
  return q.scales[item.scale].labels.length;
}

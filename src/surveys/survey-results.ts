import { ratingItems, scaleSteps, type Questionnaire } from './questionnaire';
import { FIGURE_LABELS } from './survey-vocabulary';

/**
 * The results of a round, computed from counts only (the SQL aggregates: answers per office, and per
 * office, item and value the number of ratings). Pure and synchronous, so that the rules on what may
 * be shown are tested on plain data:
 * - a group (an office, or the district) is shown only with at least `minimumGroupSize` answers;
 * - if the hidden offices together have fewer answers than that (but some), the smallest shown
 *   offices are hidden too, so that "district minus the shown offices" never reveals a small group;
 * - a viewer who sees only some offices sees the district only if the others together are large enough;
 * - an item with fewer ratings than the minimum shows no distribution and no mean.
 * Hidden groups show no counts at all (privacy rule of the service).
 */

export interface ValueCount {
  officeId: string;
  itemId: string;
  value: number;
  n: number;
}

export interface ResultInput {
  questionnaire: Pick<Questionnaire, 'fields' | 'scales' | 'importanceScale'>;
  minimumGroupSize: number;
  /** Every office of the round, in display order. */
  offices: Array<{ officeId: string; officeName: string }>;
  /** Offices the viewer may see; undefined: all (coordination office). */
  visibleOfficeIds?: readonly string[];
  answersPerOffice: ReadonlyMap<string, number>;
  ratings: readonly ValueCount[];
  importance: readonly ValueCount[];
}

export type HiddenReason = 'below_minimum' | 'protects_smaller_group' | 'protects_other_offices';

export interface ItemResult {
  itemId: string;
  text: string;
  steps: number;
  /** Ratings of this item (null when hidden). */
  answers: number | null;
  /** Counts per value 1..steps (index 0 is value 1); null when hidden. */
  distribution: number[] | null;
  actualMean: number | null;
  importanceAnswers: number | null;
  importanceDistribution: number[] | null;
  importanceMean: number | null;
  /** importance − actual; positive: it matters more than it works. */
  gap: number | null;
}

export interface FieldResult {
  fieldId: string;
  title: string;
  actualMean: number | null;
  importanceMean: number | null;
  gap: number | null;
  /** 1 = largest gap; null when the field has no gap. */
  rank: number | null;
  items: ItemResult[];
}

export interface GroupResult {
  /** 'district' or the office id. */
  key: string;
  officeId: string | null;
  label: string;
  shown: boolean;
  hiddenReason: HiddenReason | null;
  /** Number of answers; null when the group is hidden. */
  answers: number | null;
  fields: FieldResult[];
}

export const DISTRICT_KEY = 'district';
export const DISTRICT_LABEL = FIGURE_LABELS.district;

export function computeResults(input: ResultInput): GroupResult[] {
  const min = input.minimumGroupSize;
  const visible = input.visibleOfficeIds ? new Set(input.visibleOfficeIds) : undefined;
  const size = (id: string) => input.answersPerOffice.get(id) ?? 0;

  // Primary suppression, then secondary suppression over all offices of the round (independent of
  // the viewer, so that two viewers never see complementary parts).
  const hidden = new Map<string, HiddenReason>();
  for (const o of input.offices) if (size(o.officeId) < min) hidden.set(o.officeId, 'below_minimum');
  const hiddenTotal = () => [...hidden.keys()].reduce((sum, id) => sum + size(id), 0);
  const shownBySize = input.offices.filter((o) => !hidden.has(o.officeId)).sort((a, b) => size(a.officeId) - size(b.officeId) || a.officeId.localeCompare(b.officeId));
  while (hiddenTotal() > 0 && hiddenTotal() < min && shownBySize.length > 0) hidden.set(shownBySize.shift()!.officeId, 'protects_smaller_group');

  const total = input.offices.reduce((sum, o) => sum + size(o.officeId), 0);
  let districtHidden: HiddenReason | null = total < min ? 'below_minimum' : null;
  if (!districtHidden && visible) {
    const others = input.offices.filter((o) => !visible.has(o.officeId)).reduce((sum, o) => sum + size(o.officeId), 0);
    if (others > 0 && others < min) districtHidden = 'protects_other_offices';
  }

  const groups: GroupResult[] = [group(input, DISTRICT_KEY, null, DISTRICT_LABEL, null, total, districtHidden)];
  for (const o of input.offices) {
    if (visible && !visible.has(o.officeId)) continue;
    groups.push(group(input, o.officeId, o.officeId, o.officeName, [o.officeId], size(o.officeId), hidden.get(o.officeId) ?? null));
  }
  return groups;
}

function group(input: ResultInput, key: string, officeId: string | null, label: string, offices: string[] | null, answers: number, hiddenReason: HiddenReason | null): GroupResult {
  if (hiddenReason) return { key, officeId, label, shown: false, hiddenReason, answers: null, fields: [] };
  const pick = (rows: readonly ValueCount[]) => (offices ? rows.filter((r) => offices.includes(r.officeId)) : rows);
  const ratings = countsByItem(pick(input.ratings));
  const importance = countsByItem(pick(input.importance));
  const q = input.questionnaire;
  const min = input.minimumGroupSize;
  const items = new Map(ratingItems(q).map((item) => [item.id, item]));

  const fields: FieldResult[] = q.fields
    .map((field) => {
      const results = field.items
        .filter((i) => i.kind === 'rating')
        .map((i) => {
          const item = items.get(i.id)!;
          const steps = scaleSteps(q, item);
          const actual = summary(ratings.get(item.id), steps, min);
          const imp = item.importance && q.importanceScale ? summary(importance.get(item.id), q.scales[q.importanceScale].labels.length, min) : HIDDEN_SUMMARY;
          return {
            itemId: item.id,
            text: item.text,
            steps,
            answers: actual.n,
            distribution: actual.distribution,
            actualMean: actual.mean,
            importanceAnswers: imp.n,
            importanceDistribution: imp.distribution,
            importanceMean: imp.mean,
            gap: actual.mean !== null && imp.mean !== null ? round2(imp.mean - actual.mean) : null,
          } satisfies ItemResult;
        });
      const actualMeans = results.map((r) => r.actualMean).filter(isNumber);
      const importanceMeans = results.map((r) => r.importanceMean).filter(isNumber);
      const gaps = results.map((r) => r.gap).filter(isNumber);
      return {
        fieldId: field.id,
        title: field.title,
        actualMean: mean(actualMeans),
        importanceMean: mean(importanceMeans),
        gap: mean(gaps),
        rank: null as number | null,
        items: results,
      };
    })
    .filter((f) => f.items.length > 0);
  rankByGap(fields);
  return { key, officeId, label, shown: true, hiddenReason: null, answers, fields };
}

/** Fields ordered by gap, largest first (ties: questionnaire order); fields without a gap get no rank. */
export function rankByGap(fields: Array<{ gap: number | null; rank: number | null }>): void {
  fields
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => f.gap !== null)
    .sort((a, b) => b.f.gap! - a.f.gap! || a.index - b.index)
    .forEach(({ f }, k) => (f.rank = k + 1));
}

/** The fields of a group, largest gap first, then those without a gap in questionnaire order. */
export function fieldsByGap<T extends { rank: number | null }>(fields: readonly T[]): T[] {
  return [...fields].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

const HIDDEN_SUMMARY = { n: null, distribution: null, mean: null };

function summary(counts: Map<number, number> | undefined, steps: number, min: number): { n: number | null; distribution: number[] | null; mean: number | null } {
  const distribution = Array.from({ length: steps }, (_, k) => counts?.get(k + 1) ?? 0);
  const n = distribution.reduce((a, b) => a + b, 0);
  if (n < min) return HIDDEN_SUMMARY;
  const sum = distribution.reduce((acc, count, k) => acc + count * (k + 1), 0);
  return { n, distribution, mean: round2(sum / n) };
}

function countsByItem(rows: readonly ValueCount[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const item = out.get(r.itemId) ?? new Map<number, number>();
    item.set(r.value, (item.get(r.value) ?? 0) + r.n);
    out.set(r.itemId, item);
  }
  return out;
}

function mean(values: number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function isNumber(n: number | null): n is number {
  return n !== null;
}

import type { FieldResult, GroupResult, ItemResult } from './survey-results';

/**
 * Comparison with the previous round of the same questionnaire: per group, field and item the
 * earlier mean, gap and number of answers, and whether the actual rating got better or worse.
 * Only groups and items shown in both rounds are compared (no comparison reveals a hidden group).
 * "Better" is read as people read the pages: the means rounded to one decimal differ
 * (3,41 → 3,44 is "unverändert", 3,44 → 3,46 is "besser"); no other threshold is invented.
 */
export type Change = 'better' | 'worse' | 'same';

export interface PreviousFigures {
  answers: number | null;
  actualMean: number;
  gap: number | null;
  change: Change;
}

export type ComparedItem = ItemResult & { previous: PreviousFigures | null };
export type ComparedField = Omit<FieldResult, 'items'> & { items: ComparedItem[]; previous: PreviousFigures | null };
export type ComparedGroup = Omit<GroupResult, 'fields'> & { fields: ComparedField[]; previous: { answers: number } | null };

export function changeOf(current: number, previous: number): Change {
  const a = Math.round(current * 10);
  const b = Math.round(previous * 10);
  return a > b ? 'better' : a < b ? 'worse' : 'same';
}

function figures(current: { actualMean: number | null }, previous: { actualMean: number | null; gap: number | null; answers?: number | null } | undefined): PreviousFigures | null {
  if (!previous || current.actualMean === null || previous.actualMean === null) return null;
  return { answers: previous.answers ?? null, actualMean: previous.actualMean, gap: previous.gap, change: changeOf(current.actualMean, previous.actualMean) };
}

export function compareWithPrevious(current: GroupResult[], previous: GroupResult[] | null): ComparedGroup[] {
  const before = new Map((previous ?? []).filter((g) => g.shown).map((g) => [g.key, g]));
  return current.map((g) => {
    const p = g.shown ? before.get(g.key) : undefined;
    const fields = g.fields.map((f): ComparedField => {
      const pf = p?.fields.find((x) => x.fieldId === f.fieldId);
      return {
        ...f,
        previous: figures(f, pf),
        items: f.items.map((i): ComparedItem => ({ ...i, previous: figures(i, pf?.items.find((x) => x.itemId === i.itemId)) })),
      };
    });
    return { ...g, fields, previous: p ? { answers: p.answers! } : null };
  });
}

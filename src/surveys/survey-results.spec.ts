import { compareWithPrevious, changeOf } from './survey-comparison';
import { computeResults, DISTRICT_KEY, fieldsByGap, type ResultInput, type ValueCount } from './survey-results';
import type { Questionnaire } from './questionnaire';

const questionnaire: Pick<Questionnaire, 'fields' | 'scales' | 'importanceScale'> = {
  scales: { z: { id: 'z', labels: ['1', '2', '3', '4', '5'] }, w: { id: 'w', labels: ['1', '2', '3', '4', '5'] } },
  importanceScale: 'w',
  fields: [
    { id: 'a', title: 'A', description: null, items: [{ kind: 'rating', id: 'a1', text: 'A1', scale: 'z', importance: { text: 'W' } }] },
    { id: 'b', title: 'B', description: null, items: [{ kind: 'rating', id: 'b1', text: 'B1', scale: 'z', importance: { text: 'W' } }, { kind: 'text', id: 'b-frei', text: 'F', maxLength: 100 }] },
    { id: 'c', title: 'C', description: null, items: [{ kind: 'rating', id: 'c1', text: 'C1', scale: 'z', importance: null }] },
  ],
};

/** n answers in an office, each rating every item with `actual` and importance `importance`. */
function office(officeId: string, n: number, values: Record<string, [actual: number, importance: number]>) {
  const ratings: ValueCount[] = [];
  const importance: ValueCount[] = [];
  for (const [itemId, [a, i]] of Object.entries(values)) {
    ratings.push({ officeId, itemId, value: a, n });
    if (i) importance.push({ officeId, itemId, value: i, n });
  }
  return { officeId, n, ratings, importance };
}

function input(offices: Array<ReturnType<typeof office>>, extra: Partial<ResultInput> = {}): ResultInput {
  return {
    questionnaire,
    minimumGroupSize: 5,
    offices: offices.map((o) => ({ officeId: o.officeId, officeName: o.officeId.toUpperCase() })),
    answersPerOffice: new Map(offices.map((o) => [o.officeId, o.n])),
    ratings: offices.flatMap((o) => o.ratings),
    importance: offices.flatMap((o) => o.importance),
    ...extra,
  };
}

const all = { a1: [4, 5], b1: [2, 5], c1: [3, 0] } as Record<string, [number, number]>;

describe('survey results', () => {
  it('gives distribution, means and the gap per item and field, and ranks fields by gap', () => {
    const [district] = computeResults(input([office('witten', 6, all)]));
    expect(district).toMatchObject({ key: DISTRICT_KEY, shown: true, answers: 6 });
    const b = district.fields.find((f) => f.fieldId === 'b')!;
    expect(b.items[0]).toMatchObject({ answers: 6, distribution: [0, 6, 0, 0, 0], actualMean: 2, importanceMean: 5, gap: 3 });
    expect(fieldsByGap(district.fields).map((f) => [f.fieldId, f.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', null],
    ]);
  });

  it('hides an office below the minimum group size without any count, and shows one at the minimum', () => {
    const groups = computeResults(input([office('witten', 5, all), office('hattingen', 4, all), office('herdecke', 3, all), office('wetter', 9, all)]));
    expect(groups.find((g) => g.key === 'witten')).toMatchObject({ shown: true, answers: 5 });
    expect(groups.find((g) => g.key === 'hattingen')).toEqual({ key: 'hattingen', officeId: 'hattingen', label: 'HATTINGEN', shown: false, hiddenReason: 'below_minimum', answers: null, fields: [] });
  });

  it('hides the next smallest office too, so that the district minus the shown offices reveals no small group', () => {
    const groups = computeResults(input([office('witten', 5, all), office('hattingen', 2, all), office('wetter', 9, all)]));
    expect(groups.find((g) => g.key === 'witten')).toMatchObject({ shown: false, hiddenReason: 'protects_smaller_group', answers: null });
    expect(groups.find((g) => g.key === 'wetter')).toMatchObject({ shown: true, answers: 9 });
    expect(groups.find((g) => g.key === DISTRICT_KEY)).toMatchObject({ shown: true, answers: 16 });
  });

  it('shows a regional viewer the district only when the other offices together reach the minimum', () => {
    const offices = [office('witten', 8, all), office('hattingen', 3, all)];
    expect(computeResults(input(offices, { visibleOfficeIds: ['witten'] })).map((g) => [g.key, g.shown, g.hiddenReason])).toEqual([
      [DISTRICT_KEY, false, 'protects_other_offices'],
      ['witten', false, 'protects_smaller_group'],
    ]);
    const bigger = [office('witten', 8, all), office('hattingen', 6, all)];
    expect(computeResults(input(bigger, { visibleOfficeIds: ['witten'] })).map((g) => [g.key, g.shown])).toEqual([
      [DISTRICT_KEY, true],
      ['witten', true],
    ]);
  });

  it('hides an item that fewer than the minimum rated, even in a large enough group', () => {
    const o = office('witten', 6, { a1: [4, 5], c1: [3, 0] });
    o.ratings.push({ officeId: 'witten', itemId: 'b1', value: 1, n: 4 });
    const [district] = computeResults(input([o]));
    expect(district.fields.find((f) => f.fieldId === 'b')!.items[0]).toMatchObject({ answers: null, distribution: null, actualMean: null, gap: null });
  });

  it('compares with the previous round: better, worse, or unchanged at one decimal', () => {
    const previous = computeResults(input([office('witten', 6, { a1: [3, 5], b1: [3, 5], c1: [3, 0] })]));
    const current = computeResults(input([office('witten', 7, all)]));
    const [district] = compareWithPrevious(current, previous);
    expect(district.previous).toEqual({ answers: 6 });
    const byId = Object.fromEntries(district.fields.map((f) => [f.fieldId, f.previous?.change]));
    expect(byId).toEqual({ a: 'better', b: 'worse', c: 'same' });
    expect(district.fields[0].items[0].previous).toEqual({ answers: 6, actualMean: 3, gap: 2, change: 'better' });
    expect(changeOf(3.44, 3.41)).toBe('same');
    expect(changeOf(3.46, 3.44)).toBe('better');
  });

  it('does not compare a group that was hidden in either round', () => {
    const previous = computeResults(input([office('witten', 3, all)]));
    const [district] = compareWithPrevious(computeResults(input([office('witten', 7, all)])), previous);
    expect(district.previous).toBeNull();
    expect(district.fields.every((f) => f.previous === null)).toBe(true);
  });
});

import { computeResults } from '../survey-results';
import type { Questionnaire } from '../questionnaire';
import type { SurveyRound } from '../survey-round.repository';
import { buildActionPlan, buildSurveyActionSource, followUpOf, isSourceProblem } from './survey-action-plan';
import type { SurveyActionSource } from './survey-action-source';

const questionnaire: Questionnaire = {
  id: 'q',
  version: '1',
  title: 'Q',
  audience: 'staff',
  intro: 'i',
  citation: null,
  example: null,
  scales: { z: { id: 'z', labels: ['1', '2', '3', '4', '5'] } },
  importanceScale: 'z',
  fields: [
    { id: 'a', title: 'Führung', description: null, items: [{ kind: 'rating', id: 'a1', text: 'Ziele sind klar.', scale: 'z', importance: { text: 'W' } }] },
    { id: 'b', title: 'Technik', description: null, items: [{ kind: 'rating', id: 'b1', text: 'Technik läuft.', scale: 'z', importance: { text: 'W' } }] },
  ],
};
const round: SurveyRound = { id: 'r1', questionnaireId: 'q', questionnaireVersion: '1', audience: 'staff', title: 'Runde 1', questionnaire, from: '2026-10-01', to: '2026-10-31', minimumGroupSize: 5, createdAt: '', closedAt: null };

function groups(aActual: number, bActual: number, n = 6) {
  return computeResults({
    questionnaire,
    minimumGroupSize: 5,
    offices: [{ officeId: 'witten', officeName: 'Witten' }],
    answersPerOffice: new Map([['witten', n]]),
    ratings: [
      { officeId: 'witten', itemId: 'a1', value: aActual, n },
      { officeId: 'witten', itemId: 'b1', value: bActual, n },
    ],
    importance: [
      { officeId: 'witten', itemId: 'a1', value: 5, n },
      { officeId: 'witten', itemId: 'b1', value: 5, n },
    ],
  });
}

const anAction = {
  actionId: 'x',
  fieldId: 'b',
  itemId: 'b1',
  officeId: 'witten',
  title: 't',
  status: 'open',
  statusText: 'offen',
  measure: 'm',
  dueDate: '2026-12-31',
  overdue: false,
  responsibleSide: 'regional' as const,
  responsibleSideText: 'Regionalstelle Witten',
  href: null,
  decision: null,
};

describe('from gaps to actions', () => {
  it('describes an action for an item of an office with the figures computed for it and a German title', () => {
    const source = buildSurveyActionSource(round, groups(4, 2), { fieldId: 'b', itemId: 'b1', officeId: 'witten' });
    expect(source).toEqual({
      kind: 'survey',
      sourceLabel: 'Befragung',
      roundId: 'r1',
      roundTitle: 'Runde 1',
      questionnaireId: 'q',
      questionnaireVersion: '1',
      audience: 'staff',
      from: '2026-10-01',
      to: '2026-10-31',
      fieldId: 'b',
      fieldTitle: 'Technik',
      itemId: 'b1',
      itemText: 'Technik läuft.',
      officeId: 'witten',
      officeName: 'Witten',
      responsibleSide: 'regional',
      figures: { answers: 6, actualMean: 2, importanceMean: 5, gap: 3, fieldRank: 1 },
      title: 'Befragung: Technik – Technik läuft. (Witten, Lücke 3,00)',
    });
  });

  it('gives the district to the coordination office and refuses hidden groups', () => {
    const district = buildSurveyActionSource(round, groups(4, 2), { fieldId: 'a' });
    expect(district).toMatchObject({ officeId: null, responsibleSide: 'coordination', title: 'Befragung: Führung (Kreis, Lücke 1,00)', figures: { fieldRank: 2 } });
    const hidden = buildSurveyActionSource(round, groups(4, 2, 3), { fieldId: 'a', officeId: 'witten' });
    expect(isSourceProblem(hidden) && hidden.code).toBe('hidden_group');
  });

  it('lists the actions per field, largest gap first, and marks an item improved by the next round', () => {
    const action = { ...anAction, status: 'done', statusText: 'erledigt gemeldet' };
    const plan = buildActionPlan(
      questionnaire.fields.map((f) => ({ id: f.id, title: f.title })),
      groups(4, 2),
      { round: { id: 'r2', title: 'Runde 2' }, groups: groups(4, 3) },
      [action],
    );
    expect(plan.map((f) => [f.fieldId, f.rank, f.actions.length])).toEqual([
      ['b', 1, 1],
      ['a', 2, 0],
    ]);
    expect(plan[0].actions[0].followUp).toEqual({
      roundId: 'r2',
      roundTitle: 'Runde 2',
      before: { actualMean: 2, gap: 3, answers: 6 },
      after: { actualMean: 3, gap: 2, answers: 6 },
      change: 'better',
    });
    expect(buildActionPlan([{ id: 'b', title: 'Technik' }], groups(4, 2), null, [action])[0].actions[0].followUp).toBeNull();
  });

  it('shows the decision of a later round instead of the next round when one decided the action', () => {
    const decision = { roundId: 'r3', roundTitle: 'Runde 3', before: { actualMean: 2, gap: 3, answers: 6 }, after: { actualMean: 2, gap: 3, answers: 7 }, change: 'same' as const };
    const plan = buildActionPlan([{ id: 'b', title: 'Technik' }], groups(4, 2), { round: { id: 'r2', title: 'Runde 2' }, groups: groups(4, 4) }, [{ ...anAction, decision }]);
    expect(plan[0].actions[0].followUp).toEqual(decision);
  });

  describe('what a later round says about an action', () => {
    const source = buildSurveyActionSource(round, groups(4, 2), { fieldId: 'b', itemId: 'b1', officeId: 'witten' }) as SurveyActionSource;
    const later = { id: 'r2', title: 'Runde 2' };

    it('an item rated higher in the later round is better, with the number of answers of both rounds', () => {
      expect(followUpOf(source, later, groups(4, 3, 7))).toEqual({ roundId: 'r2', roundTitle: 'Runde 2', before: { actualMean: 2, gap: 3, answers: 6 }, after: { actualMean: 3, gap: 2, answers: 7 }, change: 'better' });
    });

    it('the same or a lower rating is no improvement (survey-comparison: means rounded to one decimal)', () => {
      expect(followUpOf(source, later, groups(4, 2))?.change).toBe('same');
      expect(followUpOf(source, later, groups(4, 1))?.change).toBe('worse');
    });

    it('says nothing while the group is below the minimum size in the later round', () => {
      expect(followUpOf(source, later, groups(4, 5, 4))).toBeNull();
    });

    it('compares a whole field by its mean and the group\'s number of answers', () => {
      const field = buildSurveyActionSource(round, groups(4, 2), { fieldId: 'b' }) as SurveyActionSource;
      expect(followUpOf(field, later, groups(4, 3, 8))).toMatchObject({ before: { actualMean: 2, answers: 6 }, after: { actualMean: 3, answers: 8 }, change: 'better' });
    });
  });
});

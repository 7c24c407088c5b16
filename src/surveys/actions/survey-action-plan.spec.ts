import { computeResults } from '../survey-results';
import type { Questionnaire } from '../questionnaire';
import type { SurveyRound } from '../survey-round.repository';
import { buildActionPlan, buildSurveyActionSource, isSourceProblem } from './survey-action-plan';

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
    const action = { actionId: 'x', fieldId: 'b', itemId: 'b1', officeId: 'witten', title: 't', status: 'done', statusText: 'erledigt', measure: 'm', dueDate: null, href: null };
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
    expect(plan[0].actions[0].followUp).toEqual({ roundId: 'r2', roundTitle: 'Runde 2', actualMean: 3, before: 2, change: 'better' });
    expect(buildActionPlan([{ id: 'b', title: 'Technik' }], groups(4, 2), null, [action])[0].actions[0].followUp).toBeNull();
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, auth, closeRound, openStaffRound, staffAnswer } from './survey-fixtures';

/** From gaps to actions (until the actions module is bound: 501), the action plan. */
describe('survey actions seam and coverage (HTTP)', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
    const { round, codes } = await openStaffRound(t, coordination, { offices: ['witten', 'hattingen', 'herdecke'], codesPerOffice: 6 });
    roundId = round.id;
    for (let k = 0; k < 6; k++) await answerWithCode(t, codes.witten[k], staffAnswer({ vorgesetzte: [2, 5], aufgaben: [4, 4] }));
    for (let k = 0; k < 5; k++) await answerWithCode(t, codes.hattingen[k], staffAnswer({ vorgesetzte: [3, 5] }));
    for (let k = 0; k < 2; k++) await answerWithCode(t, codes.herdecke[k], staffAnswer({ vorgesetzte: [3, 5] }));
  }, 60_000);
  afterAll(() => t?.close());

  const openAction = (token: string, body: object) => t.http().post(`/api/v1/surveys/rounds/${roundId}/actions`).set(auth(token)).send(body);

  it('refuses an action before the round has ended', async () => {
    const res = await openAction(coordination, { fieldId: 'vorgesetzte' });
    expect(res.status).toBe(409);
  });

  describe('after the round', () => {
    beforeAll(() => closeRound(t, coordination, roundId));

    it('answers 501 "Maßnahmen sind noch nicht verfügbar" for a valid request while no actions module is bound', async () => {
      const res = await openAction(coordination, { fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', officeId: 'witten' });
      expect(res.status).toBe(501);
      expect(res.body).toMatchObject({ error: 'not_implemented', message: 'Maßnahmen sind noch nicht verfügbar.' });
      await openAction(coordination, { fieldId: 'vorgesetzte' }).expect(501);
      await openAction(witten, { fieldId: 'vorgesetzte', officeId: 'witten' }).expect(501);
    });

    it('checks what is asked for first: unknown field or item 400, hidden group 409, district or foreign office 403 for a regional office', async () => {
      const unknownField = await openAction(coordination, { fieldId: 'kantine' });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.details[0].field).toBe('fieldId');
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', itemId: 'aufgaben-klar' })).body.details[0].field).toBe('itemId');
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', officeId: 'wetter' })).status).toBe(400);
      const hidden = await openAction(coordination, { fieldId: 'vorgesetzte', officeId: 'herdecke' });
      expect(hidden.status).toBe(409);
      expect(hidden.body.message).toContain('zu wenige Antworten');
      expect((await openAction(witten, { fieldId: 'vorgesetzte' })).status).toBe(403);
      expect((await openAction(witten, { fieldId: 'vorgesetzte', officeId: 'hattingen' })).status).toBe(403);
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', figures: { gap: 9 } })).status).toBe(400);
    });

    it('shows the action plan per field, largest gap first, and says that actions are not available yet', async () => {
      const res = await t.http().get(`/api/v1/surveys/rounds/${roundId}/action-plan`).set(auth(coordination)).expect(200);
      expect(res.body).toMatchObject({ available: false, message: 'Maßnahmen sind noch nicht verfügbar.', nextRound: null });
      expect(res.body.fields[0]).toMatchObject({ fieldId: 'vorgesetzte', rank: 1, actions: [] });
      expect(res.body.fields.map((f: { fieldId: string }) => f.fieldId)).toEqual(['vorgesetzte', 'aufgaben', 'zusammenarbeit', 'bedingungen', 'entwicklung', 'gesamt']);
    });
  });
});

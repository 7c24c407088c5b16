import { NotificationSweeps } from '../../src/notifications/notification-sweeps.service';
import { SurveyActionsService } from '../../src/surveys/survey-actions.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { answerWithCode, auth, closeRound, day, openStaffRound, staffAnswer } from './survey-fixtures';

interface Summary {
  actionId: string;
  fieldId: string;
  itemId: string | null;
  officeId: string | null;
  status: string;
  statusText: string;
  responsibleSide: string;
  responsibleSideText: string;
  dueDate: string;
  measure: string | null;
  title: string;
  href: string;
}

/**
 * From gaps to actions over HTTP: survey results become corrective actions with the source
 * "Befragung" (scoped, validated, one live action per round, field, item and office), the action
 * plan of a round lists them per field, and the next round of the questionnaire decides whether a
 * done action worked. (The survey rules of the catalog: test/surveys/survey-rules.spec.ts.)
 */
describe('corrective actions from survey results (HTTP)', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;
  let hattingen: string;
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
    hattingen = await t.token('regional', ['hattingen']);
    const { round, codes } = await openStaffRound(t, coordination, { offices: ['witten', 'hattingen', 'herdecke'], codesPerOffice: 6, title: 'Runde 1' });
    roundId = round.id;
    for (let k = 0; k < 6; k++) await answerWithCode(t, codes.witten[k], staffAnswer({ vorgesetzte: [2, 5], aufgaben: [4, 4] }));
    for (let k = 0; k < 5; k++) await answerWithCode(t, codes.hattingen[k], staffAnswer({ vorgesetzte: [3, 5] }));
    // Herdecke gets no answers: below the minimum size, without hiding Hattingen to protect it.
  }, 60_000);
  afterAll(() => t?.close());

  const openAction = (token: string, body: object, id = roundId) => t.http().post(`/api/v1/surveys/rounds/${id}/actions`).set(auth(token)).send(body);
  const action = async (token: string, id: string) => (await t.http().get(`/api/v1/actions/${id}`).set(auth(token)).expect(200)).body;
  const command = (token: string, id: string, name: string, body: object = {}) => t.http().post(`/api/v1/actions/${id}/${name}`).set(auth(token)).send(body);
  const plan = async (token: string, id = roundId) => (await t.http().get(`/api/v1/surveys/rounds/${id}/action-plan`).set(auth(token)).expect(200)).body;

  it('refuses an action before the round has ended, and writes nothing', async () => {
    const res = await openAction(coordination, { fieldId: 'vorgesetzte' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('beendeten Befragung');
    expect(await t.count('corrective_action')).toBe(0);
  });

  describe('after the round', () => {
    let itemAction: Summary;

    beforeAll(() => closeRound(t, coordination, roundId));

    it('checks the request first: unknown field or item 400, office outside the round 400, hidden group 409, unknown or blank properties 400 – nothing written', async () => {
      const unknownField = await openAction(coordination, { fieldId: 'kantine' });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.details[0].field).toBe('fieldId');
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', itemId: 'aufgaben-klar' })).body.details[0].field).toBe('itemId');
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', officeId: 'wetter' })).status).toBe(400);
      const hidden = await openAction(coordination, { fieldId: 'vorgesetzte', officeId: 'herdecke' });
      expect(hidden.status).toBe(409);
      expect(hidden.body.message).toContain('zu wenige Antworten');
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', figures: { gap: 9 } })).status).toBe(400);
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', measure: '   ' })).status).toBe(400);
      expect((await openAction(coordination, { fieldId: 'vorgesetzte', measure: 'x'.repeat(2001) })).status).toBe(400);
      expect((await openAction(coordination, { fieldId: 42 })).status).toBe(400);
      expect((await openAction(coordination, { fieldId: 'vorgesetzte' }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect(await t.count('corrective_action')).toBe(0);
      expect(await t.count('corrective_action_event')).toBe(0);
    });

    it('lets a regional office act only on its own office results: the district or another office is 403', async () => {
      expect((await openAction(witten, { fieldId: 'vorgesetzte' })).status).toBe(403);
      expect((await openAction(witten, { fieldId: 'vorgesetzte', officeId: 'hattingen' })).status).toBe(403);
      expect((await t.http().post(`/api/v1/surveys/rounds/${roundId}/actions`).send({ fieldId: 'vorgesetzte' })).status).toBe(401);
      expect(await t.count('corrective_action')).toBe(0);
    });

    it('turns an item of an office into an action with the source "Befragung", the figures at creation and the office responsible', async () => {
      const res = await openAction(coordination, { fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', officeId: 'witten', measure: 'Vorschlag: Rückmeldegespräche einführen.' });
      expect(res.status).toBe(201);
      itemAction = res.body;
      // The coordination office's text for an office's action is a suggestion: the office plans.
      expect(itemAction).toMatchObject({ fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', officeId: 'witten', status: 'open', statusText: 'offen', responsibleSide: 'regional', responsibleSideText: 'Regionalstelle Witten' });
      expect(itemAction.title).toBe('Befragung: Vorgesetzte – Meine Vorgesetzten sagen mir, was gut läuft und was ich besser machen kann. (Witten, Lücke 3,00)');
      const detail = await action(witten, itemAction.actionId);
      expect(detail).toMatchObject({
        source: 'survey',
        sourceLabel: 'Befragung',
        ruleId: null,
        officeId: 'witten',
        status: 'open',
        measure: 'Vorschlag: Rückmeldegespräche einführen.',
        dueDate: day(56),
        survey: { roundId, roundTitle: 'Runde 1', questionnaireId: 'mitarbeitende', fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', figures: { answers: 6, actualMean: 2, importanceMean: 5, gap: 3, fieldRank: 1 }, followUp: null },
      });
      expect(detail.history).toEqual([expect.objectContaining({ kind: 'opened', toStatus: 'open', side: 'coordination', note: expect.stringContaining('Befragung „Runde 1“') })]);
      // The office hears of it in its inbox.
      const inbox = (await t.http().get('/api/v1/notifications').set(auth(witten)).expect(200)).body;
      expect(JSON.stringify(inbox)).toContain('Neue Maßnahme aus einer Befragung');
    });

    it('refuses a second open action for the same round, item and office with 409 and a German message, writing nothing', async () => {
      const before = await t.count('corrective_action_event');
      const res = await openAction(coordination, { fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', officeId: 'witten' });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Für diese Frage und die Regionalstelle Witten gibt es aus dieser Befragung bereits eine offene Maßnahme; bitte dort weiterarbeiten.');
      expect((await openAction(witten, { fieldId: 'vorgesetzte', itemId: 'vorgesetzte-rueckmeldung', officeId: 'witten', measure: 'Noch eine' })).status).toBe(409);
      expect(await t.count('corrective_action')).toBe(1);
      expect(await t.count('corrective_action_event')).toBe(before);
    });

    it('lets an office turn a field of its own results into an action it plans at once; the district is the coordination office\'s', async () => {
      const own = await openAction(witten, { fieldId: 'vorgesetzte', officeId: 'witten', measure: 'Monatliche Teamgespräche mit der Leitung.' });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ itemId: null, status: 'planned', responsibleSide: 'regional', measure: 'Monatliche Teamgespräche mit der Leitung.' });
      expect((await action(witten, own.body.actionId)).history.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'planned']);
      const district = await openAction(coordination, { fieldId: 'vorgesetzte' });
      expect(district.status).toBe(201);
      expect(district.body).toMatchObject({ officeId: null, status: 'open', responsibleSide: 'coordination', responsibleSideText: 'Koordinierungsstelle' });
      expect(district.body.title).toContain('(Kreis, Lücke');
      // A field and an item of it are different things; the same field for another office too.
      const other = await openAction(coordination, { fieldId: 'vorgesetzte', officeId: 'hattingen' });
      expect(other.body).toMatchObject({ officeId: 'hattingen' });
      expect(other.status).toBe(201);
    });

    it('scopes the actions: another office can neither read nor list them, and sees only its own in the plan', async () => {
      expect((await t.http().get(`/api/v1/actions/${itemAction.actionId}`).set(auth(hattingen))).status).toBe(403);
      const listed = (await t.http().get('/api/v1/actions').set(auth(hattingen)).expect(200)).body as Array<{ officeId: string; source: string }>;
      expect(listed.map((a) => [a.officeId, a.source])).toEqual([['hattingen', 'survey']]);
      const theirs = await plan(hattingen);
      expect(theirs.fields.flatMap((f: { actions: Summary[] }) => f.actions).map((a: Summary) => a.officeId)).toEqual(['hattingen']);
      const mine = await plan(witten);
      expect(mine.fields.flatMap((f: { actions: Summary[] }) => f.actions).map((a: Summary) => a.officeId)).toEqual(['witten', 'witten']);
    });

    it('lists the round\'s actions per field in the plan, largest gap first, with status, responsible side and due date', async () => {
      const p = await plan(coordination);
      expect(p).toMatchObject({ available: true, message: null, nextRound: null });
      expect(p.fields[0].fieldId).toBe('vorgesetzte');
      expect(p.fields[0].actions.map((a: Summary) => [a.officeId, a.itemId, a.status, a.responsibleSide])).toEqual([
        ['witten', 'vorgesetzte-rueckmeldung', 'open', 'regional'],
        ['witten', null, 'planned', 'regional'],
        [null, null, 'open', 'coordination'],
        ['hattingen', null, 'open', 'regional'],
      ]);
      expect(p.fields[0].actions[0]).toMatchObject({ dueDate: day(56), statusText: 'offen', followUp: null, href: '/#massnahmen' });
      expect(p.fields.slice(1).every((f: { actions: unknown[] }) => f.actions.length === 0)).toBe(true);
    });

    it('runs the same cycle as audit actions: the office plans and reports done, the coordination office cannot; no verification period', async () => {
      expect((await command(coordination, itemAction.actionId, 'plan', { measure: 'x' })).status).toBe(403);
      await command(witten, itemAction.actionId, 'plan', { measure: 'Rückmeldegespräche zweimal im Jahr.' }).expect(200);
      expect((await command(coordination, itemAction.actionId, 'done')).status).toBe(403);
      const done = (await command(witten, itemAction.actionId, 'done', {}).expect(200)).body;
      expect(done).toMatchObject({ status: 'done', doneOn: day(), verifyPeriod: null });
      expect((await command(witten, itemAction.actionId, 'verify')).status).toBe(403);
    });
  });

  describe('the next round of the same questionnaire', () => {
    let nextId: string;

    beforeAll(async () => {
      const p = await plan(coordination);
      const hattingenAction = p.fields[0].actions.find((a: Summary) => a.officeId === 'hattingen') as Summary;
      await command(hattingen, hattingenAction.actionId, 'plan', { measure: 'Führungskräfte-Sprechstunde.' }).expect(200);
      await command(hattingen, hattingenAction.actionId, 'done', {}).expect(200);
      const { round, codes } = await openStaffRound(t, coordination, { offices: ['witten', 'hattingen'], codesPerOffice: 6, title: 'Runde 2' });
      nextId = round.id;
      for (let k = 0; k < 6; k++) await answerWithCode(t, codes.witten[k], staffAnswer({ vorgesetzte: [4, 5] }));
      for (let k = 0; k < 5; k++) await answerWithCode(t, codes.hattingen[k], staffAnswer({ vorgesetzte: [3, 5] }));
    }, 60_000);

    it('decides nothing while it is still running', async () => {
      expect(await t.app.get(SurveyActionsService).settle()).toBe(0);
      expect((await plan(coordination)).nextRound).toBeNull();
    });

    it('verifies a done action whose item improved and reopens one that did not, on the evidence of the round, once it ends', async () => {
      await closeRound(t, coordination, nextId);
      const p = await plan(coordination);
      expect(p.nextRound).toEqual({ id: nextId, title: 'Runde 2' });
      const byKey = new Map(p.fields[0].actions.map((a: Summary & { followUp: unknown }) => [`${a.officeId} ${a.itemId}`, a]));
      expect(byKey.get('witten vorgesetzte-rueckmeldung')).toMatchObject({
        status: 'verified',
        followUp: { roundId: nextId, roundTitle: 'Runde 2', change: 'better', before: { actualMean: 2, answers: 6 }, after: { actualMean: 4, answers: 6 } },
      });
      expect(byKey.get('hattingen null')).toMatchObject({ status: 'open', followUp: { change: 'same', before: { actualMean: 3, answers: 5 }, after: { actualMean: 3, answers: 5 } } });
      // Actions that were not done stay as they are; the plan still shows what the next round says.
      expect(byKey.get('witten null')).toMatchObject({ status: 'planned', followUp: { change: 'better' } });
      expect(byKey.get('null null')).toMatchObject({ status: 'open', followUp: { change: 'better' } });

      const verified = (await t.http().get('/api/v1/actions?status=verified').set(auth(witten)).expect(200)).body;
      expect(verified).toHaveLength(1);
      const detail = await action(witten, verified[0].id);
      expect(detail.survey.followUp).toMatchObject({ roundId: nextId, change: 'better', after: { answers: 6 } });
      expect(detail.history.at(-1)).toMatchObject({ kind: 'verified', fromStatus: 'done', toStatus: 'verified', side: null, tokenId: null, surveyRoundId: nextId });
      expect(detail.history.at(-1).note).toContain('besser');
      const reopened = await action(hattingen, (byKey.get('hattingen null') as Summary).actionId);
      expect(reopened).toMatchObject({ status: 'open', doneOn: null, dueDate: day(56) });
      expect(reopened.history.at(-1)).toMatchObject({ kind: 'reopened', surveyRoundId: nextId });
      expect(reopened.history.at(-1).note).toContain('unverändert');
      expect(await t.app.get(SurveyActionsService).settle()).toBe(0);
    });

    it('lets neither the reopening round decide again nor a round where the group stays below the minimum; a round ending by date decides in the sweep', async () => {
      const hattingenAction = (await plan(coordination)).fields[0].actions.find((a: Summary) => a.officeId === 'hattingen') as Summary;
      await command(hattingen, hattingenAction.actionId, 'plan', { measure: 'Sprechstunde jede Woche.' }).expect(200);
      await command(hattingen, hattingenAction.actionId, 'done', {}).expect(200);
      expect(await t.app.get(SurveyActionsService).settle()).toBe(0);
      const small = await openStaffRound(t, coordination, { offices: ['witten', 'hattingen'], codesPerOffice: 6, title: 'Runde 3' });
      for (let k = 0; k < 6; k++) await answerWithCode(t, small.codes.witten[k], staffAnswer({ vorgesetzte: [4, 5] }));
      for (let k = 0; k < 2; k++) await answerWithCode(t, small.codes.hattingen[k], staffAnswer({ vorgesetzte: [5, 5] }));
      await closeRound(t, coordination, small.round.id);
      expect((await action(hattingen, hattingenAction.actionId)).status).toBe('done');
      const big = await openStaffRound(t, coordination, { offices: ['hattingen'], codesPerOffice: 6, title: 'Runde 4' });
      for (let k = 0; k < 5; k++) await answerWithCode(t, big.codes.hattingen[k], staffAnswer({ vorgesetzte: [4, 5] }));
      // Ends without anybody pressing "beenden" (as if by date): the periodic sweeps decide.
      await t.dataSource.query('UPDATE survey_round SET closed_at = clock_timestamp() WHERE id = $1', [big.round.id]);
      await t.app.get(NotificationSweeps).runAll();
      const verified = await action(hattingen, hattingenAction.actionId);
      expect(verified).toMatchObject({ status: 'verified', survey: { followUp: { roundTitle: 'Runde 4', change: 'better', before: { actualMean: 3, answers: 5 }, after: { actualMean: 4, answers: 5 } } } });
      expect(verified.history.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'planned', 'done', 'reopened', 'planned', 'done', 'verified']);
    });

    it('keeps the database honest: a survey action cannot be turned into an audit action or lose its round', async () => {
      const [row] = await t.dataSource.query(`SELECT id FROM corrective_action WHERE source = 'survey' LIMIT 1`);
      await expect(t.dataSource.query(`UPDATE corrective_action SET survey_field_id = 'aufgaben' WHERE id = $1`, [row.id])).rejects.toThrow(/cannot change what it is about/);
      await expect(
        t.dataSource.query(
          `INSERT INTO corrective_action (source, office_id, responsible_side, due_date, survey_field_id, survey_source) VALUES ('survey', 'witten', 'regional', '2030-01-01', 'aufgaben', '{}')`,
        ),
      ).rejects.toThrow(/ck_corrective_action_source_survey/);
    });
  });
});

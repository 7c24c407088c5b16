import { startTestApp, type TestApp } from '../support/test-app';
import { aProposal, auth, caller, type Caller } from './deviation-requests';

/** Section 6: "abweichende Regelungen können nicht einseitig getroffen werden". */
describe('two-party consent to deviations', () => {
  let t: TestApp;
  let coordination: Caller;
  let secondCoordination: Caller;
  let witten: Caller;
  let secondWitten: Caller;
  let hattingen: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await caller(t, 'coordination');
    secondCoordination = await caller(t, 'coordination');
    witten = await caller(t, 'regional', ['witten']);
    secondWitten = await caller(t, 'regional', ['witten']);
    hattingen = await caller(t, 'regional', ['hattingen']);
  });
  afterAll(() => t?.close());

  const propose = async (by: Caller, over: Record<string, unknown>) =>
    (await t.http().post('/api/v1/deviations').set(auth(by.token)).send(aProposal(over)).expect(201)).body;
  const act = (by: Caller, id: string, action: 'consent' | 'reject' | 'withdraw', body: object = {}) =>
    t.http().post(`/api/v1/deviations/${id}/${action}`).set(auth(by.token)).send(body);

  it('a regional proposal awaits the consent of the coordination office', async () => {
    const proposal = await propose(witten, { validFrom: '2030-01-01', validUntil: '2030-01-31' });
    expect(proposal).toMatchObject({
      officeId: 'witten',
      ruleId: 'opening.weekly-minimum',
      kind: 'parameters',
      params: { minimumHours: 25 },
      status: 'proposed',
      proposedBy: { tokenId: witten.id, side: 'regional' },
      awaitingConsentFrom: 'coordination',
      decidedBy: null,
    });
  });

  it('the proposing token cannot consent to its own proposal', async () => {
    const { id } = await propose(witten, { validFrom: '2030-02-01', validUntil: '2030-02-28' });
    const res = await act(witten, id, 'consent').expect(403);
    expect(res.body.message).toContain('nicht einseitig');
    expect(res.body.message).toContain('Koordinierungsstelle');
    expect((await t.http().get(`/api/v1/deviations/${id}`).set(auth(coordination.token)).expect(200)).body.status).toBe('proposed');
  });

  it('a second token of the proposing side cannot consent either', async () => {
    const regional = await propose(witten, { validFrom: '2030-03-01', validUntil: '2030-03-31' });
    expect((await act(secondWitten, regional.id, 'consent').expect(403)).body.message).toContain('nicht einseitig');

    const central = await propose(coordination, { validFrom: '2030-04-01', validUntil: '2030-04-30' });
    expect(central.awaitingConsentFrom).toBe('regional');
    expect((await act(secondCoordination, central.id, 'consent').expect(403)).body.message).toContain('nur die Regionalstelle zustimmen');
    const events = await t.count('deviation_event');
    await act(coordination, central.id, 'consent').expect(403);
    expect(await t.count('deviation_event')).toBe(events);
  });

  it('the other side consents and the history names both sides', async () => {
    const { id } = await propose(coordination, { validFrom: '2030-05-01', validUntil: '2030-05-31', reason: 'Erprobung im Mai' });
    const agreed = (await act(witten, id, 'consent', { reason: 'Einverstanden' }).expect(200)).body;
    expect(agreed).toMatchObject({ status: 'agreed', awaitingConsentFrom: null, decidedBy: { tokenId: witten.id, side: 'regional' } });

    const shown = (await t.http().get(`/api/v1/deviations/${id}`).set(auth(secondWitten.token)).expect(200)).body;
    expect(shown.history).toEqual([
      { action: 'proposed', side: 'coordination', tokenId: coordination.id, at: expect.any(String), reason: 'Erprobung im Mai' },
      { action: 'consented', side: 'regional', tokenId: witten.id, at: expect.any(String), reason: 'Einverstanden' },
    ]);
    expect(Date.parse(shown.history[1].at)).toBeGreaterThanOrEqual(Date.parse(shown.history[0].at));
  });

  it('an agreed deviation is final: no second consent, rejection or withdrawal', async () => {
    const { id } = await propose(witten, { validFrom: '2030-06-01', validUntil: '2030-06-30' });
    await act(coordination, id, 'consent').expect(200);
    expect((await act(secondCoordination, id, 'consent').expect(409)).body.message).toContain('bereits vereinbart');
    await act(coordination, id, 'reject', { reason: 'doch nicht' }).expect(409);
    await act(witten, id, 'withdraw').expect(409);
  });

  it('the other side rejects with a reason, which the history keeps', async () => {
    const { id } = await propose(witten, { validFrom: '2030-07-01', validUntil: '2030-07-31' });
    const missing = await act(coordination, id, 'reject', {}).expect(400);
    expect(missing.body.details[0].field).toBe('reason');
    await act(coordination, id, 'reject', { reason: '   ' }).expect(400);
    expect((await act(secondWitten, id, 'reject', { reason: 'selbst' }).expect(403)).body.message).toContain('nur die Koordinierungsstelle');

    const rejected = (await act(coordination, id, 'reject', { reason: 'Nachmittage werden gebraucht' }).expect(200)).body;
    expect(rejected.status).toBe('rejected');
    expect(rejected.history.map((e: { action: string; side: string; reason: string | null }) => [e.action, e.side, e.reason])).toEqual([
      ['proposed', 'regional', 'Erprobung längerer Öffnungszeiten'],
      ['rejected', 'coordination', 'Nachmittage werden gebraucht'],
    ]);
    await act(witten, id, 'consent').expect(409);
  });

  it('only the proposing side withdraws, any of its tokens', async () => {
    const { id } = await propose(witten, { validFrom: '2030-08-01', validUntil: '2030-08-31' });
    expect((await act(coordination, id, 'withdraw').expect(403)).body.message).toContain('kann den Vorschlag ablehnen');
    const withdrawn = (await act(secondWitten, id, 'withdraw', { reason: 'Personal reicht doch' }).expect(200)).body;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', decidedBy: { tokenId: secondWitten.id, side: 'regional' } });
    expect(withdrawn.history.map((e: { action: string; tokenId: string }) => [e.action, e.tokenId])).toEqual([
      ['proposed', witten.id],
      ['withdrawn', secondWitten.id],
    ]);
    await act(coordination, id, 'consent').expect(409);
  });

  it('a regional token sees and acts only on its own offices', async () => {
    const { id } = await propose(witten, { validFrom: '2030-09-01', validUntil: '2030-09-30' });
    await t.http().get(`/api/v1/deviations/${id}`).set(auth(hattingen.token)).expect(403);
    for (const action of ['consent', 'reject', 'withdraw'] as const) {
      const res = await act(hattingen, id, action, { reason: 'fremd' }).expect(403);
      expect(res.body.error).toBe('forbidden');
    }
    await t.http().get('/api/v1/deviations?officeId=witten').set(auth(hattingen.token)).expect(403);
    const listed = (await t.http().get('/api/v1/deviations').set(auth(hattingen.token)).expect(200)).body;
    expect(listed).toEqual([]);
    const before = await t.count('deviation');
    await t.http().post('/api/v1/deviations').set(auth(hattingen.token)).send(aProposal({ validFrom: '2031-01-01', validUntil: null })).expect(403);
    expect(await t.count('deviation')).toBe(before);
    expect((await t.http().get(`/api/v1/deviations/${id}`).set(auth(witten.token)).expect(200)).body.status).toBe('proposed');
  });

  it('lists with filters, including what awaits the own side', async () => {
    const all = (await t.http().get('/api/v1/deviations').set(auth(coordination.token)).expect(200)).body as Array<{ status: string; proposedBy: { side: string } }>;
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((d) => !('history' in d))).toBe(true);

    const mine = (await t.http().get('/api/v1/deviations?pendingForMe=true').set(auth(coordination.token)).expect(200)).body as typeof all;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.status === 'proposed' && d.proposedBy.side === 'regional')).toBe(true);
    const theirs = (await t.http().get('/api/v1/deviations?pendingForMe=true').set(auth(witten.token)).expect(200)).body as typeof all;
    expect(theirs.every((d) => d.status === 'proposed' && d.proposedBy.side === 'coordination')).toBe(true);

    const agreed = (await t.http().get('/api/v1/deviations?status=agreed&officeId=witten&ruleId=opening.weekly-minimum').set(auth(witten.token)).expect(200)).body as typeof all;
    expect(agreed.map((d) => d.status)).toEqual(['agreed', 'agreed']);

    for (const query of ['status=open', 'pendingForMe=yes', 'colour=red']) {
      const res = await t.http().get(`/api/v1/deviations?${query}`).set(auth(coordination.token)).expect(400);
      expect(res.body.details[0].field).toBe(query.split('=')[0]);
    }
  });

  it('an unknown deviation is a 404', async () => {
    await t.http().get('/api/v1/deviations/00000000-0000-4000-8000-000000000000').set(auth(coordination.token)).expect(404);
    await t.http().get('/api/v1/deviations/not-a-uuid').set(auth(coordination.token)).expect(404);
    await act(coordination, 'not-a-uuid', 'consent').expect(404);
  });

  it('the database keeps the history even against direct deletes', async () => {
    await expect(t.dataSource.query('DELETE FROM deviation_event')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM deviation')).rejects.toThrow(/never deleted/);
    await expect(t.dataSource.query("UPDATE deviation SET status = 'proposed', decided_by = NULL, decided_side = NULL, decided_at = NULL WHERE status = 'agreed'")).rejects.toThrow(/already agreed/);
  });
});

import { DeviationsService } from '../../src/deviations/deviations.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { aProposal, auth, caller, preCheck, WEEK_20H, WEEK_22H, type Caller } from './deviation-requests';

/**
 * What an agreed deviation changes, seen through the schedule pre-check and through
 * DeviationsService.forPeriod (which the week, month and audit judgements use).
 */
describe('the effect of deviations on judgements', () => {
  let t: TestApp;
  let coordination: Caller;
  let deviations: DeviationsService;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await caller(t, 'coordination');
    deviations = t.app.get(DeviationsService);
  });
  afterAll(() => t?.close());

  /** Proposed by the office, consented to by the coordination office unless `agree` is false. */
  async function deviation(officeId: string, over: Record<string, unknown>, agree = true): Promise<{ id: string; office: Caller }> {
    const office = await caller(t, 'regional', [officeId]);
    const { id } = (await t.http().post('/api/v1/deviations').set(auth(office.token)).send(aProposal({ officeId, ...over })).expect(201)).body;
    if (agree) await t.http().post(`/api/v1/deviations/${id}/consent`).set(auth(coordination.token)).send({}).expect(200);
    return { id, office };
  }

  describe('consent makes a deviation effective from its start date, not before', () => {
    let id: string;
    let witten: Caller;
    beforeAll(async () => {
      // A stricter 25 h from Thursday 1 July to 31 August 2027, proposed but not yet agreed.
      ({ id, office: witten } = await deviation('witten', { validFrom: '2027-07-01', validUntil: '2027-08-31' }, false));
    });

    it('a proposal awaiting consent changes nothing but is listed with the result', async () => {
      const { weekly, pending, compliant } = await preCheck(t, witten.token, 'witten', '2027-07-05');
      expect(weekly).toMatchObject({ status: 'compliant', measured: 22, required: 21.5 });
      expect(weekly.deviation).toBeUndefined();
      expect(compliant).toBe(true);
      expect(pending.map((p) => p.id)).toEqual([id]);
      expect((await deviations.forPeriod('witten', '2027-07-05', '2027-07-09')).applied).toEqual([]);
    });

    it('after consent it governs a schedule that starts within its period', async () => {
      await t.http().post(`/api/v1/deviations/${id}/consent`).set(auth(coordination.token)).send({}).expect(200);
      const { weekly, pending, compliant } = await preCheck(t, witten.token, 'witten', '2027-07-05');
      expect(weekly).toMatchObject({ status: 'non_compliant', measured: 22, required: 25 });
      expect(weekly.deviation).toEqual({ id, kind: 'parameters', params: { minimumHours: 25 }, reason: 'Erprobung längerer Öffnungszeiten' });
      expect(weekly.standard).toMatchObject({ required: 21.5, params: { minimumHours: 21.5 }, status: 'compliant' });
      // The message names the deviation as people know it (validity, reason), never by its id.
      expect(weekly.message).toContain('Abweichung (gültig vom 01.07.2027 bis 31.08.2027): Mindestöffnungszeit je Woche 25 Std. statt 21,5 Std.');
      expect(weekly.message).not.toContain(id);
      expect(compliant).toBe(false);
      expect(pending).toEqual([]);
    });

    it('but not one that starts the day before', async () => {
      const { weekly } = await preCheck(t, witten.token, 'witten', '2027-06-30');
      expect(weekly).toMatchObject({ status: 'compliant', required: 21.5 });
      expect(weekly.deviation).toBeUndefined();
    });

    it('and not a summer schedule that lasts longer than the deviation', async () => {
      // 1 July – 31 December: the standard governs more working days than the deviation.
      const { weekly } = await preCheck(t, witten.token, 'witten', '2027-07-01', WEEK_22H, '2027-12-31');
      expect(weekly.deviation).toBeUndefined();
    });

    it.each([
      ['the week it starts on a Thursday (2 of 5 working days)', '2027-06-28', '2027-07-04', false],
      ['the first full week', '2027-07-05', '2027-07-11', true],
      ['July', '2027-07-01', '2027-07-31', true],
      ['the week it ends on a Tuesday (2 of 5 working days)', '2027-08-30', '2027-09-05', false],
      ['September', '2027-09-01', '2027-09-30', false],
      ['its first day alone', '2027-07-01', '2027-07-01', true],
    ])('forPeriod: %s', async (_label, from, to, applies) => {
      const { applied } = await deviations.forPeriod('witten', from, to);
      expect(applied.map((d) => d.id)).toEqual(applies ? [id] : []);
      if (applies) expect(applied[0]).toEqual({ id, ruleId: 'opening.weekly-minimum', kind: 'parameters', params: { minimumHours: 25 }, reason: 'Erprobung längerer Öffnungszeiten', validFrom: '2027-07-01', validUntil: '2027-08-31' });
    });
  });

  describe('a waiver and other values change verdicts', () => {
    it('a waiver marks the standard waived and keeps what was measured', async () => {
      const { id, office } = await deviation('hattingen', { kind: 'waiver', params: undefined, reason: 'Umbau', validFrom: '2027-01-01', validUntil: null });
      const { weekly, compliant } = await preCheck(t, office.token, 'hattingen', '2027-03-01', WEEK_20H);
      expect(weekly).toMatchObject({ status: 'waived', measured: 20, required: 21.5 });
      expect(weekly.deviation).toEqual({ id, kind: 'waiver', reason: 'Umbau' });
      expect(weekly.standard).toMatchObject({ required: 21.5, status: 'non_compliant' });
      expect(weekly.message).toContain('Abschnitt 6');
      expect(compliant).toBe(true);
    });

    it('a relaxed 18 h makes a 20 h week compliant', async () => {
      const { id, office } = await deviation('herdecke', { params: { minimumHours: 18 }, validFrom: '2027-01-01', validUntil: '2027-12-31' });
      const { weekly } = await preCheck(t, office.token, 'herdecke', '2027-03-01', WEEK_20H);
      expect(weekly).toMatchObject({ status: 'compliant', required: 18, deviation: { id } });
      const before = await preCheck(t, office.token, 'herdecke', '2026-12-01', WEEK_20H);
      expect(before.weekly).toMatchObject({ status: 'non_compliant', required: 21.5 });
    });

    it('the submitted schedule stores the findings judged under the deviation and lists pending ones', async () => {
      const { id } = await deviation('wetter', { params: { minimumHours: 18 }, validFrom: '2027-01-01', validUntil: null });
      const { id: pendingId } = await deviation('wetter', { ruleId: 'opening.afternoon', kind: 'waiver', params: undefined, validFrom: '2027-01-01', validUntil: null }, false);
      const res = await t.http().post('/api/v1/schedules').set(auth(coordination.token)).send({ officeId: 'wetter', validFrom: '2027-02-01', validUntil: null, week: WEEK_20H }).expect(201);
      const weekly = res.body.findings.find((f: { ruleId: string }) => f.ruleId === 'opening.weekly-minimum');
      expect(weekly).toMatchObject({ status: 'compliant', deviation: { id } });
      expect(res.body.pendingDeviations.map((p: { id: string }) => p.id)).toEqual([pendingId]);
      const stored = (await t.http().get('/api/v1/offices/wetter/schedules').set(auth(coordination.token)).expect(200)).body[0];
      expect(stored.findings.find((f: { ruleId: string }) => f.ruleId === 'opening.weekly-minimum').deviation.id).toBe(id);
    });
  });

  describe('withdrawn or rejected proposals change nothing', () => {
    it.each([
      ['withdrawn', 'withdraw', 'office'],
      ['rejected', 'reject', 'coordination'],
    ] as const)('a %s waiver', async (_label, action, by) => {
      const officeId = action === 'withdraw' ? 'schwelm' : 'ennepetal';
      const { id, office } = await deviation(officeId, { kind: 'waiver', params: undefined, validFrom: '2027-01-01', validUntil: null }, false);
      const token = by === 'office' ? office.token : coordination.token;
      await t.http().post(`/api/v1/deviations/${id}/${action}`).set(auth(token)).send({ reason: 'doch nicht' }).expect(200);

      const { weekly, pending } = await preCheck(t, office.token, officeId, '2027-03-01', WEEK_20H);
      expect(weekly).toMatchObject({ status: 'non_compliant', required: 21.5 });
      expect(weekly.deviation).toBeUndefined();
      expect(pending).toEqual([]);
      expect(await deviations.forPeriod(officeId, '2027-03-01', '2027-03-31')).toEqual({ applied: [], pending: [] });
    });
  });
});

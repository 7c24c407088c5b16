import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A retried POST /api/v1/schedules created a new, identical version each time (issue 10): clients
 * may now send an Idempotency-Key, and a byte-identical repeat of the latest version for the same
 * validFrom is refused as a duplicate, naming the version that exists.
 */
describe('retried schedule submissions', () => {
  let t: TestApp;
  let coordination: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const week = (from: string) => ({ mon: [{ from, to: '12:30' }], tue: [{ from, to: '12:30' }] });
  const body = (officeId: string, validFrom: string, start = '08:00') => ({ officeId, validFrom, week: week(start) });
  const versions = (officeId: string) => t.count(`schedule_version WHERE office_id = '${officeId}'`);
  const post = (token: string, payload: object, key?: string) => {
    const req = t.http().post('/api/v1/schedules').set(auth(token));
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(payload);
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  describe('with an Idempotency-Key', () => {
    it('answers a retry with the first answer and stores one version', async () => {
      const first = await post(coordination, body('witten', '2027-01-04'), 'a6f0c6e2-0001').expect(201);
      const again = await post(coordination, body('witten', '2027-01-04'), 'a6f0c6e2-0001').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(await versions('witten')).toBe(1);
    });

    it('refuses the same key with other data, storing nothing', async () => {
      await post(coordination, body('hattingen', '2027-01-04'), 'key-hattingen').expect(201);
      const other = await post(coordination, body('hattingen', '2027-02-01'), 'key-hattingen').expect(409);
      expect(other.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/bereits für eine andere Anfrage/) });
      expect(await versions('hattingen')).toBe(1);
    });

    it('scopes keys to the token: another token with the same key is not a retry', async () => {
      const herdecke = await t.token('regional', ['herdecke']);
      const mine = await post(herdecke, body('herdecke', '2027-01-04'), 'shared-key').expect(201);
      const theirs = await post(coordination, body('herdecke', '2027-03-01'), 'shared-key').expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      expect(await versions('herdecke')).toBe(2);
    });

    it('keeps nothing of a rejected request: the corrected one may use the same key', async () => {
      await post(coordination, { ...body('wetter', '2027-01-04'), validFrom: '2027-13-01' }, 'retry-after-fix').expect(400);
      await post(coordination, body('wetter', '2027-01-04'), 'retry-after-fix').expect(201);
      expect(await versions('wetter')).toBe(1);
      expect(await t.count(`idempotency_key WHERE key = 'retry-after-fix'`)).toBe(1);
    });

    it.each([
      ['empty', ''],
      ['with blanks', 'mein schlüssel'],
      ['too long', 'k'.repeat(201)],
    ])('refuses a key that is %s with a 400', async (_label, key) => {
      const res = await post(coordination, body('schwelm', '2027-01-04'), key).expect(400);
      expect(res.body.details[0].field).toBe('Idempotency-Key');
      expect(await versions('schwelm')).toBe(0);
    });

    it('stores one version when the same request races itself', async () => {
      const results = await Promise.all([1, 2, 3, 4].map(() => post(coordination, body('ennepetal', '2027-01-04'), 'race-key')));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
      expect(statuses).toContain(201);
      const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(await versions('ennepetal')).toBe(1);
    });
  });

  describe('without a key', () => {
    it('refuses a byte-identical repeat of the latest version with a 409 naming it', async () => {
      const first = await post(coordination, body('gevelsberg', '2027-01-04')).expect(201);
      const again = await post(coordination, body('gevelsberg', '2027-01-04')).expect(409);
      expect(again.body.error).toBe('conflict');
      expect(again.body.message).toContain(first.body.id);
      expect(again.body.message).toMatch(/bereits gespeichert/);
      expect(await versions('gevelsberg')).toBe(1);
    });

    it('stores a different version with the same validFrom, and the first one again after it', async () => {
      await post(coordination, body('breckerfeld', '2027-01-04', '08:00')).expect(201);
      await post(coordination, body('breckerfeld', '2027-01-04', '09:00')).expect(201);
      // going back to the first is a change, not a duplicate
      const back = await post(coordination, body('breckerfeld', '2027-01-04', '08:00')).expect(201);
      const inForce = await t.http().get('/api/v1/offices/breckerfeld/schedule?date=2027-01-05').set(auth(coordination)).expect(200);
      expect(inForce.body.id).toBe(back.body.id);
      // another validFrom or validity is no duplicate either
      await post(coordination, body('breckerfeld', '2027-02-01', '08:00')).expect(201);
      await post(coordination, { ...body('breckerfeld', '2027-02-01', '08:00'), validUntil: '2027-06-30' }).expect(201);
      expect(await versions('breckerfeld')).toBe(5);
    });
  });
});

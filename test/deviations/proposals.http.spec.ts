import { startTestApp, type TestApp } from '../support/test-app';
import { aProposal, auth, caller, type Caller } from './deviation-requests';

describe('proposing a deviation', () => {
  let t: TestApp;
  let coordination: Caller;
  let witten: Caller;

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await caller(t, 'coordination');
    witten = await caller(t, 'regional', ['witten']);
  });
  afterAll(() => t?.close());

  const propose = (by: Caller, over: Record<string, unknown>) => t.http().post('/api/v1/deviations').set(auth(by.token)).send(aProposal(over));

  describe('bad input is a 400 naming the field and stores nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['an unknown office', { officeId: 'atlantis' }, 'officeId', 'nicht bekannt'],
      ['an unknown rule', { ruleId: 'opening.sunday-brunch' }, 'ruleId', 'nicht im Regelkatalog'],
      ['a rule that does not apply to the office role', { officeId: 'breckerfeld' }, 'ruleId', 'gilt nicht für die Regionalstelle „breckerfeld“'],
      ['a parameter the rule does not have', { params: { minimumDays: 2 } }, 'params.minimumDays', 'hat keinen Parameter „minimumDays“'],
      ['a value of the wrong type', { params: { minimumHours: 'achtzehn' } }, 'params.minimumHours', 'erwartet wird eine Zahl'],
      ['a value out of range', { params: { minimumHours: 200 } }, 'params.minimumHours', 'höchstens 168'],
      ['a nested value', { params: { minimumHours: { value: 18 } } }, 'params.minimumHours', 'erwartet wird eine Zahl'],
      ['values that contradict each other', { ruleId: 'opening.every-morning', params: { windowEnd: '06:00' } }, 'params', 'Regel opening.every-morning'],
      ['a period that ends before it starts', { validFrom: '2027-08-31', validUntil: '2027-07-01' }, 'validUntil', 'endet, bevor er beginnt'],
      ['a date that does not exist', { validFrom: '2027-02-30' }, 'validFrom', 'kein gültiges Kalenderdatum'],
      ['a date in another format', { validUntil: '31.08.2027' }, 'validUntil', 'JJJJ-MM-TT'],
      ['a waiver with parameters', { kind: 'waiver' }, 'params', 'keine Parameter'],
      ['parameters without parameters', { params: undefined }, 'params', 'minimumHours'],
      ['parameters with an empty object', { params: {} }, 'params', 'abweichenden Werte'],
      ['a parameter the rule does not have', { officeId: 'breckerfeld', ruleId: 'tandem.seat-access', params: { anything: 1 } }, 'params.anything', 'keinen Parameter „anything“ (vorhanden: creditHolidays)'],
      ['a rule judged for the whole district', { ruleId: 'opening.district-core-hours', params: { minimumHours: 8 } }, 'ruleId', 'einmal für alle Regionalstellen des Kreises'],
      ['an unknown kind', { kind: 'holiday' }, 'kind', 'waiver'],
      ['params that are not an object', { params: [18] }, 'params', 'Objekt'],
      ['a missing reason', { reason: undefined }, 'reason', 'Text'],
      ['a blank reason', { reason: '  ' }, 'reason', 'nicht leer'],
      ['an unknown field', { status: 'agreed' }, 'status', 'kein zulässiges Feld'],
    ];

    it.each(cases)('%s', async (_label, over, field, text) => {
      const before = [await t.count('deviation'), await t.count('deviation_event')];
      const res = await propose(coordination, over);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      const detail = res.body.details.find((d: { field: string }) => d.field === field);
      expect({ fields: res.body.details.map((d: { field: string }) => d.field), found: !!detail }).toMatchObject({ found: true });
      if (text) expect(detail.message).toContain(text);
      expect([await t.count('deviation'), await t.count('deviation_event')]).toEqual(before);
    });
  });

  it('accepts a waiver with an open end and parameters given as null', async () => {
    const res = await propose(coordination, { officeId: 'wetter', kind: 'waiver', params: null, validUntil: null }).expect(201);
    expect(res.body).toMatchObject({ kind: 'waiver', params: null, validUntil: null, status: 'proposed' });
  });

  describe('overlapping deviations for the same rule and office are refused', () => {
    let summer: string;
    beforeAll(async () => {
      summer = (await propose(witten, { validFrom: '2028-07-01', validUntil: '2028-08-31' }).expect(201)).body.id;
    });

    it.each([
      ['the same period', '2028-07-01', '2028-08-31'],
      ['a period starting inside', '2028-08-31', '2028-09-30'],
      ['a period ending inside', '2028-06-01', '2028-07-01'],
      ['a period around it', '2028-06-01', '2028-12-31'],
      ['an open end starting before', '2028-01-01', null],
    ])('%s, while the first is only proposed', async (_label, validFrom, validUntil) => {
      const before = await t.count('deviation');
      const res = await propose(coordination, { validFrom, validUntil, kind: 'waiver', params: undefined }).expect(409);
      expect(res.body.error).toBe('conflict');
      expect(res.body.message).toContain('bereits eine Abweichung vorgeschlagen');
      // The other deviation is named by its period and reason, never by its id (issue 13).
      expect(res.body.message).toContain('im Zeitraum 01.07.2028 bis 31.08.2028');
      expect(res.body.message).not.toContain(summer);
      expect(res.body.message).not.toMatch(/opening\.|witten/);
      expect(await t.count('deviation')).toBe(before);
    });

    it('allows the days right before and after, another rule and another office', async () => {
      await propose(witten, { validFrom: '2028-06-01', validUntil: '2028-06-30' }).expect(201);
      await propose(witten, { validFrom: '2028-09-01', validUntil: null }).expect(201);
      await propose(witten, { validFrom: '2028-07-01', validUntil: '2028-08-31', ruleId: 'opening.afternoon', kind: 'waiver', params: undefined }).expect(201);
      await propose(coordination, { officeId: 'herdecke', validFrom: '2028-07-01', validUntil: '2028-08-31' }).expect(201);
    });

    it('is refused once agreed as well, and freed again by a withdrawal or rejection', async () => {
      await t.http().post(`/api/v1/deviations/${summer}/consent`).set(auth(coordination.token)).send({}).expect(200);
      const clash = await propose(coordination, { validFrom: '2028-08-01', validUntil: '2028-08-15' }).expect(409);
      expect(clash.body.message).toContain('bereits eine Abweichung vereinbart');

      const other = (await propose(coordination, { officeId: 'hattingen', validFrom: '2028-07-01', validUntil: '2028-08-31' }).expect(201)).body.id;
      await propose(coordination, { officeId: 'hattingen', validFrom: '2028-08-01', validUntil: null }).expect(409);
      await t.http().post(`/api/v1/deviations/${other}/withdraw`).set(auth(coordination.token)).send({}).expect(200);
      const again = (await propose(coordination, { officeId: 'hattingen', validFrom: '2028-08-01', validUntil: null }).expect(201)).body.id;
      const hattingen = await caller(t, 'regional', ['hattingen']);
      await t.http().post(`/api/v1/deviations/${again}/reject`).set(auth(hattingen.token)).send({ reason: 'nein' }).expect(200);
      await propose(coordination, { officeId: 'hattingen', validFrom: '2028-08-01', validUntil: null }).expect(201);
    });

    it('of concurrent overlapping proposals exactly one is stored', async () => {
      const attempts = await Promise.all(
        ['2029-03-01', '2029-03-10', '2029-03-20', '2029-02-15', '2029-03-31'].map((validFrom) =>
          propose(coordination, { officeId: 'gevelsberg', validFrom, validUntil: '2029-04-30' }),
        ),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const stored = await t.dataSource.query("SELECT count(*)::int AS n FROM deviation WHERE office_id = 'gevelsberg'");
      expect(stored[0].n).toBe(1);
    });

    it('the database refuses an overlap that bypasses the service', async () => {
      const [{ proposed_by }] = await t.dataSource.query('SELECT proposed_by FROM deviation WHERE id = $1', [summer]);
      await expect(
        t.dataSource.query(
          `INSERT INTO deviation (office_id, rule_id, valid_from, valid_until, kind, reason, proposed_by, proposed_side)
           VALUES ('witten', 'opening.weekly-minimum', '2028-08-01', '2028-08-02', 'waiver', 'direkt', $1, 'regional')`,
          [proposed_by],
        ),
      ).rejects.toThrow(/overlaps/);
    });

    it('the database refuses an agreement by the proposing side', async () => {
      const id = (await propose(coordination, { officeId: 'schwelm' }).expect(201)).body.id;
      await expect(
        t.dataSource.query("UPDATE deviation SET status = 'agreed', decided_by = proposed_by, decided_side = proposed_side, decided_at = now() WHERE id = $1", [id]),
      ).rejects.toThrow(/ck_deviation_decision/);
    });
  });
});

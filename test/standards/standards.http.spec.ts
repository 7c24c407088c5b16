import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/v1/standards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serves the catalog with each rule’s needs, cadence and scope, and the vocabulary', async () => {
    const token = await t.token('regional', ['witten']);
    const res = await t.http().get('/api/v1/standards').set({ Authorization: `Bearer ${token}` }).expect(200);
    const rule = (id: string) => res.body.rules.find((r: { id: string }) => r.id === id);
    expect(rule('opening.weekly-minimum')).toMatchObject({ needs: ['schedule'], cadence: 'week', scope: 'office', shortTitle: 'Wochenstunden' });
    expect(rule('hotline.staff-availability')).toMatchObject({ needs: ['hotline'], cadence: 'week', scope: 'office', obligation: 'must' });
    expect(rule('placement.one-to-one')).toMatchObject({ needs: ['time-records'], cadence: 'month', scope: 'office', obligation: 'should' });
    expect(rule('opening.district-core-hours')).toMatchObject({ needs: ['schedule'], cadence: 'week', scope: 'district', obligation: 'aim' });
    expect(rule('opening.afternoon').params.days).toEqual({ value: 'Mo-Sa', label: 'Tage', interpretation: expect.stringContaining('Samstagnachmittag') });
    expect(res.body.vocabulary.statuses.insufficient_data.text).toBe('Daten fehlen');
    await t.http().get('/api/v1/standards').expect(401);
  });
});

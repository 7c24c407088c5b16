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

  it('lists the standards that cannot be judged from records apart from the rules, each with passage and reason', async () => {
    const token = await t.token('regional', ['witten']);
    const res = await t.http().get('/api/v1/standards').set({ Authorization: `Bearer ${token}` }).expect(200);
    expect(res.body.notChecked).toEqual(
      expect.arrayContaining([
        { section: '1.2', title: 'Fördern und Fordern', passage: expect.stringContaining('"Fördern und Fordern"'), reason: expect.any(String) },
        expect.objectContaining({ section: '4.3', passage: expect.stringContaining('Die Arbeitsvermittlung informiert die Fachberatung') }),
        expect.objectContaining({ section: '5', passage: expect.stringContaining('einheitliches Erscheinungsbild') }),
      ]),
    );
    // Listed, never judged: no rule carries their titles, so no finding can name them.
    const ruleTitles = new Set(res.body.rules.map((r: { title: string }) => r.title));
    expect(res.body.notChecked.filter((s: { title: string }) => ruleTitles.has(s.title))).toEqual([]);
    expect(res.body.vocabulary.sections).toMatchObject({ '1.2': 'Kompetentes Personal', '4.3': 'Fachberatung', '5': 'Corporate Identity und Unternehmenskultur' });
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { seedNovember } from '../audits/audit-fixtures';

describe('judging real weeks and months', () => {
  let t: TestApp;
  let coordination: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const judge = (office: string, q: string, token = coordination) => t.http().get(`/api/v1/offices/${office}/compliance?${q}`).set(auth(token));
  type FindingBody = { ruleId: string; status: string; message: string; sources: string[] };
  const byRule = (findings: FindingBody[]): Record<string, FindingBody> => Object.fromEntries(findings.map((f) => [f.ruleId, f]));

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    await seedNovember(t, coordination);
  });
  afterAll(() => t?.close());

  it('judges an ISO week on what was actually open, with the records it rests on', async () => {
    const res = await judge('witten', 'week=2026-W47').expect(200);
    expect(res.body).toMatchObject({ officeId: 'witten', period: { kind: 'week', id: '2026-W47', from: '2026-11-16', to: '2026-11-22' }, compliant: true, holidays: [] });
    expect(typeof res.body.complete).toBe('boolean');
    const f = byRule(res.body.findings);
    expect(f['opening.weekly-minimum']).toMatchObject({ status: 'compliant', measured: 26.5, period: '2026-W47' });
    expect(f['opening.weekly-minimum'].sources[0]).toMatch(/^schedule:/);
    expect(f['hotline.employer-service-hours'].status).toBe('compliant');
    expect(f['hotline.employer-service-hours'].sources).toHaveLength(5);
    expect(f['employer-service.time-share']).toBeUndefined();
  });

  it('lets a closure break the morning rule', async () => {
    await t.http().post('/api/v1/offices/witten/closures').set(auth(coordination)).send([{ date: '2026-11-25', from: '08:00', to: '12:30', reason: 'Dienstbesprechung' }]).expect(201);
    const f = byRule((await judge('witten', 'week=2026-W48').expect(200)).body.findings);
    expect(f['opening.every-morning'].status).toBe('non_compliant');
    expect(f['opening.every-morning'].message).toContain('Mittwoch');
    expect(f['opening.every-morning'].sources.some((s: string) => s.startsWith('closure:'))).toBe(true);
  });

  it('credits the Christmas holidays with their scheduled hours and keeps the weekly minimum', async () => {
    const res = await judge('witten', 'week=2026-W52').expect(200);
    expect(res.body.holidays).toEqual([
      { date: '2026-12-25', name: '1. Weihnachtstag' },
      { date: '2026-12-26', name: '2. Weihnachtstag' },
    ]);
    const weekly = byRule(res.body.findings)['opening.weekly-minimum'] as FindingBody & { evidence: { holidays: unknown[] } };
    expect(weekly).toMatchObject({ measured: 26.5, required: 21.5, status: 'compliant' });
    expect(weekly.evidence.holidays).toContainEqual({ date: '2026-12-25', weekday: 'fri', name: '1. Weihnachtstag', credited: true, creditedHours: 4.5 });
  });

  it('judges a month: the rules on working time plus the weekly rules of each week in it', async () => {
    const res = await judge('witten', 'month=2026-11').expect(200);
    expect(res.body.weeks).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const share = res.body.findings.find((x: { ruleId: string }) => x.ruleId === 'employer-service.time-share');
    expect(share).toMatchObject({ status: 'compliant', measured: 100, required: 80, period: '2026-11' });
    expect(share.evidence).toMatchObject({ officerCount: 3, officersBelow: 0, officeSharePercent: 50 });
    expect(share.message).toContain('Im November 2026 haben 3 von 3');
    const oneToOne = res.body.findings.find((x: { ruleId: string }) => x.ruleId === 'placement.one-to-one');
    expect(oneToOne).toMatchObject({ status: 'compliant', measured: 0, period: '2026-11' });
    expect(JSON.stringify(share)).not.toMatch(/a1|a2|a3/);
    expect(res.body.findings.filter((x: { ruleId: string }) => x.ruleId === 'opening.weekly-minimum')).toHaveLength(4);
  });

  it('has insufficient data, never compliance, without evidence', async () => {
    const f = byRule((await judge('hattingen', 'week=2026-W47').expect(200)).body.findings);
    expect(f['opening.weekly-minimum'].status).toBe('insufficient_data');
    expect(f['hotline.employer-service-hours'].status).toBe('insufficient_data');
    const m = (await judge('hattingen', 'month=2026-11').expect(200)).body.findings.find((x: { ruleId: string }) => x.ruleId === 'employer-service.time-share');
    expect(m.status).toBe('insufficient_data');
  });

  it('judges a tandem minor against its seat in the same week', async () => {
    await t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId: 'gevelsberg', validFrom: '2026-01-01', openingHours: 'Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00' }).expect(201);
    await t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId: 'sprockhoevel', validFrom: '2026-01-01', openingHours: 'Mo,We,Fr 08:30-12:00' }).expect(201);
    await t.http().post('/api/v1/offices/gevelsberg/closures').set(auth(coordination)).send([{ date: '2026-11-17', reason: 'Betriebsausflug' }]).expect(201);
    const f = byRule((await judge('sprockhoevel', 'week=2026-W47').expect(200)).body.findings);
    expect(f['tandem.minor-mornings'].status).toBe('compliant');
    // Tuesday: Sprockhövel has no opening and the seat Gevelsberg was closed.
    expect(f['tandem.seat-access'].status).toBe('non_compliant');
    expect(f['tandem.seat-access'].message).toContain('Dienstag');
  });

  it('has insufficient data, not a closed Monday, in the week a first schedule starts on a Wednesday', async () => {
    await t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId: 'wetter', validFrom: '2026-11-18', openingHours: 'Mo-Fr 08:00-13:00' }).expect(201);
    const w47 = byRule((await judge('wetter', 'week=2026-W47').expect(200)).body.findings);
    for (const rule of ['opening.every-weekday', 'opening.weekly-minimum', 'opening.every-morning']) expect({ rule, status: w47[rule].status }).toEqual({ rule, status: 'insufficient_data' });
    const w48 = byRule((await judge('wetter', 'week=2026-W48').expect(200)).body.findings);
    expect(w48['opening.every-weekday'].status).toBe('compliant');
    expect(w48['opening.weekly-minimum']).toMatchObject({ status: 'compliant', measured: 25 });
  });

  it('does not judge a period that ended before the catalog applies', async () => {
    const res = await judge('witten', 'week=2025-W50').expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'week', message: expect.stringContaining('gilt ab 2026-01-01') });
    // The first ISO week of 2026 begins on 29 December 2025 and is judged.
    await judge('witten', 'week=2026-W01').expect(200);
  });

  it('neither pre-checks, stores nor reports a plan or period that ended before the catalog applies', async () => {
    const before = await t.count('schedule_version');
    const plan = { officeId: 'witten', validFrom: '2000-01-03', validUntil: '2000-01-09', week: { mon: [{ from: '08:00', to: '12:00' }] } };
    for (const path of ['/api/v1/schedules/check', '/api/v1/schedules']) {
      const res = await t.http().post(path).set(auth(coordination)).send(plan).expect(400);
      expect(res.body.details).toEqual([{ field: 'validUntil', message: expect.stringContaining('gilt ab 2026-01-01') }]);
    }
    expect(await t.count('schedule_version')).toBe(before);
    // A plan ending on the catalog's first day, or open-ended from before it, is judged by that version.
    const lastDay = await t.http().post('/api/v1/schedules/check').set(auth(coordination)).send({ ...plan, validFrom: '2025-12-29', validUntil: '2026-01-01' }).expect(200);
    expect(lastDay.body.catalogVersion).toBe('2026.1');
    const report = await t.http().get('/api/v1/offices/witten/report?period=2025-12').set(auth(coordination)).expect(400);
    expect(report.body.details).toEqual([{ field: 'period', message: expect.stringContaining('gilt ab 2026-01-01') }]);
    await t.http().get('/api/v1/offices/witten/report?period=2026-01').set(auth(coordination)).expect(200);
  });

  it('rejects a bad period with a German message naming the parameter', async () => {
    for (const q of ['week=2026-W54', 'week=2026-52', 'month=2026-13', 'month=2026-11&week=2026-W47', '']) {
      const res = await judge('witten', q);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
      expect(['week', 'month']).toContain(res.body.details[0].field);
    }
  });

  it('answers a foreign regional token with 403 and an unknown office with 404', async () => {
    const witten = await t.token('regional', ['witten']);
    await judge('witten', 'week=2026-W47', witten).expect(200);
    await judge('hattingen', 'week=2026-W47', witten).expect(403);
    await judge('atlantis', 'week=2026-W47').expect(404);
  });
});

import { startTestApp, type TestApp } from '../support/test-app';
import { auth, postCsv, postJson, csv } from '../evidence/evidence-requests';

type FindingBody = { ruleId: string; status: string; measured: number | null; required: number | null; message: string; period: string; evidence: Record<string, unknown>; sources: string[] };

/**
 * Two real months of Witten worked out by hand (schedule Mo–Fr 08:00–12:30, Thursday also
 * 14:00–18:00), judged through GET …/compliance?month=.
 *
 * April 2026 (Karfreitag 3 April, Ostermontag 6 April):
 *   Fri 03.04 10:00–10:30 Leistung            public holiday, office closed      → outside
 *   Tue 07.04 12:30–13:00 Arbeitsvermittlung  begins as the office closes         → outside
 *   Thu 09.04 17:30–18:15 Arbeitsvermittlung  overlaps 14:00–18:00                → inside
 *   Tue 14.04 09:00–09:30 Fachberatung        closure 08:00–10:00 that morning    → outside
 *   Thu 16.04 13:00–13:30 Fachberatung        midday gap 12:30–14:00              → outside
 *   → every area has a slot outside: compliant, 3 of 3 areas, 4 slots outside.
 * June 2026 (Fronleichnam Thursday 4 June):
 *   Thu 04.06 15:00–15:30 Leistung            holiday (else inside 14:00–18:00)   → outside
 *   Thu 11.06 15:00–15:30 Arbeitsvermittlung  inside 14:00–18:00                  → inside
 *   Tue 16.06 07:30–08:00 Arbeitsvermittlung  ends as the office opens            → outside
 *   Thu 18.06 12:00–12:45 Fachberatung        overlaps 08:00–12:30                → inside
 *   → Fachberatung has none outside: non_compliant, 2 of 3 areas.
 * Contacts April: Leistung 240 with / 60 without, Arbeitsvermittlung 90 / 10 → 330 of 400 = 82,5 %.
 * Handovers April: 12 changes in 850 cases → 1,4 %. June: neither reported → insufficient data.
 */
describe('a month judged with the office registers (issue 15)', () => {
  let t: TestApp;
  let coordination: string;
  const month = async (office: string, id: string, token = coordination): Promise<Record<string, FindingBody>> => {
    const res = await t.http().get(`/api/v1/offices/${office}/compliance?month=${id}`).set(auth(token)).expect(200);
    return Object.fromEntries((res.body.findings as FindingBody[]).filter((f) => f.period === id).map((f) => [f.ruleId, f]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    await t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId: 'witten', validFrom: '2026-01-01', openingHours: 'Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00' }).expect(201);
    await postJson(t, '/api/v1/offices/witten/closures', coordination, [{ date: '2026-04-14', from: '08:00', to: '10:00', reason: 'Dienstbesprechung' }]).expect(201);
    await postCsv(
      t,
      '/api/v1/offices/witten/appointment-slots',
      coordination,
      csv(
        'Datum;von;bis;Bereich',
        '03.04.2026;10:00;10:30;Leistung',
        '07.04.2026;12:30;13:00;Arbeitsvermittlung',
        '09.04.2026;17:30;18:15;Arbeitsvermittlung',
        '14.04.2026;09:00;09:30;Fachberatung',
        '16.04.2026;13:00;13:30;Fachberatung',
        '04.06.2026;15:00;15:30;Leistung',
        '11.06.2026;15:00;15:30;Arbeitsvermittlung',
        '16.06.2026;07:30;08:00;Arbeitsvermittlung',
        '18.06.2026;12:00;12:45;Fachberatung',
      ),
    ).expect(201);
    await postCsv(t, '/api/v1/offices/witten/contact-counts', coordination, csv('Monat;Bereich;mit Termin;ohne Termin', '04.2026;Leistung;240;60', '04.2026;Arbeitsvermittlung;90;10')).expect(201);
    await postCsv(t, '/api/v1/offices/witten/caseload-handovers', coordination, csv('Monat;Fälle;Zuständigkeitswechsel', '04.2026;850;12')).expect(201);
  }, 60_000);
  afterAll(() => t?.close());

  it('April 2026: a slot on Good Friday, at closing time, inside a closure and in the midday gap cover all three areas', async () => {
    const f = await month('witten', '2026-04');
    const outside = f['appointments.outside-opening-hours'];
    expect(outside).toMatchObject({ status: 'compliant', measured: 3, required: 3 });
    expect(outside.evidence.outsideAppointments).toEqual([
      { date: '2026-04-03', time: '10:00–10:30', area: 'Leistung', holiday: 'Karfreitag' },
      { date: '2026-04-07', time: '12:30–13:00', area: 'Arbeitsvermittlung' },
      { date: '2026-04-14', time: '09:00–09:30', area: 'Fachberatung' },
      { date: '2026-04-16', time: '13:00–13:30', area: 'Fachberatung' },
    ]);
    expect(outside.evidence.areas).toContainEqual({ area: 'Arbeitsvermittlung', outsideSlots: 1, insideSlots: 1, unknownSlots: 0 });
    expect(outside.sources.some((s) => s.startsWith('closure:'))).toBe(true);
    expect(outside.sources.some((s) => s.startsWith('schedule:'))).toBe(true);

    expect(f['appointments.by-arrangement']).toMatchObject({ status: 'observed', measured: 82.5, required: null });
    expect(f['appointments.by-arrangement'].message).toBe('Beobachtungswert: Im April 2026 fanden 82,5 % der Kontakte mit Termin statt (330 von 400).');
    expect(f['staff.continuity']).toMatchObject({ status: 'observed', measured: 1.4 });
  });

  it('June 2026: a holiday Thursday afternoon counts, but Fachberatung had no slot outside the opening', async () => {
    const f = await month('witten', '2026-06');
    expect(f['appointments.outside-opening-hours']).toMatchObject({ status: 'non_compliant', measured: 2, required: 3 });
    expect(f['appointments.outside-opening-hours'].message).toContain('ohne solchen Termin: Fachberatung');
    expect(f['appointments.by-arrangement'].status).toBe('insufficient_data');
    expect(f['staff.continuity'].status).toBe('insufficient_data');
  });

  it('an office without any register has insufficient data for all three rules, never a violation', async () => {
    const f = await month('hattingen', '2026-04');
    for (const rule of ['appointments.outside-opening-hours', 'appointments.by-arrangement', 'staff.continuity']) expect({ rule, status: f[rule].status }).toEqual({ rule, status: 'insufficient_data' });
  });

  it('a week judges none of the monthly register rules', async () => {
    const res = await t.http().get('/api/v1/offices/witten/compliance?week=2026-W15').set(auth(coordination)).expect(200);
    expect(res.body.findings.map((f: FindingBody) => f.ruleId)).not.toContain('appointments.outside-opening-hours');
  });

  it('a regional token of another office cannot judge Witten', async () => {
    const other = await t.token('regional', ['hattingen']);
    await t.http().get('/api/v1/offices/witten/compliance?month=2026-04').set(auth(other)).expect(403);
  });
});

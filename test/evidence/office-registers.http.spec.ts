import { startTestApp, type TestApp } from '../support/test-app';
import { auth, csv, evidencePath, postCsv, postJson, where, type Detail } from './evidence-requests';

/** The three office registers of issue 15: appointment slots, contact counts, caseload handovers. */
describe('office registers API (appointments, contacts, handovers)', () => {
  let t: TestApp;
  let coordination: string;
  const list = async (office: string, kind: Parameters<typeof evidencePath>[1], query = '') => (await t.http().get(`${evidencePath(office, kind)}${query}`).set(auth(coordination)).expect(200)).body;
  const nothingWritten = async (table: string, action: () => Promise<unknown>) => {
    const before = { rows: await t.count(table), imports: await t.count('evidence_import') };
    await action();
    expect({ rows: await t.count(table), imports: await t.count('evidence_import') }).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
  });
  afterAll(() => t?.close());

  describe('appointment slots', () => {
    const path = (office: string) => evidencePath(office, 'appointment-slots');

    it('stores slots sent as JSON and lists them', async () => {
      const token = await t.token('regional', ['witten']);
      const res = await postJson(t, path('witten'), token, [
        { date: '2026-04-03', from: '10:00', to: '10:30', area: 'benefits' },
        { date: '2026-04-07', from: '12:30', to: '13:00', area: 'placement' },
      ]).expect(201);
      expect(res.body).toEqual({ importId: expect.any(String), kind: 'appointment-slots', format: 'json', rows: 2, inserted: 2, updated: 0, unchanged: 0 });
      expect(await list('witten', 'appointment-slots')).toEqual([
        { id: expect.any(String), date: '2026-04-03', from: '10:00', to: '10:30', area: 'benefits' },
        { id: expect.any(String), date: '2026-04-07', from: '12:30', to: '13:00', area: 'placement' },
      ]);
    });

    it('reads a CSV with the German headers, dates, times and areas of the template', async () => {
      const file = '\uFEFF' + csv('Datum;von;bis;Bereich', '05.03.2026;16.00;16:30;Fachberatung', '06.03.2026;7:30;8:00;Leistung', '06.03.2026;17:00;17:45;Arbeitsvermittlung');
      const res = await postCsv(t, path('hattingen'), coordination, file).expect(201);
      expect(res.body).toMatchObject({ format: 'csv', rows: 3, inserted: 3 });
      expect((await list('hattingen', 'appointment-slots')).map((s: { date: string; from: string; area: string }) => [s.date, s.from, s.area])).toEqual([
        ['2026-03-05', '16:00', 'specialist_advice'],
        ['2026-03-06', '07:30', 'benefits'],
        ['2026-03-06', '17:00', 'placement'],
      ]);
    });

    it('stores a file sent twice once', async () => {
      const file = csv('Datum;von;bis;Bereich', '10.03.2026;16:00;16:30;Fachberatung', '10.03.2026;16:00;16:30;Fachberatung', '10.03.2026;16:30;17:00;Fachberatung');
      expect((await postCsv(t, path('herdecke'), coordination, file).expect(201)).body).toMatchObject({ rows: 3, inserted: 2, unchanged: 1 });
      const rows = await t.count('appointment_slot');
      expect((await postCsv(t, path('herdecke'), coordination, file).expect(201)).body).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
      expect(await t.count('appointment_slot')).toBe(rows);
    });

    it('lists every bad row by line and field and stores nothing', async () => {
      await nothingWritten('appointment_slot', async () => {
        const file = csv('Datum;von;bis;Bereich', '05.03.2026;16:00;16:30;Fachberatung', '31.02.2026;16:00;16:30;Fachberatung', '05.03.2026;17:00;16:00;Leistung', '05.03.2026;25:00;26:00;Kasse', '05.03.2026;;16:00;Leistung');
        const res = await postCsv(t, path('wetter'), coordination, file).expect(400);
        expect(where(res.body.details)).toEqual(['3:Datum', '4:bis', '5:von', '5:bis', '5:Bereich', '6:von']);
        const messages = res.body.details.map((d: Detail) => d.message);
        expect(messages[1]).toBe('muss nach dem Beginn (17:00) liegen');
        expect(messages[4]).toBe('muss einer dieser Werte sein: Leistung, Arbeitsvermittlung, Fachberatung');
        expect(res.body.message).toMatch(/es wurde nichts gespeichert/);
      });
    });

    it('refuses a slot in the hour skipped when clocks go forward, as the hotline register does', async () => {
      await nothingWritten('appointment_slot', async () => {
        const file = csv('Datum;von;bis;Bereich', '29.03.2026;01:30;02:00;Leistung', '29.03.2026;02:00;03:00;Leistung', '29.03.2026;02:15;02:45;Leistung', '29.03.2026;01:30;03:30;Leistung');
        const res = await postCsv(t, path('wetter'), coordination, file).expect(400);
        expect(where(res.body.details)).toEqual(['2:bis', '3:von', '4:von', '4:bis']);
        expect(res.body.details[1].message).toBe('02:00 Uhr am 29.03.2026 gibt es in Berlin nicht (Umstellung auf Sommerzeit: die Uhren springen von 02:00 auf 03:00); bitte eine andere Zeit angeben');
      });
      // Around the gap, and in the hour repeated in autumn, the times exist.
      const fine = [
        { date: '2026-03-29', from: '01:30', to: '03:30', area: 'benefits' },
        { date: '2026-10-25', from: '02:00', to: '02:30', area: 'benefits' },
      ];
      await postJson(t, path('wetter'), coordination, fine).expect(201);
    });

    it('refuses a regional token for another office on POST, preview and GET, storing nothing', async () => {
      const witten = await t.token('regional', ['witten']);
      await nothingWritten('appointment_slot', async () => {
        await postJson(t, path('breckerfeld'), witten, [{ date: '2026-03-02', from: '16:00', to: '16:30', area: 'placement' }]).expect(403);
        await postCsv(t, `${path('breckerfeld')}/preview`, witten, csv('Datum;von;bis;Bereich', '02.03.2026;16:00;16:30;Leistung')).expect(403);
        await t.http().get(path('breckerfeld')).set(auth(witten)).expect(403);
      });
    });

    it('previews without writing', async () => {
      await nothingWritten('appointment_slot', async () => {
        const res = await postCsv(t, `${path('schwelm')}/preview`, coordination, csv('Datum;von;bis;Bereich', '02.03.2026;16:00;16:30;Leistung')).expect(200);
        expect(res.body).toMatchObject({ kind: 'appointment-slots', rows: 1, inserted: 1, total: 1 });
        expect(res.body.records).toEqual([{ date: '2026-03-02', from: '16:00', to: '16:30', area: 'benefits' }]);
        expect(res.body.columns.find((c: { field: string }) => c.field === 'area').values).toEqual({ benefits: 'Leistung', placement: 'Arbeitsvermittlung', specialist_advice: 'Fachberatung' });
      });
    });
  });

  describe('contact counts', () => {
    const path = (office: string) => evidencePath(office, 'contact-counts');

    it('stores counts sent as JSON and takes other counts for the same month and area as a correction', async () => {
      const first = await postJson(t, path('witten'), coordination, [
        { month: '2026-03', area: 'benefits', byAppointment: 240, walkIn: 60 },
        { month: '2026-03', area: 'placement', byAppointment: 90, walkIn: 10 },
      ]).expect(201);
      expect(first.body).toMatchObject({ kind: 'contact-counts', rows: 2, inserted: 2 });
      const again = await postJson(t, path('witten'), coordination, [
        { month: '2026-03', area: 'benefits', byAppointment: 250, walkIn: 60 },
        { month: '2026-03', area: 'placement', byAppointment: 90, walkIn: 10 },
      ]).expect(201);
      expect(again.body).toMatchObject({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
      expect(await list('witten', 'contact-counts')).toEqual([
        { id: expect.any(String), month: '2026-03', area: 'benefits', byAppointment: 250, walkIn: 60 },
        { id: expect.any(String), month: '2026-03', area: 'placement', byAppointment: 90, walkIn: 10 },
      ]);
    });

    it('reads a CSV with German headers, months and areas; a file sent twice changes nothing', async () => {
      const file = csv('Monat;Bereich;mit Termin;ohne Termin', '03.2026;Leistung;240;60', '2026-04;Fachberatung;30;0');
      expect((await postCsv(t, path('hattingen'), coordination, file).expect(201)).body).toMatchObject({ format: 'csv', rows: 2, inserted: 2 });
      const rows = await t.count('contact_count');
      expect((await postCsv(t, path('hattingen'), coordination, file).expect(201)).body).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
      expect(await t.count('contact_count')).toBe(rows);
      expect(await list('hattingen', 'contact-counts', '?from=2026-04-15&to=2026-04-20')).toEqual([{ id: expect.any(String), month: '2026-04', area: 'specialist_advice', byAppointment: 30, walkIn: 0 }]);
    });

    it('lists every bad row by line and field and stores nothing', async () => {
      await nothingWritten('contact_count', async () => {
        const file = csv('Monat;Bereich;mit Termin;ohne Termin', '03.2026;Leistung;240;60', '13.2026;Leistung;1;1', '03.2026;Fachberatung;-1;2,5', '03.2026;Leistung;200;60');
        const res = await postCsv(t, path('wetter'), coordination, file).expect(400);
        expect(where(res.body.details)).toEqual(['3:Monat', '4:mit Termin', '4:ohne Termin', '5:mit Termin']);
        expect(res.body.details[3].message).toMatch(/widerspricht Zeile 2/);
      });
    });

    it('refuses a regional token for another office, storing nothing', async () => {
      const witten = await t.token('regional', ['witten']);
      await nothingWritten('contact_count', async () => {
        await postJson(t, path('breckerfeld'), witten, [{ month: '2026-03', area: 'benefits', byAppointment: 1, walkIn: 1 }]).expect(403);
        await t.http().get(path('breckerfeld')).set(auth(witten)).expect(403);
      });
    });
  });

  describe('caseload handovers', () => {
    const path = (office: string) => evidencePath(office, 'caseload-handovers');

    it('stores counts sent as JSON, never a person', async () => {
      const res = await postJson(t, path('witten'), coordination, [{ month: '2026-03', caseloadSize: 850, changes: 12 }]).expect(201);
      expect(res.body).toMatchObject({ kind: 'caseload-handovers', rows: 1, inserted: 1 });
      expect(await list('witten', 'caseload-handovers')).toEqual([{ id: expect.any(String), month: '2026-03', caseloadSize: 850, changes: 12 }]);
    });

    it('refuses a field naming a person', async () => {
      const res = await postJson(t, path('witten'), coordination, [{ month: '2026-04', caseloadSize: 850, changes: 1, staffRef: 'VM-01' }]).expect(400);
      expect(where(res.body.details)).toEqual(['1:staffRef']);
    });

    it('reads a CSV with German headers; a file sent twice changes nothing, other counts correct the month', async () => {
      const file = csv('Monat;Fälle;Zuständigkeitswechsel', '03.2026;600;6', '04.2026;610;0');
      expect((await postCsv(t, path('hattingen'), coordination, file).expect(201)).body).toMatchObject({ rows: 2, inserted: 2 });
      expect((await postCsv(t, path('hattingen'), coordination, file).expect(201)).body).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
      expect((await postCsv(t, path('hattingen'), coordination, csv('Monat;Fälle;Zuständigkeitswechsel', '04.2026;610;3')).expect(201)).body).toMatchObject({ updated: 1 });
      expect((await list('hattingen', 'caseload-handovers')).map((r: { changes: number }) => r.changes)).toEqual([6, 3]);
    });

    it('lists every bad row by line and field and stores nothing', async () => {
      await nothingWritten('caseload_handover', async () => {
        const file = csv('Monat;Fälle;Zuständigkeitswechsel', '03.2026;600;6', 'März;600;6', '04.2026;0;-1', '05.2026;;1');
        const res = await postCsv(t, path('wetter'), coordination, file).expect(400);
        expect(where(res.body.details)).toEqual(['3:Monat', '4:Fälle', '4:Zuständigkeitswechsel', '5:Fälle']);
        expect(res.body.details[3].message).toBe('fehlt');
      });
    });

    it('refuses a regional token for another office, storing nothing', async () => {
      const witten = await t.token('regional', ['witten']);
      await nothingWritten('caseload_handover', async () => {
        await postCsv(t, path('breckerfeld'), witten, csv('Monat;Fälle;Zuständigkeitswechsel', '03.2026;600;6')).expect(403);
        await t.http().get(path('breckerfeld')).set(auth(witten)).expect(403);
      });
    });
  });

  it('offers a German template for each register', async () => {
    const expected: Record<string, string> = {
      'appointment-slots': 'Datum;von;bis;Bereich',
      'contact-counts': 'Monat;Bereich;mit Termin;ohne Termin',
      'caseload-handovers': 'Monat;Fälle;Zuständigkeitswechsel',
    };
    for (const [kind, header] of Object.entries(expected)) {
      const res = await t.http().get(`/api/v1/evidence/templates/${kind}`).set(auth(coordination)).expect(200);
      expect(res.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
      // The template's example row is accepted back as it is.
      await postCsv(t, `/api/v1/offices/ennepetal/${kind}/preview`, coordination, res.text).expect(200);
    }
  });
});

import { startTestApp, type TestApp } from '../support/test-app';

const HIDDEN_CHARACTERS = 'darf keine Steuerzeichen und keine unsichtbaren Zeichen (zur Schreibrichtung oder ohne Breite) enthalten';

describe('offices API', () => {
  let t: TestApp;
  let coordination: string;
  let witten: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    coordination = await t.token('coordination');
    witten = await t.token('regional', ['witten']);
  });
  afterAll(() => t?.close());

  it('seeds the nine locations of JobAgentur EN with their tandem roles', async () => {
    const res = await t.http().get('/api/v1/offices').set(auth(coordination)).expect(200);
    expect(res.body.map((o: { id: string }) => o.id)).toEqual(
      ['breckerfeld', 'ennepetal', 'gevelsberg', 'hattingen', 'herdecke', 'schwelm', 'sprockhoevel', 'wetter', 'witten'],
    );
    const byId = Object.fromEntries(res.body.map((o: { id: string }) => [o.id, o]));
    expect(byId.sprockhoevel).toEqual({ id: 'sprockhoevel', name: 'Sprockhövel', role: 'tandem-minor', seatId: 'gevelsberg' });
    expect(byId.breckerfeld).toMatchObject({ role: 'tandem-minor', seatId: 'ennepetal' });
    expect(byId.ennepetal).toMatchObject({ role: 'tandem-seat', seatId: null });
    expect(byId.witten).toMatchObject({ role: 'standalone' });
  });

  it('shows a regional token only its own offices', async () => {
    const res = await t.http().get('/api/v1/offices').set(auth(witten)).expect(200);
    expect(res.body.map((o: { id: string }) => o.id)).toEqual(['witten']);
    await t.http().get('/api/v1/offices/witten').set(auth(witten)).expect(200);
  });

  it('answers 403 and no data when a regional token asks for another office', async () => {
    const res = await t.http().get('/api/v1/offices/hattingen').set(auth(witten)).expect(403);
    expect(res.body).toMatchObject({ error: 'forbidden' });
    expect(JSON.stringify(res.body)).not.toContain('Hattingen');
  });

  it('answers 404 in German for an unknown office', async () => {
    const res = await t.http().get('/api/v1/offices/atlantis').set(auth(coordination)).expect(404);
    expect(res.body.message).toContain('nicht bekannt');
  });

  it('lets the coordination office add and rename an office', async () => {
    await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'witten-nord', name: 'Witten-Nord', role: 'standalone' }).expect(201);
    const res = await t.http().patch('/api/v1/offices/witten-nord').set(auth(coordination)).send({ name: 'Witten Nord' }).expect(200);
    expect(res.body).toEqual({ id: 'witten-nord', name: 'Witten Nord', role: 'standalone', seatId: null });
    await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'witten-nord', name: 'X', role: 'standalone' }).expect(409);
  });

  it('adds a tandem minor only with an existing seat', async () => {
    await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'minor-a', name: 'A', role: 'tandem-minor' }).expect(400);
    await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'minor-b', name: 'B', role: 'tandem-minor', seatId: 'witten' }).expect(400);
    await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'minor-c', name: 'C', role: 'tandem-minor', seatId: 'gevelsberg' }).expect(201);
  });

  it('refuses office changes by a regional token', async () => {
    const before = await t.count('office');
    await t.http().post('/api/v1/offices').set(auth(witten)).send({ id: 'w2', name: 'W2', role: 'standalone' }).expect(403);
    await t.http().patch('/api/v1/offices/witten').set(auth(witten)).send({ name: 'Umbenannt' }).expect(403);
    expect(await t.count('office')).toBe(before);
    const res = await t.http().get('/api/v1/offices/witten').set(auth(coordination)).expect(200);
    expect(res.body.name).toBe('Witten');
  });

  it('rejects unknown fields and bad values with German messages naming each field, writing nothing', async () => {
    const before = await t.count('office');
    const res = await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'Bad Id', name: '', role: 'castle', colour: 'red' }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['colour', 'id', 'name', 'role']);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'validation_failed', message: 'Die Anfrage enthält ungültige Angaben.' });
    expect(res.body.details.find((d: { field: string }) => d.field === 'colour').message).toBe('ist kein zulässiges Feld');
    expect(await t.count('office')).toBe(before);
  });

  it('answers malformed JSON and oversized bodies with the common error shape', async () => {
    const bad = await t.http().post('/api/v1/offices').set(auth(coordination)).set('Content-Type', 'application/json').send('{"id": ').expect(400);
    expect(bad.body).toMatchObject({ error: 'validation_failed', message: 'Der Inhalt ist kein gültiges JSON.' });
    const huge = await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'x'.repeat(3 * 1024 * 1024) }).expect(413);
    expect(huge.body).toMatchObject({ error: 'payload_too_large' });
    expect(huge.body.correlationId).toEqual(expect.any(String));
  });

  describe('office names (issue 10)', () => {
    it('trims a new name and refuses one that is blank', async () => {
      const res = await t.http().patch('/api/v1/offices/wetter').set(auth(coordination)).send({ name: '  Wetter an der Ruhr \t' }).expect(200);
      expect(res.body.name).toBe('Wetter an der Ruhr');
      const before = await t.dataSource.query(`SELECT name FROM office WHERE id = 'wetter'`);
      for (const name of [' ', '\t \n', '']) {
        const blank = await t.http().patch('/api/v1/offices/wetter').set(auth(coordination)).send({ name }).expect(400);
        expect(blank.body.details).toEqual([{ field: 'name', message: 'darf nicht leer sein' }]);
      }
      await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'leer', name: '   ', role: 'standalone' }).expect(400);
      expect(await t.dataSource.query(`SELECT name FROM office WHERE id = 'wetter'`)).toEqual(before);
      expect(await t.count(`office WHERE id = 'leer'`)).toBe(0);
    });

    it.each([
      ['a control character', 'Witten\u0007'],
      ['a line break inside', 'Wit\nten'],
      ['a right-to-left override', 'Witten \u202Eneddoh'],
      ['a directional isolate', '\u2066Witten\u2069'],
      ['a right-to-left mark', 'Witten\u200F'],
      // Zero-width characters make two names that look alike differ (one office could pass for another).
      ['a zero-width space', 'Wit\u200Bten'],
      ['a zero-width non-joiner', 'Wit\u200Cten'],
      ['a zero-width joiner', 'Wit\u200Dten'],
      ['a word joiner', 'Wit\u2060ten'],
      ['a zero-width no-break space inside', 'Wit\uFEFFten'],
    ])('refuses a name with %s, storing nothing', async (_label, name) => {
      const res = await t.http().patch('/api/v1/offices/schwelm').set(auth(coordination)).send({ name }).expect(400);
      // One message for every hidden character: the clerk need not know which kind it was.
      expect(res.body.details).toEqual([{ field: 'name', message: HIDDEN_CHARACTERS }]);
      await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'neu-ort', name, role: 'standalone' }).expect(400);
      const [{ name: stored }] = await t.dataSource.query(`SELECT name FROM office WHERE id = 'schwelm'`);
      expect(stored).toBe('Schwelm');
      expect(await t.count(`office WHERE id = 'neu-ort'`)).toBe(0);
    });

    it('refuses an empty seat id with a 400 instead of a 500 (found by the fault suite)', async () => {
      const res = await t.http().post('/api/v1/offices').set(auth(coordination)).send({ id: 'ohne-sitz', name: 'Ohne Sitz', role: 'standalone', seatId: '' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'seatId', message: 'muss die ID einer Regionalstelle sein' }]);
      expect(await t.count(`office WHERE id = 'ohne-sitz'`)).toBe(0);
    });

    it('keeps umlauts, accents and punctuation', async () => {
      const res = await t.http().patch('/api/v1/offices/sprockhoevel').set(auth(coordination)).send({ name: 'Sprockhövel – Café (Süd) / Nord' }).expect(200);
      expect(res.body.name).toBe('Sprockhövel – Café (Süd) / Nord');
    });

    it('calls a name that is not text "kein Text", not "zu lang"', async () => {
      const res = await t.http().patch('/api/v1/offices/schwelm').set(auth(coordination)).send({ name: 42 }).expect(400);
      expect(res.body.details).toEqual([{ field: 'name', message: 'muss ein Text sein' }]);
    });
  });

  describe('unique office names (an import finds an office by id or name)', () => {
    const create = (body: object) => t.http().post('/api/v1/offices').set(auth(coordination)).send({ role: 'standalone', ...body });

    it('refuses a new office named like another office or its id, ignoring case, blanks and Unicode form, writing nothing', async () => {
      await create({ id: 'hoexter', name: 'Höxter' }).expect(201);
      const before = await t.count('office');
      for (const name of ['Hattingen', 'HATTINGEN', '  hattingen ', 'Ho\u0308xter', 'HÖXTER', 'höxter ', 'Gevelsberg', 'herdecke', 'Hoexter']) {
        const res = await create({ id: 'zz-test', name });
        expect({ name, status: res.status, error: res.body.error, field: res.body.details?.[0]?.field }).toEqual({ name, status: 409, error: 'conflict', field: 'name' });
        expect(res.body.message).toMatch(/ist schon vergeben/);
      }
      const byName = await create({ id: 'zz-test', name: 'Hattingen' }).expect(409);
      expect(byName.body.message).toMatch(/^Der Name „Hattingen“ ist schon vergeben: (So heißt die Regionalstelle mit der Kennung hattingen|Das ist die Kennung der Regionalstelle „Hattingen“)\./);
      const byId = await create({ id: 'zz-test', name: 'hoexter' }).expect(409);
      expect(byId.body.message).toMatch(/^Der Name „hoexter“ ist schon vergeben: Das ist die Kennung der Regionalstelle „Höxter“\./);
      expect(await t.count('office')).toBe(before);
    });

    it('refuses a new id that is another office\'s name', async () => {
      await create({ id: 'alt-stadt', name: 'Neustadt' }).expect(201);
      const res = await create({ id: 'neustadt', name: 'Neustadt Süd' }).expect(409);
      expect(res.body.details).toEqual([{ field: 'id', message: 'ist schon vergeben (Name der Regionalstelle „Neustadt“, Kennung alt-stadt)' }]);
      expect(await t.count(`office WHERE id = 'neustadt'`)).toBe(0);
    });

    it('refuses renaming to another office\'s name or id, keeping the old name; a change of case of its own name is fine', async () => {
      for (const name of ['Ennepetal', 'ennepetal', ' BRECKERFELD ']) {
        await t.http().patch('/api/v1/offices/herdecke').set(auth(coordination)).send({ name }).expect(409);
      }
      expect((await t.http().get('/api/v1/offices/herdecke').set(auth(coordination))).body.name).toBe('Herdecke');
      await t.http().patch('/api/v1/offices/herdecke').set(auth(coordination)).send({ name: 'HERDECKE' }).expect(200);
      await t.http().patch('/api/v1/offices/herdecke').set(auth(coordination)).send({ name: 'Herdecke' }).expect(200);
    });

    it('lets exactly one of two offices created at once with the same name in', async () => {
      const before = await t.count('office');
      const results = await Promise.all(['gleich-a', 'gleich-b', 'gleich-c'].map((id) => create({ id, name: 'Gleichzeitig' })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await t.count('office')).toBe(before + 1);
    });

    it('lets one of two offices in that take each other\'s id as name at once', async () => {
      for (let round = 0; round < 5; round++) {
        const [a, b] = [`kreuz-a${round}`, `kreuz-b${round}`];
        const results = await Promise.all([create({ id: a, name: b }), create({ id: b, name: a })]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      }
    });

    it('is held by the database too, for any writer', async () => {
      await expect(t.dataSource.query(`INSERT INTO office (id, name, role) VALUES ('roh', 'WITTEN', 'standalone')`)).rejects.toMatchObject({ driverError: { code: '23505' } });
      await expect(t.dataSource.query(`UPDATE office SET name = 'ennepetal' WHERE id = 'gevelsberg'`)).rejects.toMatchObject({ driverError: { code: '23505' } });
      expect(await t.count(`office WHERE id = 'roh'`)).toBe(0);
    });
  });
});

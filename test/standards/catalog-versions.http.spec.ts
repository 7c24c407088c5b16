import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError } from '../../src/engine';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Catalog versions over time (issue 15): the shipped catalog 2026.1 and, as a test fixture only, a
 * version 2026.2 from 1 October 2026 that raises the weekly minimum from 21,5 to 25 hours. Witten
 * is open 22 hours a week: compliant under 2026.1, not under 2026.2.
 */
const FIXTURE = join(__dirname, '..', 'fixtures', 'catalog-versions', '2026.2');
const SHIPPED = join(__dirname, '..', '..', 'config', 'standards', '2026.1');
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const NOW = () => new Date('2026-11-20T10:00:00Z');

/** A folder of catalog versions: the shipped 2026.1 and the fixture 2026.2, each as its own copy. */
function twoVersions(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-versions-'));
  cpSync(SHIPPED, join(dir, '2026.1'), { recursive: true });
  cpSync(FIXTURE, join(dir, '2026.2'), { recursive: true });
  return dir;
}

type FindingBody = { ruleId: string; status: string; required: number | null; catalogVersion: string; period: string };
const weeklyMinimum = (findings: FindingBody[]) => findings.find((f) => f.ruleId === 'opening.weekly-minimum')!;
/** The embedded socket server frees its one connection slot on the next turn of the event loop. */
const released = () => new Promise((r) => setTimeout(r, 200));

/** Starts an application on the database and closes it again: resolves when the start was accepted. */
async function startAndStop(standardsDir: string, db: TestDatabase): Promise<void> {
  await released();
  try {
    const app = await startTestApp({ standardsDir, clock: NOW, sharedDatabase: db });
    await app.close();
  } finally {
    await released();
  }
}

describe('catalog versions side by side', () => {
  let t: TestApp;
  let db: TestDatabase;
  let dir: string;
  let coordination: string;
  let runId: string;

  beforeAll(async () => {
    dir = twoVersions();
    db = await createTestDatabase();
    t = await startTestApp({ standardsDir: dir, clock: NOW, sharedDatabase: db });
    coordination = await t.token('coordination');
    await t.http().post('/api/v1/schedules').set(auth(coordination)).send({ officeId: 'witten', validFrom: '2025-01-01', openingHours: 'Mo-Fr 08:00-11:36; Th 08:00-11:36,14:00-18:00' }).expect(201);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the version in force and every version with its validity', async () => {
    const res = await t.http().get('/api/v1/standards').set(auth(coordination)).expect(200);
    expect(res.body).toMatchObject({ version: '2026.2', validFrom: '2026-10-01' });
    expect(res.body.rules.find((r: { id: string }) => r.id === 'opening.weekly-minimum').params.minimumHours.value).toBe(25);
    expect(res.body.versions).toEqual([
      { version: '2026.1', validFrom: '2026-01-01', validUntil: null, inForce: false, firstJudged: expect.any(String) },
      { version: '2026.2', validFrom: '2026-10-01', validUntil: null, inForce: true, firstJudged: null },
    ]);
  });

  it('judges a week before the switch by 2026.1 and a week after it by 2026.2', async () => {
    const before = await t.http().get('/api/v1/offices/witten/compliance?week=2026-W39').set(auth(coordination)).expect(200);
    expect(before.body.catalogVersion).toBe('2026.1');
    expect(weeklyMinimum(before.body.findings)).toMatchObject({ status: 'compliant', required: 21.5, catalogVersion: '2026.1' });
    const after = await t.http().get('/api/v1/offices/witten/compliance?week=2026-W41').set(auth(coordination)).expect(200);
    expect(after.body.catalogVersion).toBe('2026.2');
    expect(weeklyMinimum(after.body.findings)).toMatchObject({ status: 'non_compliant', required: 25, catalogVersion: '2026.2' });
  });

  it('the schedule pre-check judges a plan by the version in force on the day it takes effect', async () => {
    const check = (validFrom: string) =>
      t.http().post('/api/v1/schedules/check').set(auth(coordination)).send({ officeId: 'witten', validFrom, openingHours: 'Mo-Fr 08:00-11:36; Th 08:00-11:36,14:00-18:00' }).expect(200);
    const september = (await check('2026-09-30')).body;
    expect(september).toMatchObject({ catalogVersion: '2026.1' });
    expect(weeklyMinimum(september.findings)).toMatchObject({ status: 'compliant', required: 21.5 });
    const october = (await check('2026-10-01')).body;
    expect(october).toMatchObject({ catalogVersion: '2026.2', compliant: false });
    expect(weeklyMinimum(october.findings)).toMatchObject({ status: 'non_compliant', required: 25, catalogVersion: '2026.2' });
  });

  it('judges the week of the switch by the version in force on its first day (Monday 28 September: 2026.1)', async () => {
    const res = await t.http().get('/api/v1/offices/witten/compliance?week=2026-W40').set(auth(coordination)).expect(200);
    expect(weeklyMinimum(res.body.findings)).toMatchObject({ required: 21.5, catalogVersion: '2026.1' });
  });

  it('an audit across the switch judges each period by its own version and names both', async () => {
    const run = await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-09-01', to: '2026-10-31' }).expect(201);
    runId = run.body.id;
    expect(run.body).toMatchObject({ status: 'succeeded', catalogVersion: '2026.1, 2026.2', catalogVersions: ['2026.1', '2026.2'] });
    const findings = (await t.http().get(`/api/v1/audits/${runId}/findings?office=witten&rule=opening.weekly-minimum`).set(auth(coordination)).expect(200)).body as FindingBody[];
    const byPeriod = Object.fromEntries(findings.map((f) => [f.period, [f.catalogVersion, f.required, f.status]]));
    expect(byPeriod).toEqual({
      '2026-W37': ['2026.1', 21.5, 'compliant'],
      '2026-W38': ['2026.1', 21.5, 'compliant'],
      '2026-W39': ['2026.1', 21.5, 'compliant'],
      '2026-W40': ['2026.1', 21.5, 'compliant'],
      '2026-W41': ['2026.2', 25, 'non_compliant'],
      '2026-W42': ['2026.2', 25, 'non_compliant'],
      '2026-W43': ['2026.2', 25, 'non_compliant'],
    });
    // Monthly rules too: September by 2026.1, October by 2026.2.
    const months = (await t.http().get(`/api/v1/audits/${runId}/findings?office=witten&rule=placement.one-to-one`).set(auth(coordination)).expect(200)).body as FindingBody[];
    expect(Object.fromEntries(months.map((f) => [f.period, f.catalogVersion]))).toEqual({ '2026-09': '2026.1', '2026-10': '2026.2' });
  });

  it('refuses to start when a judged past version was edited, naming the file and the rule in German and English', async () => {
    await t.close();
    const edited = twoVersions();
    try {
      const file = join(edited, '2026.1', 'opening.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: 21.5', 'value: 20'));
      const refused = startAndStop(edited, db);
      await expect(refused).rejects.toThrow(CatalogError);
      await expect(refused).rejects.toThrow(
        new RegExp(
          `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: rule "opening.weekly-minimum": Katalogversion 2026\\.1 wurde geändert, nachdem mit ihr Zeiträume beurteilt wurden .*Catalog version 2026\\.1 was changed after periods were judged`,
        ),
      );
      // A removed rule is refused as well, naming the header of the version.
      writeFileSync(file, readFileSync(join(dir, '2026.1', 'opening.yaml'), 'utf8'));
      const tandem = join(edited, '2026.1', 'tandem.yaml');
      writeFileSync(tandem, readFileSync(tandem, 'utf8').replace(/\n {2}- id: tandem\.seat-access[\s\S]*$/, '\n'));
      await expect(startAndStop(edited, db)).rejects.toThrow(`${join(edited, '2026.1', 'catalog.yaml')}: Katalogversion 2026.1 wurde geändert`);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('lets a judged version have its words corrected (labels, notes), which change no verdict', async () => {
    const edited = twoVersions();
    try {
      const past = join(edited, '2026.1', 'opening.yaml');
      writeFileSync(past, readFileSync(past, 'utf8').replace('label: Mindestöffnungszeit je Woche', 'label: Mindestöffnungszeit pro Woche'));
      await startAndStop(edited, db);
      await startAndStop(dir, db);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });
});

describe('a catalog version not judged yet', () => {
  it('may still change: the new wording is recorded, and refused once judged', async () => {
    const dir = twoVersions();
    const db = await createTestDatabase();
    try {
      await startAndStop(dir, db);
      const file = join(dir, '2026.2', 'opening.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: 25', 'value: 24'));
      const again = await startTestApp({ standardsDir: dir, clock: NOW, sharedDatabase: db });
      try {
        const coordination = await again.token('coordination');
        const run = await again.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-10-05', to: '2026-10-11' }).expect(201);
        expect(run.body.catalogVersion).toBe('2026.2');
      } finally {
        await again.close();
      }
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: 24', 'value: 23'));
      await expect(startAndStop(dir, db)).rejects.toThrow('Katalogversion 2026.2 wurde geändert');
    } finally {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

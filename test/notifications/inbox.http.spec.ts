import { DateTime } from 'luxon';
import { NotificationSweeps } from '../../src/notifications/notification-sweeps.service';
import { seedNovember } from '../audits/audit-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the inbox of each side', () => {
  let t: TestApp;
  let coordination: string;
  let herdecke: string;
  let hattingen: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-12-01T10:00:00+01:00') });
    coordination = await t.token('coordination');
    herdecke = await t.token('regional', ['herdecke']);
    hattingen = await t.token('regional', ['hattingen']);
    await seedNovember(t, coordination);
    await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
  });
  afterAll(() => t?.close());

  it('tells the regional office about each new action, and nobody else', async () => {
    const inbox = await t.http().get('/api/v1/notifications').set(auth(herdecke)).expect(200);
    expect(inbox.body.unread).toBe(5);
    expect(inbox.body.items.every((n: { kind: string; officeId: string; read: boolean }) => n.kind === 'action_opened' && n.officeId === 'herdecke' && !n.read)).toBe(true);
    expect(inbox.body.items[0].title).toMatch(/^Neue Maßnahme nötig: Herdecke · /);
    expect(inbox.body.items[0].link).toBe('/regionalstellen/herdecke#massnahmen');
    expect((await t.http().get('/api/v1/notifications').set(auth(hattingen)).expect(200)).body).toEqual({ unread: 0, items: [] });
    // The coordination office hears only of the actions it is responsible for: the district rules
    // (no survey round was held, so the two survey rules opened one action each), never Herdecke's.
    const own = (await t.http().get('/api/v1/notifications').set(auth(coordination)).expect(200)).body;
    expect(own.items.map((n: { kind: string; officeId: string | null }) => [n.kind, n.officeId])).toEqual([
      ['action_opened', null],
      ['action_opened', null],
    ]);
  });

  it("tells the other side that a deviation waits for its consent", async () => {
    const before = (await t.http().get('/api/v1/notifications/unread-count').set(auth(coordination))).body.unread;
    await t.http().post('/api/v1/deviations').set(auth(coordination)).send({ officeId: 'herdecke', ruleId: 'opening.afternoon', validFrom: '2027-01-01', kind: 'waiver', reason: 'Erprobung' }).expect(201);
    const inbox = await t.http().get('/api/v1/notifications?unread=true').set(auth(herdecke)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'deviation_awaiting_consent', side: 'regional', officeId: 'herdecke', link: '/abweichungen' });
    expect(inbox.body.items[0].title).toContain('Abweichung wartet auf Ihre Zustimmung');
    // The proposing side is not asked.
    expect((await t.http().get('/api/v1/notifications/unread-count').set(auth(coordination))).body.unread).toBe(before);
  });

  it('tells the coordination office about a failed nightly run, once', async () => {
    await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date, error, finished_at, started_at)
       VALUES ('nightly', '2026-11-23', '2026-11-29', '{2026-W48}', '{witten}', 'x', 'failed', '2026-11-30', 'Datenbank nicht erreichbar', now(), $1)`,
      [new Date('2026-12-01T02:30:00+01:00')],
    );
    const sweeps = t.app.get(NotificationSweeps);
    expect(await sweeps.announceFailedRuns()).toBe(1);
    expect(await sweeps.announceFailedRuns()).toBe(0);
    const inbox = await t.http().get('/api/v1/notifications').set(auth(coordination)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'audit_failed', title: 'Nächtliche Prüfung fehlgeschlagen (Nacht zum 30.11.2026)' });
    expect(inbox.body.items[0].body).toContain('Datenbank nicht erreichbar');
  });

  it('tells the coordination office about a night the nightly audit will not catch up, once', async () => {
    const sweeps = t.app.get(NotificationSweeps);
    expect(await sweeps.announceNightGaps()).toBe(0);
    // A missed night as the nightly job records it (audits/audit-gaps.ts), within the sweep's look-back.
    const night = DateTime.now().setZone('Europe/Berlin').minus({ days: 3 }).toISODate()!;
    await t.dataSource.query(
      `INSERT INTO audit_run (trigger, period_from, period_to, periods, office_ids, catalog_version, status, nightly_date, missed, error, finished_at, started_at)
       VALUES ('nightly', $1, $1, '{}', '{witten}', 'x', 'failed', $1, true, 'Nicht geprüft', now(), now())`,
      [night],
    );
    expect(await sweeps.announceNightGaps()).toBe(1);
    expect(await sweeps.announceNightGaps()).toBe(0);
    const inbox = await t.http().get('/api/v1/notifications').set(auth(coordination)).expect(200);
    const gap = inbox.body.items.find((n: { kind: string }) => n.kind === 'night_not_audited');
    expect(gap.title).toBe(`Nacht zum ${night.split('-').reverse().join('.')} nicht geprüft`);
    expect(gap.body).toContain(`audit --night ${night}`);
  });

  it('marks one or all as read, only within the own inbox', async () => {
    const inbox = (await t.http().get('/api/v1/notifications').set(auth(herdecke))).body;
    const first = inbox.items[0];
    await t.http().post(`/api/v1/notifications/${first.id}/read`).set(auth(hattingen)).send({}).expect(403);
    await t.http().post(`/api/v1/notifications/${first.id}/read`).set(auth(coordination)).send({}).expect(403);
    const read = await t.http().post(`/api/v1/notifications/${first.id}/read`).set(auth(herdecke)).send({}).expect(200);
    expect(read.body).toMatchObject({ id: first.id, read: true, readAt: expect.any(String) });
    expect((await t.http().get('/api/v1/notifications/unread-count').set(auth(herdecke))).body.unread).toBe(inbox.unread - 1);
    expect((await t.http().post('/api/v1/notifications/read-all').set(auth(herdecke)).send({}).expect(200)).body).toEqual({ marked: inbox.unread - 1 });
    expect((await t.http().get('/api/v1/notifications/unread-count').set(auth(herdecke))).body.unread).toBe(0);
    await t.http().post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read').set(auth(herdecke)).send({}).expect(404);
    await t.http().get('/api/v1/notifications?limit=0').set(auth(herdecke)).expect(400);
  });

  it('keeps digest recipients per office; a regional office manages only its own', async () => {
    const before = await t.count('notification_recipient');
    await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ address: 'zentrale@jobagentur-en.example' }).expect(403);
    await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ officeId: 'hattingen', address: 'x@jobagentur-en.example' }).expect(403);
    await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ officeId: 'herdecke', address: 'keine-adresse' }).expect(400);
    // Found by the hostile-input corpus: a null office was a 500.
    const nullOffice = await t.http().post('/api/v1/notifications/recipients').set(auth(coordination)).send({ officeId: null, address: 'x@jobagentur-en.example' }).expect(400);
    expect(nullOffice.body.details[0]).toMatchObject({ field: 'officeId', message: 'muss die ID einer Regionalstelle sein' });
    expect(await t.count('notification_recipient')).toBe(before);
    const added = await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ officeId: 'herdecke', address: 'herdecke@jobagentur-en.example' }).expect(201);
    await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ officeId: 'herdecke', address: 'Herdecke@jobagentur-en.example' }).expect(200);
    expect((await t.http().get('/api/v1/notifications/recipients').set(auth(hattingen)).expect(200)).body).toEqual([]);
    expect((await t.http().get('/api/v1/notifications/recipients').set(auth(herdecke)).expect(200)).body).toEqual([expect.objectContaining({ officeId: 'herdecke', source: 'api' })]);
    await t.http().delete(`/api/v1/notifications/recipients/${added.body.id}`).set(auth(hattingen)).expect(403);
    await t.http().delete(`/api/v1/notifications/recipients/${added.body.id}`).set(auth(herdecke)).expect(204);
    expect(await t.count('notification_recipient')).toBe(before);
  });
});

import { DigestService } from '../../src/notifications/digest.service';
import { seedNovember } from '../audits/audit-fixtures';
import { startTestApp, TEST_CONFIG, type TestApp } from '../support/test-app';
import { freePort, startSmtpListener } from './smtp-listener';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function appWithSmtp(smtpUrl: string | undefined, clock: () => Date): Promise<TestApp> {
  return startTestApp({ clock, config: { notifications: { ...TEST_CONFIG.notifications, smtpUrl } } });
}

/** The nightly digest over a real SMTP connection to a listener on loopback. */
describe('nightly e-mail digest', () => {
  // Each test starts its own application, seeds a month and audits it: generous on a shared machine.
  jest.setTimeout(120_000);

  let now = new Date('2026-12-01T06:00:00+01:00');
  const clock = () => now;

  it('sends one German digest per inbox and night, with links to the pages', async () => {
    const smtp = await startSmtpListener();
    const t = await appWithSmtp(`smtp://127.0.0.1:${smtp.port}`, clock);
    try {
      const coordination = await t.token('coordination');
      const herdecke = await t.token('regional', ['herdecke']);
      await t.http().post('/api/v1/notifications/recipients').set(auth(herdecke)).send({ officeId: 'herdecke', address: 'herdecke@jobagentur-en.example' }).expect(201);
      await t.http().post('/api/v1/notifications/recipients').set(auth(coordination)).send({ address: 'qualitaet@jobagentur-en.example' }).expect(201);
      await seedNovember(t, coordination);
      await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
      await t.http().post('/api/v1/deviations').set(auth(herdecke)).send({ officeId: 'herdecke', ruleId: 'opening.afternoon', validFrom: '2027-01-01', kind: 'waiver', reason: 'Erprobung ohne Nachmittag' }).expect(201);

      const digests = t.app.get(DigestService);
      expect(await digests.buildDigests('2026-12-01')).toBe(2);
      expect(await digests.buildDigests('2026-12-01')).toBe(0); // exactly once per inbox and night
      expect(await digests.sendDue()).toEqual({ sent: 2, failed: 0 });

      expect(smtp.mails).toHaveLength(2);
      const toOffice = smtp.mails.find((m) => m.to.includes('herdecke@jobagentur-en.example'))!;
      expect(toOffice.subject).toBe('Qualitätsstandards: 5 neue Mitteilungen für die Regionalstelle Herdecke (01.12.2026)');
      expect(toOffice.text).toContain('Guten Tag,');
      expect(toOffice.text).toContain('Neue Maßnahme nötig: Herdecke · ');
      expect(toOffice.text).toContain('http://qs.test/regionalstellen/herdecke#massnahmen');
      expect(toOffice.text).toContain('Alle Mitteilungen: http://qs.test/mitteilungen');
      const toCoordination = smtp.mails.find((m) => m.to.includes('qualitaet@jobagentur-en.example'))!;
      // The deviation waiting for consent, and the two district actions of the survey rules (no round held).
      expect(toCoordination.subject).toContain('3 neue Mitteilungen für die Koordinierungsstelle');
      expect(toCoordination.text).toContain('Abweichung wartet auf Ihre Zustimmung: Herdecke');
      expect(toCoordination.text).toContain('http://qs.test/abweichungen');
      expect(toCoordination.from).toBe('qs@test.invalid');

      // Nothing new: the next night sends nothing.
      expect(await digests.buildDigests('2026-12-02')).toBe(0);
    } finally {
      await t.close();
      await smtp.close();
    }
  });

  it('retries a digest later when the SMTP server refuses the connection, and never holds up an audit', async () => {
    const port = await freePort();
    now = new Date('2026-12-01T06:00:00+01:00');
    const t = await appWithSmtp(`smtp://127.0.0.1:${port}`, clock);
    let smtp: Awaited<ReturnType<typeof startSmtpListener>> | undefined;
    try {
      const coordination = await t.token('coordination');
      await t.http().post('/api/v1/notifications/recipients').set(auth(coordination)).send({ officeId: 'herdecke', address: 'herdecke@jobagentur-en.example' }).expect(201);
      await seedNovember(t, coordination);
      await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);

      const digests = t.app.get(DigestService);
      expect(await digests.buildDigests('2026-12-01')).toBe(1);
      expect(await digests.sendDue()).toEqual({ sent: 0, failed: 1 });
      const [pending] = await t.dataSource.query('SELECT status, attempts, last_error FROM mail_outbox');
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending.last_error).toMatch(/ECONNREFUSED/);
      // Not due yet: the retry waits a minute.
      expect(await digests.sendDue()).toEqual({ sent: 0, failed: 0 });

      smtp = await startSmtpListener(port);
      now = new Date('2026-12-01T06:02:00+01:00');
      expect(await digests.sendDue()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0].subject).toContain('für die Regionalstelle Herdecke');
      const [sent] = await t.dataSource.query('SELECT status, attempts FROM mail_outbox');
      expect(sent).toEqual({ status: 'sent', attempts: 2 });
    } finally {
      await t.close();
      await smtp?.close();
    }
  });

  it('sends nothing without SMTP_URL, while the inbox still works', async () => {
    const t = await appWithSmtp(undefined, clock);
    try {
      const coordination = await t.token('coordination');
      const herdecke = await t.token('regional', ['herdecke']);
      await t.http().post('/api/v1/notifications/recipients').set(auth(coordination)).send({ officeId: 'herdecke', address: 'herdecke@jobagentur-en.example' }).expect(201);
      await seedNovember(t, coordination);
      await t.http().post('/api/v1/audits').set(auth(coordination)).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
      const digests = t.app.get(DigestService);
      expect(digests.enabled).toBe(false);
      expect(await digests.buildDigests('2026-12-01')).toBe(0);
      expect(await digests.sendDue()).toEqual({ sent: 0, failed: 0 });
      expect(await t.count('mail_outbox')).toBe(0);
      const inbox = await t.http().get('/api/v1/notifications').set(auth(herdecke)).expect(200);
      expect(inbox.body.unread).toBe(5);
    } finally {
      await t.close();
    }
  });
});

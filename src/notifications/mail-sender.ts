import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/**
 * The SMTP transport (nodemailer) for SMTP_URL. Short timeouts: a server that does not answer is
 * tried again later by the outbox, it never holds up the sweep that sends.
 */
export class MailSender {
  private readonly transport: Transporter;

  constructor(smtpUrl: string) {
    const url = new URL(smtpUrl);
    // Loaded only when mail is configured (cold start, issue 14).
    const { createTransport } = require('nodemailer') as typeof import('nodemailer');
    this.transport = createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A local relay often has a self-signed certificate; STARTTLS is used when offered.
      tls: { rejectUnauthorized: url.searchParams.get('tlsRejectUnauthorized') !== 'false' },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'quoted-printable' });
  }

  close(): void {
    this.transport.close();
  }
}

import { plainToInstance, Transform } from 'class-transformer';
import { validateCronExpression } from 'cron';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'ja', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'nein', 'off'].includes(v)) return false;
  return value; // left as is so that IsBoolean reports it
};

/** The environment as the service reads it; validated once at boot (see loadConfig). */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'PORT muss eine ganze Zahl sein' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_DATA muss true oder false sein' })
  DEMO_DATA?: boolean;

  @IsOptional()
  @IsIn(['debug', 'info', 'warn', 'error'], { message: 'LOG_LEVEL muss debug, info, warn oder error sein' })
  LOG_LEVEL?: 'debug' | 'info' | 'warn' | 'error';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'TRUST_PROXY muss true oder false sein' })
  TRUST_PROXY?: boolean;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'NIGHTLY_AUDIT muss true oder false sein' })
  NIGHTLY_AUDIT?: boolean;

  @IsOptional()
  @IsString()
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'NIGHTLY_AUDIT_CRON muss ein Cron-Ausdruck sein, z. B. "30 2 * * *"' })
  NIGHTLY_AUDIT_CRON?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'NIGHTLY_CATCH_UP_DAYS muss eine ganze Zahl sein' })
  @Min(0)
  @Max(366)
  NIGHTLY_CATCH_UP_DAYS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'INSTANCE_HEARTBEAT_SECONDS muss eine ganze Zahl sein' })
  @Min(1)
  @Max(300)
  INSTANCE_HEARTBEAT_SECONDS?: number;

  @IsOptional()
  @IsString()
  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT muss z. B. 1mb oder 512kb sein' })
  BODY_LIMIT?: string;

  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/, { message: 'SMTP_URL muss wie smtp://host:25, smtp://benutzer:passwort@host:587 oder smtps://host:465 aussehen' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^([^<>@\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, { message: 'MAIL_FROM muss eine E-Mail-Adresse sein, z. B. qualitaet@jobagentur-en.de oder "Qualitätsstandards <qualitaet@jobagentur-en.de>"' })
  MAIL_FROM?: string;

  @IsOptional()
  @IsString()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL muss mit http:// oder https:// beginnen, z. B. https://qualitaet.jobagentur-en.de' })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\//, { message: 'CHROMIUM_PATH muss ein absoluter Pfad sein, z. B. /usr/bin/chromium' })
  CHROMIUM_PATH?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'MAIL_DIGEST muss true oder false sein' })
  MAIL_DIGEST?: boolean;

  @IsOptional()
  @IsString()
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'MAIL_DIGEST_CRON muss ein Cron-Ausdruck sein, z. B. "0 6 * * *"' })
  MAIL_DIGEST_CRON?: string;
}

export interface AppConfig {
  port: number;
  /** Set: a PostgreSQL server. Unset: the embedded PGlite database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  demoData: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  bodyLimit: string;
  /** Behind a TLS-terminating reverse proxy: trust X-Forwarded-Proto/-Host (secure cookies, origin checks). */
  trustProxy: boolean;
  nightlyAudit: { enabled: boolean; cron: string; catchUpDays: number };
  /**
   * Inbox sweeps and the nightly e-mail digest. Without smtpUrl nothing is sent (the inbox still
   * works); publicUrl makes the links in mails absolute.
   */
  notifications: { smtpUrl?: string; mailFrom: string; publicUrl: string; digestEnabled: boolean; digestCron: string };
  /** PDF reports: the Chromium that renders them (absent: 503, the HTML report still works). */
  reports: { chromiumPath: string };
  /**
   * How often this process tells the database it is alive; after six missed beats its running audit
   * runs count as left by a dead process (src/instances/service-instance.ts).
   */
  instanceHeartbeatSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvironmentVariables, {
    PORT: env.PORT,
    DATABASE_URL: env.DATABASE_URL || undefined,
    DATA_DIR: env.DATA_DIR || undefined,
    DEMO_DATA: env.DEMO_DATA,
    LOG_LEVEL: env.LOG_LEVEL || undefined,
    BODY_LIMIT: env.BODY_LIMIT || undefined,
    NIGHTLY_AUDIT: env.NIGHTLY_AUDIT,
    TRUST_PROXY: env.TRUST_PROXY,
    NIGHTLY_AUDIT_CRON: env.NIGHTLY_AUDIT_CRON || undefined,
    NIGHTLY_CATCH_UP_DAYS: env.NIGHTLY_CATCH_UP_DAYS,
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM: env.MAIL_FROM || undefined,
    PUBLIC_URL: env.PUBLIC_URL || undefined,
    MAIL_DIGEST: env.MAIL_DIGEST,
    MAIL_DIGEST_CRON: env.MAIL_DIGEST_CRON || undefined,
    CHROMIUM_PATH: env.CHROMIUM_PATH || undefined,
    INSTANCE_HEARTBEAT_SECONDS: env.INSTANCE_HEARTBEAT_SECONDS,
  });
  const errors = validateSync(parsed);
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  if (parsed.NIGHTLY_AUDIT_CRON && !validateCronExpression(parsed.NIGHTLY_AUDIT_CRON).valid) {
    throw new ConfigError(`Ungültige Konfiguration:\n  NIGHTLY_AUDIT_CRON: „${parsed.NIGHTLY_AUDIT_CRON}“ ist kein gültiger Cron-Ausdruck`);
  }
  if (parsed.MAIL_DIGEST_CRON && !validateCronExpression(parsed.MAIL_DIGEST_CRON).valid) {
    throw new ConfigError(`Ungültige Konfiguration:\n  MAIL_DIGEST_CRON: „${parsed.MAIL_DIGEST_CRON}“ ist kein gültiger Cron-Ausdruck`);
  }
  return {
    port: parsed.PORT ?? 3000,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR ?? './data',
    // Demo data is for the newcomer's quick start on the embedded database, never by default on a server.
    demoData: parsed.DEMO_DATA ?? !parsed.DATABASE_URL,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    bodyLimit: parsed.BODY_LIMIT ?? '2mb',
    trustProxy: parsed.TRUST_PROXY ?? false,
    // Europe/Berlin wall clock; 02:30 is past midnight on both DST change nights (the 02:00–03:00
    // hour is skipped in spring, so the job then runs at 03:00 local).
    nightlyAudit: { enabled: parsed.NIGHTLY_AUDIT ?? true, cron: parsed.NIGHTLY_AUDIT_CRON ?? '30 2 * * *', catchUpDays: parsed.NIGHTLY_CATCH_UP_DAYS ?? 7 },
    notifications: {
      smtpUrl: parsed.SMTP_URL,
      mailFrom: parsed.MAIL_FROM ?? 'Qualitätsstandards JobAgentur EN <qualitaetsstandards@localhost>',
      publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT ?? 3000}`).replace(/\/+$/, ''),
      digestEnabled: parsed.MAIL_DIGEST ?? true,
      // 06:00 Berlin: after the nightly audit (02:30) and its catch-up, before the offices open.
      digestCron: parsed.MAIL_DIGEST_CRON ?? '0 6 * * *',
    },
    reports: { chromiumPath: parsed.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    instanceHeartbeatSeconds: parsed.INSTANCE_HEARTBEAT_SECONDS ?? 10,
  };
}

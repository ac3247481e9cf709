import { resolve } from 'node:path';
import { passwordWeakness } from '../common/password-policy.js';
import { isCalendarDate } from '../common/calendar.js';

/**
 * The service's configuration, read from the environment once at start.
 * Every variable is listed in the README's configuration table.
 */
export interface AppConfig {
  nodeEnv: string;
  host: string;
  port: number;
  /** Real PostgreSQL server; when unset the service runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** TCP port of the embedded database's socket server (0 = any free port). */
  embeddedDbPort: number;
  dbPoolSize: number;
  runMigrationsOnStart: boolean;
  /** Signing secret for access tokens; in embedded mode generated once and kept in `dataDir`. */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  adminName: string;
  corsOrigins: string[];
  /** Express `trust proxy` setting, for the client address behind a reverse proxy. */
  trustProxy: boolean | number;
  bodyLimit: string;
  logLevel: string;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  proceduresDir: string;
  /** The built web console (index.html and assets/), served at `/`. */
  webDir: string;
  importProceduresOnStart: boolean;
  /** The organisation's time zone: today's date for due dates, and the default for new programmes. */
  timeZone: string;
  /** Minutes between periodic overdue scans; 0 turns the scan off. */
  deviationScanIntervalMinutes: number;
  /**
   * A fixed calendar day the service takes as today (`CLOCK_TODAY`), for tests and demonstrations;
   * unset, the system clock. Read on every use (see `Clock`), so a test can move it.
   */
  clockToday: string | undefined;
  /**
   * The address people open the console at (`PUBLIC_URL`, default `http://localhost:<PORT>`), without
   * a trailing slash: links in mails (a survey invitation, a reminder) point there.
   */
  publicUrl: string;
  /** The largest file a controlled document's version takes (`DOCUMENT_FILE_LIMIT_MB`, default 10), in bytes. */
  documentFileLimitBytes: number;
  /** SMTP server mails go through (`SMTP_URL`, e.g. `smtp://user:pass@host:587`); unset, mails are written as `.eml` files to `mailDir`. */
  smtpUrl: string | undefined;
  /** The sender of every mail (`MAIL_FROM`). */
  mailFrom: string;
  /** Where mails are written as `.eml` files when no SMTP server is configured (`MAIL_DIR`, default `<DATA_DIR>/mail`). */
  mailDir: string;
  /** Seconds between polls of the mail outbox (`MAIL_POLL_SECONDS`, default 30); 0 turns sending off. */
  mailPollSeconds: number;
  /** Minutes between reminder scans (`REMINDER_SCAN_INTERVAL_MINUTES`, default 60); 0 turns them off. A day's reminders are sent once however often it runs. */
  reminderScanIntervalMinutes: number;
  /** How many days ahead a reminder warns of a window opening or closing, or a date due (`REMINDER_LEAD_DAYS`, default 3). */
  reminderLeadDays: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function str(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function trustProxy(env: Env): boolean | number {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return bool(env, 'TRUST_PROXY', false);
}

function timeZone(env: Env): string {
  const tz = str(env, 'TIME_ZONE') ?? 'Europe/Stockholm';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ConfigError(`TIME_ZONE must be an IANA time zone such as Europe/Stockholm, got "${tz}"`);
  }
  return tz;
}

function calendarDay(env: Env, name: string): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  if (!isCalendarDate(raw)) throw new ConfigError(`${name} must be a calendar date YYYY-MM-DD, got "${String(env[name])}"`);
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = str(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const jwtSecret = str(env, 'JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  const logLevel = str(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const adminEmail = str(env, 'ADMIN_EMAIL')?.toLowerCase();
  const adminName = str(env, 'ADMIN_NAME') ?? 'Administrator';
  const adminPassword = str(env, 'ADMIN_PASSWORD');
  const weakness = adminPassword ? passwordWeakness(adminPassword, { email: adminEmail ?? 'admin@localhost', name: adminName }) : undefined;
  if (weakness) {
    throw new ConfigError(
      `ADMIN_PASSWORD is not accepted: ${weakness} It sets the first administrator's password; choose another, or leave it unset to have one generated.`,
    );
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  const publicUrl = (str(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must be the http:// or https:// address of the console, got "${publicUrl}"`);
  }
  const bodyLimit = str(env, 'BODY_LIMIT') ?? '1mb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit)) throw new ConfigError('BODY_LIMIT must look like 100kb or 1mb');
  const smtpUrl = str(env, 'SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  const mailFrom = str(env, 'MAIL_FROM') ?? 'Mentoring QMS <no-reply@localhost>';
  if (!/^[^\r\n]*<?[^\s<>@]+@[^\s<>@]+>?$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must be an e-mail address, got "${mailFrom}"`);
  const dataDir = resolve(str(env, 'DATA_DIR') ?? './data');
  return {
    nodeEnv: str(env, 'NODE_ENV') ?? 'development',
    host: str(env, 'HOST') ?? '127.0.0.1',
    port,
    databaseUrl,
    dataDir,
    embeddedDbPort: int(env, 'EMBEDDED_DB_PORT', 0, 0, 65535),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    runMigrationsOnStart: bool(env, 'MIGRATIONS_RUN_ON_START', true),
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 3600, 60, 7 * 24 * 3600),
    adminEmail,
    adminPassword,
    adminName,
    corsOrigins: (str(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env),
    bodyLimit,
    logLevel,
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 24 * 3600),
    proceduresDir: resolve(str(env, 'PROCEDURES_DIR') ?? './procedures'),
    importProceduresOnStart: bool(env, 'PROCEDURES_IMPORT_ON_START', true),
    webDir: resolve(str(env, 'WEB_DIR') ?? './web/dist'),
    timeZone: timeZone(env),
    deviationScanIntervalMinutes: int(env, 'DEVIATION_SCAN_INTERVAL_MINUTES', 60, 0, 7 * 24 * 60),
    clockToday: calendarDay(env, 'CLOCK_TODAY'),
    publicUrl,
    documentFileLimitBytes: int(env, 'DOCUMENT_FILE_LIMIT_MB', 10, 1, 100) * 1024 * 1024,
    smtpUrl,
    mailFrom,
    mailDir: resolve(str(env, 'MAIL_DIR') ?? resolve(dataDir, 'mail')),
    mailPollSeconds: int(env, 'MAIL_POLL_SECONDS', 30, 0, 24 * 3600),
    reminderScanIntervalMinutes: int(env, 'REMINDER_SCAN_INTERVAL_MINUTES', 60, 0, 7 * 24 * 60),
    reminderLeadDays: int(env, 'REMINDER_LEAD_DAYS', 3, 0, 60),
  };
}

/** Injection token for the loaded configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

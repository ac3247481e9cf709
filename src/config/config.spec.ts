import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      embeddedDbPort: 0,
      dbPoolSize: 10,
      runMigrationsOnStart: true,
      jwtSecret: undefined,
      jwtTtlSeconds: 3600,
      adminEmail: undefined,
      adminPassword: undefined,
      adminName: 'Administrator',
      corsOrigins: [],
      trustProxy: false,
      bodyLimit: '1mb',
      logLevel: 'info',
      loginMaxFailures: 5,
      loginWindowSeconds: 900,
      proceduresDir: resolve('./procedures'),
      importProceduresOnStart: true,
      webDir: resolve('./web/dist'),
      timeZone: 'Europe/Stockholm',
      deviationScanIntervalMinutes: 60,
      clockToday: undefined,
      publicUrl: 'http://localhost:3000',
      documentFileLimitBytes: 10 * 1024 * 1024,
      smtpUrl: undefined,
      mailFrom: 'Mentoring QMS <no-reply@localhost>',
      mailDir: resolve('./data/mail'),
      mailPollSeconds: 30,
      reminderScanIntervalMinutes: 60,
      reminderLeadDays: 3,
    });
  });

  it('treats empty and blank values as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '  ', JWT_SECRET: '', CORS_ORIGINS: ' ', TRUST_PROXY: '' });
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, jwtSecret: undefined, corsOrigins: [], trustProxy: false });
  });

  it('reads and normalises the values it is given', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: ' postgresql://qms@db/qms ',
      JWT_SECRET: 's'.repeat(32),
      ADMIN_EMAIL: 'Quality@Example.ORG',
      CORS_ORIGINS: 'https://a.example, https://b.example ,,',
      MIGRATIONS_RUN_ON_START: 'No',
      PROCEDURES_IMPORT_ON_START: '0',
      BODY_LIMIT: '512KB',
      LOG_LEVEL: 'warn',
      DATA_DIR: '/var/lib/qms',
      DEVIATION_SCAN_INTERVAL_MINUTES: '0',
      TIME_ZONE: 'America/Argentina/Buenos_Aires',
      CLOCK_TODAY: '2026-03-05',
      PUBLIC_URL: 'https://qms.example.org/console/',
      SMTP_URL: 'smtp://mailer:secret@mail.example.org:587',
      MAIL_FROM: 'Quality <quality@example.org>',
      MAIL_POLL_SECONDS: '0',
      REMINDER_LEAD_DAYS: '7',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://qms@db/qms',
      jwtSecret: 's'.repeat(32),
      adminEmail: 'quality@example.org',
      corsOrigins: ['https://a.example', 'https://b.example'],
      runMigrationsOnStart: false,
      importProceduresOnStart: false,
      bodyLimit: '512KB',
      logLevel: 'warn',
      dataDir: '/var/lib/qms',
      deviationScanIntervalMinutes: 0,
      timeZone: 'America/Argentina/Buenos_Aires',
      clockToday: '2026-03-05',
      publicUrl: 'https://qms.example.org/console',
      smtpUrl: 'smtp://mailer:secret@mail.example.org:587',
      mailFrom: 'Quality <quality@example.org>',
      mailDir: '/var/lib/qms/mail',
      mailPollSeconds: 0,
      reminderLeadDays: 7,
    });
  });

  it('accepts an ADMIN_PASSWORD that follows the password rules', () => {
    expect(loadConfig({ ADMIN_PASSWORD: 'choose-a-long-password' }).adminPassword).toBe('choose-a-long-password');
  });

  it.each([
    [
      'too short',
      { ADMIN_PASSWORD: 'admin12345' },
      /ADMIN_PASSWORD is not accepted: The password must be at least 12 characters long; it has 10\./,
    ],
    ['common', { ADMIN_PASSWORD: 'Password1234' }, /ADMIN_PASSWORD is not accepted: The password is one of the most commonly used/],
    ['the e-mail address', { ADMIN_PASSWORD: 'Quality@Example.org', ADMIN_EMAIL: 'quality@example.org' }, /e-mail address or name/],
    ['the name', { ADMIN_PASSWORD: 'Administrator', ADMIN_NAME: 'Administrator' }, /e-mail address or name/],
    ['the default e-mail address', { ADMIN_PASSWORD: 'admin@localhost.se', ADMIN_EMAIL: 'admin@localhost.se' }, /e-mail address or name/],
  ])('refuses an ADMIN_PASSWORD that is %s, saying why', (_what, env, message) => {
    const load = () => loadConfig(env);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it.each([
    ['true', true],
    ['YES', true],
    ['false', false],
    ['2', 2],
    ['0', 0],
  ])('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toBe(expected);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['PORT', '3000.5', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['PORT', '-1', /PORT must be between/],
    ['DB_POOL_SIZE', '0', /DB_POOL_SIZE must be between 1 and 200/],
    ['JWT_TTL_SECONDS', '59', /JWT_TTL_SECONDS must be between/],
    ['LOGIN_MAX_FAILURES', '0', /LOGIN_MAX_FAILURES/],
    ['LOGIN_WINDOW_SECONDS', '1e3', /LOGIN_WINDOW_SECONDS must be an integer/],
    ['DATABASE_URL', 'mysql://db/qms', /DATABASE_URL must be a postgres:\/\/ URL/],
    ['JWT_SECRET', 'too-short', /JWT_SECRET must be at least 32 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['BODY_LIMIT', '1gb', /BODY_LIMIT/],
    ['BODY_LIMIT', 'lots', /BODY_LIMIT/],
    ['MIGRATIONS_RUN_ON_START', 'maybe', /MIGRATIONS_RUN_ON_START must be true or false/],
    ['TRUST_PROXY', 'sometimes', /TRUST_PROXY must be true or false/],
    ['TIME_ZONE', 'Europe/Atlantis', /TIME_ZONE must be an IANA time zone/],
    ['CLOCK_TODAY', '2026-02-30', /CLOCK_TODAY must be a calendar date/],
    ['CLOCK_TODAY', 'tomorrow', /CLOCK_TODAY must be a calendar date/],
    ['PUBLIC_URL', 'qms.example.org', /PUBLIC_URL must be the http/],
    ['PUBLIC_URL', 'https://qms.example.org/?x=1', /PUBLIC_URL must be the http/],
    ['SMTP_URL', 'mail.example.org', /SMTP_URL must be an smtp/],
    ['MAIL_FROM', 'nobody', /MAIL_FROM must be an e-mail address/],
    ['MAIL_POLL_SECONDS', '-5', /MAIL_POLL_SECONDS must be between/],
    ['REMINDER_LEAD_DAYS', 'soon', /REMINDER_LEAD_DAYS must be an integer/],
  ])('refuses %s=%s with a ConfigError naming the variable', (name, value, message) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });
});

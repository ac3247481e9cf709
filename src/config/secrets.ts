import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config.js';
import type { AppConfig } from './config.js';

/** Injection token for the token signing secret (resolved once at start by resolveJwtSecret). */
export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The token signing secret: JWT_SECRET when given; in embedded mode generated once and kept in
 * the data folder (so tokens survive a restart); with a real server it must be configured, because
 * several service processes must share it.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'jwtSecret' | 'databaseUrl' | 'dataDir'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.databaseUrl) {
    throw new ConfigError('JWT_SECRET must be set (at least 32 characters) when DATABASE_URL is set');
  }
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, 'jwt-secret');
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600, flag: 'w' });
  return secret;
}

import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical.js';

/**
 * The fingerprint of a request kept beside its Idempotency-Key, so a retry can be told from a
 * different request under the same key. It is stored, so it must not let anyone who reads the
 * database (or a backup) test guesses of a secret the body carried: secret members are left out
 * before hashing, and the hash is keyed (HMAC-SHA256) with a key derived from the server's token
 * secret, which is kept outside the database. A plain SHA-256 of a body holding a signing
 * password could be attacked offline at billions of guesses a second.
 */
export class RequestHasher {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    // A key of its own, so this hash can never be mistaken for (or help forge) a token signature.
    this.key = createHmac('sha256', serverSecret).update('mentoring-qms/idempotency-request-hash/v1').digest();
  }

  hash(request: { method: string; path: string; body: unknown }): string {
    const material = canonicalJson({ method: request.method, path: request.path, body: withoutSecrets(request.body ?? null) });
    return 'hmac-sha256:' + createHmac('sha256', this.key).update(material).digest('hex');
  }
}

/**
 * Members that hold secrets: text in members whose names end in password, passphrase, secret or token
 * (password, currentPassword, newPassword, accessToken, clientSecret...). Only the ending counts,
 * so a field such as `tokenType` or a procedure's `password_policy_read` answer is kept.
 */
export function isSecretMember(name: string, value: unknown): boolean {
  // Secrets are text: a flag such as `mustChangePassword` is not one.
  return typeof value === 'string' && /(password|passphrase|secret|token)$/i.test(name);
}

/**
 * The value with every secret member removed, at any depth. A retry that differs from the first
 * request only in a secret is then a retry (it is answered with the first response, which it
 * cannot change, and only for the same user); everything else still has to match.
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!isSecretMember(k, v)) out[k] = withoutSecrets(v);
  return out;
}

/** Whether a value holds a secret member anywhere (an answer carrying a token must not be stored). */
export function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => isSecretMember(k, v) || holdsSecret(v));
}

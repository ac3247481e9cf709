import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Links that stand in for an account (a survey invitation answered without signing in). The
 * database never holds a link's token: it holds a random nonce and the SHA-256 of the token; the
 * token itself is an HMAC of the purpose, the record's id and the nonce under a key derived from the
 * service's secret, so the mail that carries the link can be rendered (and sent again) from the
 * outbox without the token being written anywhere, and a copy of the database alone opens no link.
 * Changing the secret (JWT_SECRET, or the data folder's generated one) invalidates every link.
 */
export interface LinkTokenRef {
  /** What the link opens, e.g. `survey-invitation`: a token for one purpose never opens another. */
  purpose: string;
  /** The record the link is bound to. */
  id: string;
  /** Random per record (see `newLinkNonce`); a new nonce retires the old link. */
  nonce: string;
}

/** The key link tokens are made with, derived from the service's secret (never the secret itself). */
export function linkTokenKey(serviceSecret: string): Buffer {
  return createHmac('sha256', serviceSecret).update('mentoring-qms/link-token/v1').digest();
}

export function newLinkNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The token a link carries: 43 characters of base64url (256 bits). */
export function linkToken(key: Buffer, ref: LinkTokenRef): string {
  return createHmac('sha256', key).update(`${ref.purpose}\n${ref.id}\n${ref.nonce}`).digest('base64url');
}

/** What the database stores and looks a presented token up by. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when the presented token is the one `ref` makes (constant time). */
export function linkTokenMatches(key: Buffer, ref: LinkTokenRef, presented: string): boolean {
  const expected = Buffer.from(linkToken(key, ref));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Whether a string has the shape of a link token (checked before any lookup). */
export function isLinkTokenShape(s: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(s);
}

/** Hand-built JSON Web Tokens, to probe how the service treats tokens it did not issue. */
import { createHmac } from 'node:crypto';

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function encodeJson(value: unknown): string {
  return b64url(JSON.stringify(value));
}

/** A compact JWS over `payload`, HMAC-SHA256 signed with `secret`. */
export function signHs256(payload: Record<string, unknown>, secret: string): string {
  return signHmac(payload, secret, 'HS256');
}

/** A compact JWS over `payload`, signed with `secret` by the HMAC algorithm `alg` names. */
export function signHmac(payload: Record<string, unknown>, secret: string, alg: 'HS256' | 'HS384' | 'HS512'): string {
  const head = `${encodeJson({ alg, typ: 'JWT' })}.${encodeJson(payload)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}

/** An unsigned token (`alg: none`), with the empty signature the JWS spec gives it. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(payload)}.`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Changes one character of the token's `part` (0 header, 1 payload, 2 signature) to another
 * base64url character, keeping the token well-formed.
 */
export function flipCharacter(token: string, part: 0 | 1 | 2): string {
  const parts = token.split('.');
  const s = parts[part];
  // Not the last character: its low bits may be padding that decoders ignore.
  const i = Math.floor(s.length / 2);
  parts[part] = s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  return parts.join('.');
}

/** The decoded payload of a token, without checking anything. */
export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

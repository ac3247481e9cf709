import argon2 from 'argon2';
import { normalizePassword } from '../common/password-policy.js';

/** Argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes the NFKC form of the password, so the way a keyboard composes a letter does not matter. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalizePassword(password), OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verify(hash, normalized)) return true;
  // Hashes stored before passwords were normalised hold the password as it was typed.
  return normalized !== password && verify(hash, password);
}

async function verify(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when an account does not exist, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-that-matches-nothing');
  return decoy;
}

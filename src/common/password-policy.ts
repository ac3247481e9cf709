/**
 * What a new password must be, after NIST SP 800-63B (section 3.1.1.2): long enough, not absurdly
 * long, not one of the passwords attackers try first, and not the account's own name or address.
 * No composition rules (digits, capitals, symbols) and no expiry: they push people towards
 * predictable passwords without making them stronger.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The most common passwords long enough to pass the length rule: the first 5,000 distinct ones
 * (lower-cased) of length 12 or more in the "10 million passwords" top-1,000,000 list (Mark
 * Burnett, as kept in OWASP SecLists). Shorter common passwords are refused by the length rule.
 * `npm run build` copies the file beside the compiled module.
 */
const LIST_PATH = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));

function loadCommonPasswords(): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(LIST_PATH, 'utf8');
  } catch (e) {
    throw new Error(
      `The list of common passwords is missing (${LIST_PATH}: ${(e as Error).message}); build the service with npm run build, which copies it`,
      { cause: e },
    );
  }
  const entries = text.split('\n').filter((line) => line.length > 0);
  if (entries.length < 1000) throw new Error(`The list of common passwords at ${LIST_PATH} holds only ${entries.length} entries`);
  return new Set(entries);
}

const COMMON = loadCommonPasswords();

/** How many passwords the shipped list holds (for the start-up check and the tests). */
export const COMMON_PASSWORD_COUNT = COMMON.size;

/**
 * Unicode normalisation (NFKC, as SP 800-63B advises) so that a password typed as "å" on one
 * keyboard and as "a" + combining ring on another is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in Unicode code points, not UTF-16 units: an emoji counts as one character. */
export function passwordLength(password: string): number {
  return [...password].length;
}

export interface PasswordOwner {
  email?: string;
  name?: string;
}

/**
 * Why `password` may not be set for `owner`, as a sentence about "the password", or undefined
 * when it may. The caller names the field.
 */
export function passwordWeakness(password: string, owner: PasswordOwner = {}): string | undefined {
  const normalized = normalizePassword(password);
  const length = passwordLength(normalized);
  if (length < PASSWORD_MIN_LENGTH) {
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long; it has ${length}.`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long; it has ${length}.`;
  }
  const folded = normalized.toLowerCase();
  if (new Set(folded).size === 1) return 'The password must not be one character repeated.';
  if (ownWords(owner).has(withoutSpaces(folded))) {
    return "The password must not be the account's e-mail address or name.";
  }
  if (COMMON.has(folded)) return 'The password is one of the most commonly used passwords, which attackers try first; choose another.';
  return undefined;
}

function withoutSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The account's e-mail address, its local part and its name (with and without spaces), folded. */
function ownWords(owner: PasswordOwner): Set<string> {
  const words = new Set<string>();
  const email = owner.email ? normalizePassword(owner.email).toLowerCase().trim() : '';
  if (email) {
    words.add(email);
    const local = email.split('@')[0];
    if (local) words.add(local);
  }
  const name = owner.name ? normalizePassword(owner.name).toLowerCase() : '';
  if (name.trim()) words.add(withoutSpaces(name));
  return words;
}

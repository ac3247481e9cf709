import * as crypto from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Canonical JSON (RFC 8785, JCS): the same data always gives the same bytes.
 *
 * A direct recursive writer, byte-identical to the `canonicalize` package (the reference, kept
 * as the fallback and compared against in canonical.spec.ts) for every value it accepts:
 *  - object members in UTF-16 code unit order of their names (JS string comparison is exactly
 *    that order); members whose value is undefined, a function or a symbol are left out;
 *  - in arrays, undefined, functions and symbols (and holes) become `null`;
 *  - `toJSON` is called (without arguments, repeatedly while it returns an object with a
 *    `toJSON` of its own), then boxed Number/String/Boolean are unwrapped, as the package does;
 *  - strings and finite numbers exactly as JSON.stringify writes them (ECMAScript
 *    Number-to-String, -0 as `0`), which is what JCS prescribes.
 * Anything the fast writer does not handle itself — NaN or Infinity, lone surrogates, BigInt,
 * cycles, nesting deeper than MAX_DEPTH, a toJSON that throws — makes it give up, and the
 * package then serialises the value (or throws its own error), so edge cases and their errors
 * stay exactly as before. Only such values see their `toJSON` called twice.
 */
export function canonicalJson(value: unknown): string {
  let out: string | undefined;
  try {
    out = serialise(value, 0);
  } catch {
    out = canonicalize(value);
  }
  if (out === undefined) throw new Error('value cannot be represented as JSON');
  return out;
}

/**
 * One-shot hashing (Node 20.12 and later) skips the Hash object: for short inputs such as audit
 * events it is about half again as fast. Strings are hashed as UTF-8 either way.
 */
const oneShotHash = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export function sha256Hex(data: string | Uint8Array): string {
  return oneShotHash ? oneShotHash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the canonical JSON of a value; used for content hashes and report fingerprints. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** Drops `undefined`, turns Dates into ISO strings: what survives a trip through JSON/jsonb. */
export function toPlainJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Deeper than this the fast writer gives up (a cycle, or data for the iterative package). */
const MAX_DEPTH = 512;
/** toJSON results that themselves have a toJSON, followed at most this many times. */
const MAX_TO_JSON_CHAIN = 8;

/** Thrown by the fast writer for anything it leaves to the package; never leaves this module. */
class GiveUp extends Error {}

/** Serialised member names with their colon (`"name":`): names repeat across many values. */
const memberNames = new Map<string, string>();
const MAX_MEMBER_NAMES = 10_000;

const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** What JSON.stringify escapes in well-formed text: `"`, `\\` and the C0 controls. */
// eslint-disable-next-line no-control-regex -- the C0 controls are what this finds
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

function serialiseString(s: string): string {
  if (!isWellFormed(s)) throw new GiveUp();
  // JSON.stringify of a string is costly for each call; most strings need no escape at all.
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

function memberName(key: string): string {
  let name = memberNames.get(key);
  if (name === undefined) {
    name = serialiseString(key) + ':';
    if (memberNames.size < MAX_MEMBER_NAMES) memberNames.set(key, name);
  }
  return name;
}

/** The canonical text of a value, or undefined where JSON has none (undefined, functions, symbols). */
function serialise(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return serialiseString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new GiveUp();
      // Number-to-String, as JSON.stringify writes finite numbers (-0 as `0`).
      return '' + value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return serialiseObject(value, depth);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      // bigint: the package throws (as JSON.stringify does).
      throw new GiveUp();
  }
}

function serialiseObject(value: object, depth: number): string | undefined {
  if (depth >= MAX_DEPTH) throw new GiveUp();
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    let resolved: unknown = value;
    let n = 0;
    do {
      if (++n > MAX_TO_JSON_CHAIN) throw new GiveUp();
      resolved = (resolved as { toJSON(): unknown }).toJSON();
    } while (resolved !== null && typeof resolved === 'object' && typeof (resolved as { toJSON?: unknown }).toJSON === 'function');
    if (resolved === null || typeof resolved !== 'object') return serialise(resolved, depth);
    value = resolved;
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return serialise(value.valueOf(), depth);
  if (Array.isArray(value)) return serialiseArray(value, depth + 1);
  return serialiseMembers(value as Record<string, unknown>, depth + 1);
}

function serialiseArray(array: unknown[], depth: number): string {
  const n = array.length;
  if (n === 0) return '[]';
  let out = '[';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += ',';
    out += serialise(array[i], depth) ?? 'null';
  }
  return out + ']';
}

function serialiseMembers(object: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(object);
  const n = keys.length;
  if (n === 0) return '{}';
  sortKeys(keys);
  let out = '{';
  let first = true;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    const text = serialise(object[key], depth);
    if (text === undefined) continue;
    if (first) first = false;
    else out += ',';
    out += memberName(key) + text;
  }
  return out + '}';
}

/**
 * Sorts member names in UTF-16 code unit order (`<` on strings, the default sort order of
 * Array.prototype.sort): insertion sort for the usual handful, the built-in sort beyond.
 */
function sortKeys(keys: string[]): void {
  const n = keys.length;
  if (n > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
}

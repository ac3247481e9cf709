import * as crypto from 'node:crypto';

/**
 * Canonical JSON (RFC 8785, JCS): the same data always gives the same bytes.
 *
 * Two writers of the same format, both here (canonical.spec.ts checks them against the RFC's
 * examples and against JSON.stringify over generated values):
 *  - object members in UTF-16 code unit order of their names (JS string comparison is exactly
 *    that order); members whose value is undefined, a function or a symbol are left out;
 *  - in arrays, undefined, functions and symbols (and holes) become `null`;
 *  - `toJSON` is called (without arguments, repeatedly while it returns an object with a
 *    `toJSON` of its own), then boxed Number/String/Boolean are unwrapped, as JSON.stringify does;
 *  - strings and finite numbers exactly as JSON.stringify writes them (ECMAScript
 *    Number-to-String, -0 as `0`), which is what JCS prescribes.
 * The fast writer is recursive. Anything it does not handle itself (NaN or Infinity, lone
 * surrogates, BigInt, cycles, nesting deeper than MAX_DEPTH, a toJSON that throws) makes it give
 * up, and the careful writer (iterative, so any depth, with cycle detection) serialises the value
 * or throws the error that says why it cannot: NaN, Infinity, a lone surrogate, a BigInt or a
 * cycle. Only such values see their `toJSON` called twice.
 */
export function canonicalJson(value: unknown): string {
  let out: string | undefined;
  try {
    out = serialise(value, 0);
  } catch {
    out = carefulCanonicalJson(value);
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

/** Deeper than this the fast writer gives up (a cycle, or data for the iterative writer). */
const MAX_DEPTH = 512;
/** toJSON results that themselves have a toJSON, followed at most this many times. */
const MAX_TO_JSON_CHAIN = 8;

/** Thrown by the fast writer for anything it leaves to the careful one; never leaves this module. */
class GiveUp extends Error {}

/** Serialised member names with their colon (`"name":`): names repeat across many values. */
const memberNames = new Map<string, string>();
const MAX_MEMBER_NAMES = 10_000;

const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** What JSON.stringify escapes in well-formed text: `"`, `\\` and the C0 controls. */
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
      // bigint: the careful writer throws (as JSON.stringify does).
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

/** A primitive's canonical text, or undefined where JSON has none; throws for what JSON cannot hold. */
function carefulPrimitive(value: unknown): string | undefined {
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed in canonical JSON');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed in canonical JSON');
      return '' + value;
    case 'string':
      if (!isWellFormed(value)) throw new Error('A lone surrogate is not allowed in canonical JSON');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('A BigInt is not allowed in canonical JSON');
    case 'object':
      return 'null';
    default:
      // undefined, functions and symbols
      return undefined;
  }
}

/** An object or array being written by the careful writer. */
interface Frame {
  container: object;
  /** Sorted member names; null for an array. */
  keys: string[] | null;
  /** The next element or member to write. */
  index: number;
  /** No member written yet (where the comma goes). */
  first: boolean;
  /** Objects whose toJSON gave this container, held in `seen` until it is written. */
  wrappers: object[] | null;
}

/**
 * Resolves toJSON and boxed primitives: the primitive's text (or undefined), or a frame for the
 * container to write. Containers on the path from the root, and the toJSON objects that gave
 * them, are in `seen`: meeting one again is a cycle.
 */
function enter(value: unknown, seen: Set<object>): string | undefined | Frame {
  let wrappers: object[] | null = null;
  while (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    if (seen.has(value)) throw new Error('A cycle cannot be written as canonical JSON');
    seen.add(value);
    (wrappers ??= []).push(value);
    value = (value as { toJSON(): unknown }).toJSON();
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  if (value === null || typeof value !== 'object') {
    for (const w of wrappers ?? []) seen.delete(w);
    return carefulPrimitive(value);
  }
  if (seen.has(value)) throw new Error('A cycle cannot be written as canonical JSON');
  seen.add(value);
  return { container: value, keys: Array.isArray(value) ? null : Object.keys(value).sort(), index: 0, first: true, wrappers };
}

/** The same text as the fast writer, at any depth, with an error for what JSON cannot hold. */
function carefulCanonicalJson(value: unknown): string | undefined {
  const seen = new Set<object>();
  const root = enter(value, seen);
  if (typeof root !== 'object') return root;
  let out = root.keys === null ? '[' : '{';
  const stack: Frame[] = [root];
  outer: while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.keys === null) {
      const array = frame.container as unknown[];
      while (frame.index < array.length) {
        const i = frame.index++;
        if (i > 0) out += ',';
        const child = enter(array[i], seen);
        if (typeof child === 'object') {
          out += child.keys === null ? '[' : '{';
          stack.push(child);
          continue outer;
        }
        out += child ?? 'null';
      }
      out += ']';
    } else {
      const object = frame.container as Record<string, unknown>;
      while (frame.index < frame.keys.length) {
        const key = frame.keys[frame.index++];
        const child = enter(object[key], seen);
        if (child === undefined) continue;
        out += (frame.first ? '' : ',') + carefulPrimitive(key) + ':';
        frame.first = false;
        if (typeof child === 'object') {
          out += child.keys === null ? '[' : '{';
          stack.push(child);
          continue outer;
        }
        out += child;
      }
      out += '}';
    }
    stack.pop();
    seen.delete(frame.container);
    for (const w of frame.wrappers ?? []) seen.delete(w);
  }
  return out;
}

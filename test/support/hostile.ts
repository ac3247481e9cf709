/**
 * fast-check arbitraries for hostile input: strings a careless or malicious client sends (NUL,
 * lone surrogates, huge, prototype names, bad dates), numbers at and past every limit, JSON nested
 * too deep, objects with `__proto__` and `constructor` keys, and values of the wrong type.
 *
 * JSON is generated as text, not as objects: an object literal cannot hold an own `__proto__`
 * key, and the point is to send exactly the bytes a hostile client would.
 */
import fc from 'fast-check';

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud800b', '\udc00\ud800'];

/** Strings that have broken services before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(10),
  ...LONE_SURROGATES,
  '\ufeff',
  '\u202e',
  '\u200b',
  'e\u0301',
  '😀',
  'Åsa Öberg-Ærø',
  'ǅ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  'true',
  '[]',
  '{}',
  "'; DROP TABLE app_user; --",
  '" OR 1=1 --',
  '$1',
  '%s%s%s%n',
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  // Dates and times that do not exist or are out of range.
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '1899-12-31',
  '2201-01-01',
  '9999-12-31',
  '-000001-01-01',
  '+275760-09-13',
  '2026-3-3',
  '20260303',
  '2026-03-03T24:00:00Z',
  '2026-03-03T23:60:00Z',
  '2026-03-03T23:59:60Z',
  '2026-03-03T09:30:00',
  '2026-03-03T09:30:00+25:00',
  '2026-03-03T09:30:00.1234567Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  // Identifiers that look right but are not.
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000g',
  '{00000000-0000-4000-8000-000000000000}',
  'DEV-2026-0001',
  'A'.repeat(63),
  'a-',
  'intake-interview',
];

const HUGE_LENGTHS = [64, 65, 101, 201, 255, 256, 301, 1001, 2001, 5001, 10_001, 100_000];

export function hostileString(extra: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...extra) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 4,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', 'é', '😀', '\u0000', ' ')).map(([n, c]) => c.repeat(n)),
    },
  );
}

/** Numbers as JSON text: limits of 32- and 64-bit integers, doubles, and texts JSON.parse turns into Infinity or -0. */
export function hostileNumberText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '0',
      '-0',
      '-1',
      '1',
      '0.5',
      '-0.5',
      '1e309',
      '-1e309',
      '1e-400',
      '2147483647',
      '2147483648',
      '-2147483649',
      '9007199254740993',
      '1e21',
      '123456789012345678901234567890',
      '1.7976931348623157e308',
      '5e-324',
    ),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  );
}

export function hostileKey(extra: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        'toString',
        'valueOf',
        'hasOwnProperty',
        'then',
        'length',
        '',
        ' ',
        '\u0000',
        'a.b',
        '$where',
        '0',
        ...extra,
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constant('k'.repeat(5000)) },
  );
}

/** Any JSON value, as text, up to a small depth. */
export function hostileJson(strings: fc.Arbitrary<string>, keys: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const { value } = fc.letrec<{ value: string; leaf: string; array: string; object: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
    leaf: fc.oneof(
      strings.map((s) => JSON.stringify(s)),
      hostileNumberText(),
      fc.constantFrom('true', 'false', 'null'),
    ),
    array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fc.array(fc.tuple(keys, tie('value')), { maxLength: 4 }).map((entries) => objectText(entries)),
  }));
  return value;
}

/** `{"k": v, ...}` from keys and JSON texts (duplicate and prototype keys kept as sent). */
export function objectText(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

/** How deep to nest: past the limit of ordinary DTOs, and far past any recursion a parser survives. */
export function deepNesting(): fc.Arbitrary<{ depth: number; shape: 'array' | 'object' }> {
  return fc.record({
    depth: fc.constantFrom(17, 40, 100, 1000, 10_000, 100_000),
    shape: fc.constantFrom('array' as const, 'object' as const),
  });
}

/** JSON nested `depth` levels deep, optionally as the value of a field. */
export function deepJsonText(depth: number, shape: 'array' | 'object', field?: string): string {
  const inner = shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return field === undefined ? inner : `{${JSON.stringify(field)}:${inner}}`;
}

/** Bodies that are not JSON, or not what the content type says. */
export const MALFORMED_BODIES = [
  '',
  '{',
  '{"a":1,}',
  "{'a':1}",
  '{"a":01}',
  '{"a":NaN}',
  '{"a":undefined}',
  '\ufeff{}',
  '{"a":"\u0000"}',
  'null',
  '0',
  '"text"',
  'true',
  '[]',
  '[{}]',
  '{}{}',
  '{"a":1}garbage',
  '\u0000',
];

export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'application/json;;',
];

/** Printable ASCII header values (anything else is refused by the HTTP client itself). */
export function headerValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('', ' ', '*', '"1"', '"2"', 'W/"1"', '"abc"', '"99999999999"', '"-1"', 'null', 'x'.repeat(8000), '%00', '"1", "2"'),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  );
}

/** Path segments that name nothing, or cannot be decoded (already percent-encoded where valid). */
export const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%00',
  '%C0%AF',
  '..',
  '.',
  '-1',
  '0',
  '99999999999999999999',
  '1e3',
  '1.5',
  '%201',
  'null',
  '__proto__',
  'constructor',
  '%2F',
  'a%2Fb',
];

/** Query strings as sent, malformed encodings included. */
export const RAW_QUERIES = [
  '%',
  '&&&',
  '=',
  '=x',
  'a=%ZZ',
  '__proto__=1',
  '__proto__[admin]=1',
  'constructor=x',
  'limit=1&limit=2',
  'limit[]=1',
  `a=${'x'.repeat(10_000)}`,
  'x'.repeat(3000),
  '%00=%00',
  'cursor=-1',
  'limit=1e2',
];

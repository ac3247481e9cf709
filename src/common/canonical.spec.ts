import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalHash, canonicalJson, sha256Hex } from './canonical.js';

const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The reference, built from other parts: JSON.stringify decides what is written (toJSON, boxed
 * primitives, undefined, functions, symbols, holes) and how strings and numbers are written, which
 * is what RFC 8785 prescribes; the members are then sorted by Array.prototype.sort (UTF-16 code
 * units) and written by a three-line writer. What canonical JSON refuses (NaN, Infinity, lone
 * surrogates in what is written, BigInt, cycles) throws.
 */
function reference(value: unknown): string {
  const refuse = function (this: unknown, key: string, v: unknown): unknown {
    // JSON.stringify calls toJSON once; canonical JSON follows a chain of them.
    for (let n = 0; v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function'; n++) {
      if (n > 8) throw new Error('cycle through toJSON');
      v = (v as { toJSON(): unknown }).toJSON();
    }
    const primitive = v instanceof Number || v instanceof String || v instanceof Boolean ? v.valueOf() : v;
    if (typeof primitive === 'number' && !Number.isFinite(primitive)) throw new Error('NaN or Infinity');
    if (typeof primitive === 'string' && !isWellFormed(primitive)) throw new Error('lone surrogate');
    const written = primitive !== undefined && typeof primitive !== 'function' && typeof primitive !== 'symbol';
    if (written && !Array.isArray(this) && !isWellFormed(key)) throw new Error('lone surrogate in a name');
    return v;
  };
  const text = JSON.stringify(value, refuse) as string | undefined;
  if (text === undefined) throw new Error('value cannot be represented as JSON');
  const write = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(write).join(',')}]`
      : v !== null && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return write(JSON.parse(text));
}

type Outcome = { text: string } | { refused: true };

function outcome(serialise: (value: unknown) => string, value: unknown): Outcome {
  try {
    return { text: serialise(value) };
  } catch {
    return { refused: true };
  }
}

/** Same text as the reference, or refused by both. */
function expectSameAsReference(value: unknown): void {
  expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
}

// Strings by UTF-16 code unit, weighted towards what serialisation must get right: escapes,
// controls, non-ASCII, surrogate pairs, lone surrogates (refused), U+2028/9.
const codeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '_', '-', ':', '/', '$') },
  { weight: 2, arbitrary: fc.constantFrom('"', '\\', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);
const text = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
);
const wellFormedText = fc
  .string({ unit: codeUnit, maxLength: 12 })
  .filter((s) => (s as string & { isWellFormed(): boolean }).isWellFormed());

// Member names: arbitrary text, and names that are special to JS objects or to sorting
// (array indices enumerate first in JS, but JCS orders them as text).
const memberName = fc.oneof(
  { weight: 3, arbitrary: text },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'toJSON',
      'valueOf',
      'hasOwnProperty',
      '',
      '0',
      '1',
      '9',
      '10',
      '01',
      '-1',
      '4294967294',
      '4294967295',
      'a',
      'A',
      'b',
    ),
  },
);

const numberValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e-7,
    1e-6,
    5e-324,
    -5e-324,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    -(2 ** 63),
    1.7976931348623157e308,
    0.1 + 0.2,
    1e20,
    123e-20,
    333333333.3333333,
  ),
);

/** Objects with the given members as own properties (`__proto__` included, as JSON.parse makes them). */
const objectOf = (value: fc.Arbitrary<unknown>, minLength = 0, maxLength = 8) =>
  fc.array(fc.tuple(memberName, value), { minLength, maxLength }).map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

// Everything canonicalJson may be handed: JSON values and what JSON.stringify maps or drops
// (undefined, functions, symbols, Dates, toJSON, boxed primitives, holes), and values canonical
// JSON refuses (NaN, Infinity, BigInt, lone surrogates).
const { value: anyValue } = fc.letrec<{ value: unknown; leaf: unknown; container: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('container')),
  leaf: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(null, true, false) },
    { weight: 6, arbitrary: numberValue },
    { weight: 8, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(undefined, () => 1, Symbol('s'), 10n, NaN, Infinity, -Infinity, new Date(Number.NaN)),
    },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        numberValue.map((n) => Object(n) as unknown),
        wellFormedText.map((s) => Object(s) as unknown),
        fc.boolean().map((b) => Object(b) as unknown),
      ),
    },
  ),
  container: fc.oneof(
    fc.array(tie('value'), { maxLength: 6 }),
    fc.sparseArray(tie('value'), { maxLength: 6 }),
    objectOf(tie('value')),
    // toJSON returning anything, a primitive, undefined or another object with a toJSON.
    tie('value').map((inner) => ({ ignored: 1, toJSON: () => inner })),
    tie('value').map((inner) => ({ toJSON: () => ({ toJSON: () => inner }) })),
  ),
}));

describe('canonicalJson', () => {
  it('is the reference over arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary', maxDepth: 6 }), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('is the reference over JSON text parsed back, `__proto__` members included', () => {
    fc.assert(
      fc.property(objectOf(fc.oneof(numberValue, wellFormedText, fc.constant(null))), (o) => {
        const parsed: unknown = JSON.parse(JSON.stringify(o));
        expectSameAsReference(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the reference over anything else it may be handed: the same text, or refused by both', () => {
    fc.assert(
      fc.property(anyValue, (v) => expectSameAsReference(v)),
      { numRuns: 10_000 },
    );
  });

  it('is the reference over objects with many members', () => {
    fc.assert(
      fc.property(objectOf(fc.oneof(numberValue, text, fc.constant(undefined), objectOf(fc.integer(), 10, 40)), 12, 60), (o) =>
        expectSameAsReference(o),
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same text for numbers as JSON.stringify', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(canonicalJson(n)).toBe(reference(n));
        expect(canonicalJson([n])).toBe(`[${JSON.stringify(n)}]`);
      }),
      { numRuns: 5000 },
    );
  });

  it('writes the RFC 8785 example (section 3.2.2)', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as unknown;
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    expect(canonicalJson(input)).toBe(expected);
    expect(reference(input)).toBe(expected);
  });

  it('sorts members by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",' +
        ' "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    ) as unknown;
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
      '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalJson(input)).toBe(expected);
  });

  it('writes the numbers of RFC 8785 appendix B', () => {
    const fromBits = (hex: string) => Buffer.from(hex, 'hex').readDoubleBE(0);
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of cases) {
      expect(canonicalJson(fromBits(bits))).toBe(expected);
      expect(canonicalJson({ n: [fromBits(bits)] })).toBe(`{"n":[${expected}]}`);
    }
  });

  it('keeps members named like Object.prototype properties, in code unit order', () => {
    const input = JSON.parse('{"b":1,"__proto__":{"x":[]},"constructor":null,"10":2,"9":3,"toJSON":"t"}') as unknown;
    expect(canonicalJson(input)).toBe('{"10":2,"9":3,"__proto__":{"x":[]},"b":1,"constructor":null,"toJSON":"t"}');
    expectSameAsReference(input);
  });

  it('leaves out undefined members, writes undefined array elements as null, Dates via toJSON', () => {
    const input = {
      b: undefined,
      a: [undefined, () => 0, new Date('2026-01-05T08:00:00Z'), new Date(Number.NaN)],
      c: { toJSON: () => undefined },
      d: -0,
    };
    expect(canonicalJson(input)).toBe('{"a":[null,null,"2026-01-05T08:00:00.000Z",null],"d":0}');
    expectSameAsReference(input);
  });

  it('refuses NaN, Infinity, lone surrogates, BigInt and cycles, saying which', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const selfToJson = {
      toJSON(): unknown {
        return selfToJson;
      },
    };
    const cases: [unknown, RegExp][] = [
      [NaN, /NaN is not allowed/],
      [{ n: [1, NaN] }, /NaN is not allowed/],
      [[Infinity], /Infinity is not allowed/],
      [{ x: -Infinity }, /Infinity is not allowed/],
      [Object(NaN), /NaN is not allowed/],
      [{ s: '\ud800' }, /lone surrogate/],
      [{ ['\udc00']: 1 }, /lone surrogate/],
      [['ok', 'a\udfffb'], /lone surrogate/],
      [[1n], /BigInt/],
      [cyclic, /cycle/],
      [selfToJson, /cycle/],
      [{ toJSON: () => ({ deeper: [cyclic] }) }, /cycle/],
      [undefined, /cannot be represented as JSON/],
      [() => 1, /cannot be represented as JSON/],
      [Symbol('s'), /cannot be represented as JSON/],
    ];
    for (const [v, message] of cases) {
      expect(() => canonicalJson(v)).toThrow(message);
      expect(() => reference(v)).toThrow();
    }
    // A lone surrogate in the name of a member that is left out is never written.
    expect(canonicalJson({ ['\ud800']: undefined, a: 1 })).toBe('{"a":1}');
    expectSameAsReference({ ['\ud800']: undefined });
    // The same object twice, not nested in itself, is no cycle, in either writer.
    const shared = { x: [1] };
    expect(canonicalJson([shared, { shared }])).toBe('[{"x":[1]},{"shared":{"x":[1]}}]');
    let deepShared: unknown = [shared, { shared }];
    for (let i = 0; i < 600; i++) deepShared = [deepShared];
    expect(canonicalJson(deepShared)).toBe('['.repeat(600) + '[{"x":[1]},{"shared":{"x":[1]}}]' + ']'.repeat(600));
  });

  it('writes the values the fast writer leaves to the careful one exactly as the reference does', () => {
    // Each value holds one thing that makes the fast writer give up (deeper than it goes, or a
    // toJSON chain longer than it follows), and then the same mix as elsewhere.
    let chain: unknown = { a: 1 };
    for (let i = 0; i < 12; i++) {
      const inner = chain;
      chain = { toJSON: () => inner };
    }
    expect(canonicalJson({ z: chain, b: [undefined, new Date(0), Object('s'), -0] })).toBe(
      '{"b":[null,"1970-01-01T00:00:00.000Z","s",0],"z":{"a":1}}',
    );
    fc.assert(
      fc.property(anyValue, (v) => {
        let deep: unknown = [v];
        for (let i = 0; i < 600; i++) deep = { d: deep };
        const inner = outcome(canonicalJson, [v]);
        const got = outcome(canonicalJson, deep);
        expect(got).toEqual('text' in inner ? { text: '{"d":'.repeat(600) + inner.text + '}'.repeat(600) } : inner);
      }),
      { numRuns: 300 },
    );
  });

  it('writes nesting deeper than recursion goes', () => {
    let deep: unknown = 'leaf';
    let expected = '"leaf"';
    for (let i = 0; i < 20_000; i++) {
      deep = i % 2 ? [deep] : { d: deep };
      expected = i % 2 ? `[${expected}]` : `{"d":${expected}}`;
    }
    expect(canonicalJson(deep)).toBe(expected);
    let medium: unknown = null;
    for (let i = 0; i < 600; i++) medium = { m: medium };
    expect(canonicalJson(medium)).toBe('{"m":'.repeat(600) + 'null' + '}'.repeat(600));
  });

  it('hashes text as UTF-8 and bytes as they are, as a Hash object does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 })), (data) => {
        expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
      }),
      { numRuns: 500 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the canonical text', () => {
    expect(canonicalHash({ b: 1, a: 'x' })).toBe(sha256Hex('{"a":"x","b":1}'));
  });
});

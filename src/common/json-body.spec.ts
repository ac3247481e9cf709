import { MAX_JSON_DEPTH, jsonBodyProblem } from './json-body.js';

const nested = (depth: number, shape: 'array' | 'object'): unknown =>
  JSON.parse(shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

describe('jsonBodyProblem', () => {
  it('passes ordinary bodies, unicode text and nesting up to the limit', () => {
    expect(jsonBodyProblem({ name: 'Åsa Öberg 😀', n: -0.5, list: [1, 'x', null, true], deep: { a: { b: [{}] } } })).toBeUndefined();
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH, 'array'))).toBeUndefined();
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH, 'object'))).toBeUndefined();
    expect(jsonBodyProblem(undefined)).toBeUndefined();
  });

  it('refuses nesting past the limit, however deep, without overflowing the stack', () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      expect(jsonBodyProblem(nested(depth, 'array'))?.code).toBe('body_too_deep');
      expect(jsonBodyProblem(nested(depth, 'object'))?.code).toBe('body_too_deep');
    }
  });

  it('refuses lone surrogates in values and in keys, but not surrogate pairs', () => {
    for (const text of ['"\\ud800"', '"a\\udfffb"', '"\\udc00\\ud800"', '{"\\ud83d":1}', '[["x\\ud800"]]']) {
      expect({ text, code: jsonBodyProblem(JSON.parse(text))?.code }).toEqual({ text, code: 'invalid_unicode' });
    }
    expect(jsonBodyProblem(JSON.parse('"\\ud83d\\ude00"'))).toBeUndefined();
  });

  it('refuses numbers JSON.parse turns into Infinity', () => {
    expect(jsonBodyProblem(JSON.parse('{"a":[1e309]}'))?.code).toBe('number_out_of_range');
    expect(jsonBodyProblem(JSON.parse('-1e309'))?.code).toBe('number_out_of_range');
    expect(jsonBodyProblem(JSON.parse('1e-400'))).toBeUndefined();
  });
});

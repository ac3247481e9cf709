import { contentHash, describeProblem, parseProcedureYaml, validateDefinition, validateProcedureYaml } from './definition-validation.js';
import { normaliseDefinition, type DefinitionInput } from './definition-normalise.js';
import type { ProcedureDefinition } from './procedure-definition.js';

const BLOCK_STYLE = `
key: check-in
title: Check-in
purpose: >
  Make sure the pair
  meets.
subject: pair
responsibleRoles:
  - programme_leader
window:
  anchor: programme_start
  fromDays: 0
  toDays: 30
steps:
  - key: call
    title:
      en: Call
      sv: Samtal
    fields:
      - key: mood
        label: Mood
        type: enum
        options:
          - value: fine
            label: Fine
          - value: worried
            label: Worried
`;

// The same content: flow style, other key order, quoted strings, explicit defaults.
const FLOW_STYLE = `
steps: [{ title: { sv: "Samtal", en: "Call" }, required: true, key: call, fields: [
  { type: enum, required: true, key: mood, label: { en: "Mood" },
    options: [{ label: "Fine", value: fine }, { value: worried, label: { en: Worried } }] } ] }]
window: { toDays: 30, fromDays: 0, anchor: programme_start }
ordered: true
responsibleRoles: [programme_leader]
subject: pair
purpose: "Make sure the pair meets."
title: { en: "  Check-in " }
key: check-in
`;

/** 1-based line of the first line containing `snippet`. */
function lineOf(text: string, snippet: string): number {
  return text.split('\n').findIndex((l) => l.includes(snippet)) + 1;
}

function valid(text: string): ProcedureDefinition {
  const result = validateProcedureYaml(text, 'example.yaml');
  if (!result.ok) throw new Error(result.problems.map(describeProblem).join('\n'));
  return result.definition;
}

describe('parseProcedureYaml', () => {
  it('returns the plain value of a valid document', () => {
    const parsed = parseProcedureYaml('key: a-b\nlist: [1, 2]\n');
    expect(parsed.ok && parsed.value).toEqual({ key: 'a-b', list: [1, 2] });
  });

  it('reports a syntax error with its line and column', () => {
    const parsed = parseProcedureYaml('key: a\nsteps:\n  - key: x\n   title: bad indent\n', 'broken.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ path: '', line: 4 });
    expect(parsed.problems[0].message).toMatch(/^broken\.yaml: YAML syntax error at line 4, column \d+: /);
  });

  it('refuses duplicate keys, which YAML parsers elsewhere silently overwrite', () => {
    const parsed = parseProcedureYaml('key: a\ntitle: One\ntitle: Two\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 3 });
  });

  it('refuses a file with more than one document', () => {
    expect(parseProcedureYaml('key: a\n---\nkey: b\n').ok).toBe(false);
  });

  it('reads yes and no as text (YAML 1.2), so the schema catches them', () => {
    const parsed = parseProcedureYaml('ordered: no\n');
    expect(parsed.ok && parsed.value).toEqual({ ordered: 'no' });
  });

  it('locates a path, or the nearest existing ancestor of a missing one', () => {
    const parsed = parseProcedureYaml(BLOCK_STYLE);
    if (!parsed.ok) throw new Error('example must parse');
    expect(parsed.locate('steps[0].fields[0].options[1].value')).toEqual({ line: lineOf(BLOCK_STYLE, 'value: worried'), column: 20 });
    expect(parsed.locate('steps[0].description')).toEqual(parsed.locate('steps[0]'));
  });
});

describe('validateProcedureYaml', () => {
  it('puts the YAML line on schema and rule problems', () => {
    const broken = BLOCK_STYLE.replace('value: worried', 'value: fine').replace('toDays: 30', 'toDays: -3');
    const result = validateProcedureYaml(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'window.toDays', message: expect.stringMatching(/fromDays/), line: lineOf(broken, 'toDays'), column: 11 },
      { path: 'steps[0].fields[0].options[1].value', message: expect.stringMatching(/duplicates/), line: lineOf(BLOCK_STYLE, 'value: worried'), column: 20 },
    ]);
    expect(describeProblem(result.problems[0])).toMatch(/^line 13: window\.toDays: must not be earlier/);
  });

  it('points a missing property at its parent', () => {
    const text = BLOCK_STYLE.replace('    title:\n      en: Call\n      sv: Samtal\n', '');
    const result = validateProcedureYaml(text);
    expect(!result.ok && result.problems).toEqual([{ path: 'steps[0].title', message: 'is required', line: lineOf(text, 'key: call'), column: 5 }]);
  });
});

describe('normalisation', () => {
  it('turns shorthand strings into English texts and trims block scalars', () => {
    const d = valid(BLOCK_STYLE);
    expect(d.title).toEqual({ en: 'Check-in' });
    expect(d.purpose).toEqual({ en: 'Make sure the pair meets.' });
    expect(d.steps[0].title).toEqual({ en: 'Call', sv: 'Samtal' });
    expect(d.steps[0].fields[0].options).toEqual([
      { value: 'fine', label: { en: 'Fine' } },
      { value: 'worried', label: { en: 'Worried' } },
    ]);
  });

  it('fills in the defaults and leaves optional properties out', () => {
    const d = valid(BLOCK_STYLE.replace(/ {4}fields:[\s\S]*$/, '    evidence: The call log.\n'));
    expect(d.ordered).toBe(true);
    expect(d.steps[0]).toEqual({ key: 'call', title: { en: 'Call', sv: 'Samtal' }, required: true, fields: [], evidence: { en: 'The call log.' } });
    expect(valid(BLOCK_STYLE).steps[0].fields[0].required).toBe(true);
    expect('references' in d).toBe(false);
  });

  it('trims the required competence, which must equal a training record exactly', () => {
    const d = valid(BLOCK_STYLE.replace('  - key: call\n', '  - key: call\n    requiredCompetence: "  Programme leader training, module 1: intake interviews "\n'));
    expect(d.steps[0].requiredCompetence).toBe('Programme leader training, module 1: intake interviews');
  });

  it('keeps explicit values over defaults', () => {
    const d = valid(`${BLOCK_STYLE}ordered: false\n`);
    expect(d.ordered).toBe(false);
  });

  it('is idempotent', () => {
    const d = valid(BLOCK_STYLE);
    expect(normaliseDefinition(d as DefinitionInput)).toEqual(d);
  });

  it('accepts its own output as input (what the API stores can be validated again)', () => {
    const d = valid(BLOCK_STYLE);
    const again = validateDefinition(JSON.parse(JSON.stringify(d)));
    expect(again).toEqual({ ok: true, definition: d });
  });
});

describe('contentHash', () => {
  it('is a SHA-256 hex digest', () => {
    expect(contentHash(valid(BLOCK_STYLE))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on YAML formatting, key order or written-out defaults', () => {
    expect(valid(FLOW_STYLE)).toEqual(valid(BLOCK_STYLE));
    expect(contentHash(valid(FLOW_STYLE))).toBe(contentHash(valid(BLOCK_STYLE)));
  });

  it('does not depend on the key order of the object passed in', () => {
    const d = valid(BLOCK_STYLE);
    const reversed = Object.fromEntries(Object.entries(d).reverse()) as unknown as ProcedureDefinition;
    expect(contentHash(reversed)).toBe(contentHash(d));
  });

  it('changes with any change of content', () => {
    const base = contentHash(valid(BLOCK_STYLE));
    expect(contentHash(valid(BLOCK_STYLE.replace('toDays: 30', 'toDays: 31')))).not.toBe(base);
    expect(contentHash(valid(BLOCK_STYLE.replace('sv: Samtal', 'sv: Telefonsamtal')))).not.toBe(base);
    expect(contentHash(valid(`${BLOCK_STYLE}ordered: false\n`))).not.toBe(base);
  });
});

/**
 * Structural validation of a procedure definition against procedures/procedure.schema.json,
 * with ajv's errors rewritten for the quality managers who author the YAML files.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import schema from '../../procedures/procedure.schema.json' with { type: 'json' };
import { formatPath, type DefinitionProblem } from './definition-problem.js';

export const procedureSchema = schema;

// strictRequired is off because the field schema names `options`/`min`/`max` as required inside
// if/then branches, which is the intended use. Union types carry the string shorthand for texts.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
const validate = ajv.compile(schema);

const KEBAB = schema.properties.key.pattern;
const SNAKE = schema.$defs.snakeKey.pattern;
const NOT_BLANK = schema.$defs.text.pattern;

/** Problems found by the JSON Schema, in document order; empty when the input conforms. */
export function schemaProblems(input: unknown): DefinitionProblem[] {
  if (validate(input)) return [];
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = toProblem(error);
    if (!problem) continue;
    // A union type (string or object) can report the same spot twice; once is enough.
    const id = `${problem.path}\u0000${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject): DefinitionProblem | undefined {
  const segments = pointerSegments(error.instancePath);
  const path = formatPath(segments);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    // The failing `then` branch reports its own `required` error; the `if` wrapper adds nothing.
    case 'if':
      return undefined;
    case 'required': {
      const missing = String(params.missingProperty);
      return { path: formatPath([...segments, missing]), message: requiredMessage(missing) };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const isText = error.parentSchema === schema.$defs.localisedText;
      return {
        path: formatPath([...segments, extra]),
        message: isText ? 'is not a known language (use en, sv or nb)' : 'is not a known property',
      };
    }
    case 'type':
      return { path, message: `must be ${typeName(params.type)}` };
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { path, message: patternMessage(String(params.pattern)) };
    case 'maxLength':
      return { path, message: `must be at most ${String(params.limit)} characters` };
    case 'minItems':
      return { path, message: `must have at least ${String(params.limit)} ${plural(Number(params.limit), 'entry', 'entries')}` };
    // ajv names the later duplicate `i` and the earlier one `j`; point at the later one.
    case 'uniqueItems':
      return { path: formatPath([...segments, Number(params.i)]), message: `repeats entry [${String(params.j)}]; each entry may appear only once` };
    case 'minimum':
      return { path, message: `must be at least ${String(params.limit)}` };
    case 'maximum':
      return { path, message: `must be at most ${String(params.limit)}` };
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

function requiredMessage(property: string): string {
  if (property === 'options') return 'is required for an enum field';
  if (property === 'min' || property === 'max') return 'is required for a scale field';
  return 'is required';
}

function patternMessage(pattern: string): string {
  if (pattern === KEBAB) return 'must be kebab-case: a lower-case letter, then lower-case letters, digits or hyphens (2 to 63 characters)';
  if (pattern === SNAKE) return 'must be snake_case: a lower-case letter, then lower-case letters, digits or underscores (at most 63 characters)';
  if (pattern === NOT_BLANK) return 'must not be blank';
  return `must match the pattern ${pattern}`;
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: 'a text',
    object: 'a mapping',
    array: 'a list',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** JSON Pointer (RFC 6901) to segments; array indices become numbers. */
function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/**
 * The procedure schema (procedures/procedure.schema.json, the same file the service validates
 * against) checked in the browser as the author types. @cfworker/json-schema interprets the schema
 * without generating code, so the Content-Security-Policy (no eval) holds.
 */
import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import schema from '../../../procedures/procedure.schema.json';
import { pointerPath } from './yamlPaths';
import type { Segment } from './yamlPaths';

const validator = new Validator(schema as unknown as Schema, '2020-12', false);

export interface SchemaProblem {
  path: Segment[];
  message: string;
}

export function checkAgainstSchema(value: unknown): SchemaProblem[] {
  const result = validator.validate(value);
  if (result.valid) return [];
  // The validator reports the failing keyword at every level ("a subschema had errors"); the
  // deepest, specific ones say what is wrong.
  const GENERIC = new Set(['$ref', 'properties', 'items', 'prefixItems', 'allOf', 'dependentSchemas', 'if', 'then', 'else']);
  const specific = result.errors.filter((e) => !GENERIC.has(e.keyword));
  const errors = specific.length ? specific : result.errors;
  const deepest = errors.filter(
    (e) => !errors.some((o) => o !== e && o.instanceLocation.startsWith(e.instanceLocation + '/')),
  );
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of deepest.length ? deepest : errors) {
    const key = `${e.instanceLocation} ${e.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: pointerPath(e.instanceLocation), message: e.error });
  }
  return out.slice(0, 50);
}

/**
 * The API as its OpenAPI document describes it: every operation with its roles, path and query
 * parameters and request body schema. The hardening specs walk this list, so a new route is
 * probed (and must be given sample data in `world.ts`) without anyone remembering to add it.
 */
import type { TestApp } from './test-app.js';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: `/api/programmes/{id}`. */
  path: string;
  /** `POST /api/programmes/{id}`: the key of the sample tables. */
  key: string;
  /** `x-roles`: role names, or `public`, or `any signed-in user`. */
  roles: string[];
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The request body schema, resolved (no `$ref` at the top), when the operation takes a body. */
  body: JsonSchema | undefined;
  /** The component name of the body, e.g. `CreateUserRequest`. */
  bodyName: string | undefined;
}

export interface ApiSurface {
  doc: { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, JsonSchema> } };
  operations: Operation[];
  /** Resolves `$ref` and single-element `allOf` wrappers (how Nest documents nested DTOs). */
  resolve(schema: JsonSchema | undefined): JsonSchema | undefined;
}

export async function loadApiSurface(t: TestApp): Promise<ApiSurface> {
  const res = await t.http.get('/docs-json');
  if (res.status !== 200) throw new Error(`GET /docs-json answered ${res.status}`);
  const doc = res.body as ApiSurface['doc'];
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    let s = schema;
    for (let i = 0; s && i < 10; i++) {
      if (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
      else if (s.allOf?.length === 1 && !s.properties) s = s.allOf[0];
      else return s;
    }
    return s;
  };
  const operations: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, raw] of Object.entries(ops)) {
      const op = raw as {
        'x-roles'?: string[];
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      const method = m.toUpperCase() as Operation['method'];
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method,
        path,
        key: `${method} ${path}`,
        roles: op['x-roles'] ?? [],
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: resolve(bodySchema),
        bodyName: bodySchema?.$ref?.split('/').pop(),
      });
    }
  }
  return { doc, operations, resolve };
}

/** True when the operation needs no token. */
export function isPublic(op: Operation): boolean {
  return op.roles.includes('public');
}

/** True when any signed-in user may call the operation, whatever their roles. */
export function isAnySignedIn(op: Operation): boolean {
  return op.roles.includes('any signed-in user');
}

/** Whether a user holding `roles` passes the operation's declared policy. */
export function allows(op: Operation, roles: readonly string[]): boolean {
  if (isPublic(op) || isAnySignedIn(op)) return true;
  return roles.some((r) => op.roles.includes(r));
}

/** Fills `{name}` placeholders of an OpenAPI path with already-encoded segments. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for path parameter ${name} of ${path}`);
    return values[name];
  });
}

/**
 * Percent-encodes a path segment or query value byte by byte. Unlike encodeURIComponent it
 * also takes lone surrogates (sent as the bytes a careless client would: CESU-8, which is not
 * valid UTF-8) so the server sees them.
 */
export function encodeComponent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const next = s.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += `%${(0xe0 | (c >> 12)).toString(16).toUpperCase()}%${(0x80 | ((c >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (c & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(s[i]);
    }
  }
  return out;
}

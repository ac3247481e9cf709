/**
 * Mass assignment: every write DTO of the OpenAPI document (and every nested DTO in it) is sent
 * a valid body plus one field a client must never set: ids, versions, states, authorship, roles,
 * signatures, content hashes, reference numbers. Each must be refused with 400 naming exactly
 * that field, and nothing may change.
 */
import { isPublic, loadApiSurface } from './support/api-surface.js';
import type { ApiSurface, JsonSchema, Operation } from './support/api-surface.js';
import { call } from './support/call.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { fingerprintDiff, fingerprinter } from './support/fingerprint.js';
import type { Fingerprinter } from './support/fingerprint.js';
import { fillPath } from './support/api-surface.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { buildWorld, defaultPath, sampleRequest } from './support/world.js';
import type { World } from './support/world.js';

/** Fields only the server sets, with values an attacker would like to plant. */
function forbiddenFields(w: World): Record<string, unknown> {
  return {
    id: w.deviationId,
    version: 99,
    status: 'closed',
    state: 'closed',
    createdBy: w.actors.admin.id,
    createdAt: '2020-01-01T00:00:00Z',
    roles: ['admin'],
    signerId: w.actors.admin.id,
    signature: { signerId: w.actors.admin.id, meaning: 'approval', signedAt: '2020-01-01T00:00:00Z' },
    signatureId: w.actors.admin.id,
    contentHash: `sha256:${'0'.repeat(64)}`,
    reference: 'DEV-2099-9999',
    actorId: w.actors.admin.id,
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$forged',
  };
}

describe('mass assignment: server-owned fields are refused by every write DTO', () => {
  let t: TestApp;
  let w: World;
  let api: ApiSurface;
  let writes: Operation[];
  let fp: Fingerprinter;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    api = await loadApiSurface(t);
    writes = api.operations.filter((op) => op.body?.properties);
    fp = await fingerprinter(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the write DTOs in the API document', () => {
    expect(writes.length).toBeGreaterThanOrEqual(30);
    // Operations with a body that is not an object of declared fields would escape this spec.
    expect(api.operations.filter((op) => op.body && !op.body.properties).map((op) => op.key)).toEqual([]);
  });

  /** [field path, the body with the field planted] for every probe of one operation's body. */
  function probes(op: Operation, base: Record<string, unknown>): [string, Record<string, unknown>][] {
    const out: [string, Record<string, unknown>][] = [];
    const fields = forbiddenFields(w);
    const plant = (
      schema: JsonSchema,
      target: Record<string, unknown>,
      prefix: string,
      rebuild: (inner: Record<string, unknown>) => Record<string, unknown>,
    ) => {
      for (const [name, value] of Object.entries(fields)) {
        if (schema.properties && name in schema.properties) continue; // a field the DTO declares is not mass assignment
        out.push([prefix + name, rebuild({ ...target, [name]: value })]);
      }
      // Nested DTOs (the subject of an execution, the action of a decision) are probed too.
      for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
        const nested = api.resolve(propSchema);
        const inner = target[prop];
        if (nested?.properties && inner && typeof inner === 'object' && !Array.isArray(inner)) {
          plant(nested, inner as Record<string, unknown>, `${prefix}${prop}.`, (changed) => rebuild({ ...target, [prop]: changed }));
        }
      }
    };
    plant(op.body!, base, '', (b) => b);
    return out;
  }

  it('refuses every planted field with 400 naming it, and changes nothing', async () => {
    const failures: string[] = [];
    let probed = 0;
    const nestedProbed = new Set<string>();
    for (const op of writes) {
      const actor = w.actors.all_roles;
      const sample = sampleRequest(w, op, actor);
      const url = fillPath(op.path, defaultPath(w, op));
      const before = await fp.take();
      for (const [field, body] of probes(op, sample.body!)) {
        const res = await call(t, op, {
          url,
          query: Object.entries(sample.query),
          token: isPublic(op) ? undefined : actor.token,
          headers: op.method === 'PATCH' || op.method === 'PUT' ? { 'If-Match': '"1"' } : {},
          bodyText: JSON.stringify(body),
        });
        probed++;
        if (field.includes('.')) nestedProbed.add(op.key);
        try {
          expectProblem(res, 400, 'validation_failed');
          expect(problemFields(res)).toEqual([field]);
        } catch {
          failures.push(`${op.key} with ${field}: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
      const changed = fingerprintDiff(before, await fp.take());
      if (Object.keys(changed).length) failures.push(`${op.key}: refused requests changed ${JSON.stringify(changed)}`);
    }
    expect(failures).toEqual([]);
    expect(probed).toBeGreaterThan(writes.length * 10);
    expect([...nestedProbed].sort()).toEqual(['POST /api/management-reviews/{id}/decisions', 'POST /api/programmes/{id}/executions']);
  });
});

import type { ProcedureDefinition } from '../../src/procedures/procedure-definition.js';
import type { TestApp, TestUser } from './test-app.js';
import { bearer } from './test-app.js';

/** A small, valid procedure definition for tests; override what the test is about. */
export function sampleDefinition(key: string, overrides: Partial<ProcedureDefinition> = {}): ProcedureDefinition {
  return {
    key,
    title: { en: `Procedure ${key}`, sv: `Rutin ${key}`, nb: `Rutine ${key}` },
    purpose: { en: 'Make sure every adept is interviewed before the programme starts.' },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: -30, toDays: 0 },
    ordered: true,
    steps: [
      {
        key: 'prepare',
        title: { en: 'Prepare' },
        required: true,
        fields: [{ key: 'notes', label: { en: 'Notes' }, type: 'text', required: true }],
      },
      {
        key: 'interview',
        title: { en: 'Interview' },
        required: true,
        performerRoles: ['programme_leader'],
        fields: [
          {
            key: 'language_level',
            label: { en: 'Language level' },
            type: 'enum',
            required: true,
            options: [
              { value: 'a2', label: { en: 'A2' } },
              { value: 'b1', label: { en: 'B1' } },
            ],
          },
          { key: 'motivation', label: { en: 'Motivation' }, type: 'scale', required: true, min: 1, max: 5 },
        ],
      },
    ],
    ...overrides,
  };
}

/** Creates a procedure through the API and takes version 1 to `effective` (author and approver differ). */
export async function effectiveProcedure(t: TestApp, author: TestUser, approver: TestUser, definition: ProcedureDefinition) {
  const created = await t.http
    .post('/api/procedures')
    .set(...bearer(author))
    .send({ definition });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  await approveVersion(t, author, approver, definition.key, 1);
  return created.body;
}

/**
 * The day the procedures of the tests are approved on (the service's clock fixed to it for the
 * approval): before every record the tests enter, so that no step is judged `before_effective`
 * unless a test means it (and approves through the API itself, on its own day).
 */
export const APPROVED_ON = '2024-06-03';

export async function approveVersion(t: TestApp, submitter: TestUser, approver: TestUser, key: string, n: number) {
  const submitted = await t.http.post(`/api/procedures/${key}/versions/${n}/submit`).set(...bearer(submitter));
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const today = t.config.clockToday;
  t.setToday(APPROVED_ON);
  let approved: Awaited<ReturnType<typeof t.http.post>>;
  try {
    approved = await t.http
      .post(`/api/procedures/${key}/versions/${n}/approve`)
      .set(...bearer(approver))
      .send({ password: approver.password, comment: 'Reviewed and approved' });
  } finally {
    t.setToday(today);
  }
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.body;
}

/**
 * Adopts the shipped baseline through the API as a quality manager (the act a new installation
 * starts with); a test app started with the import on start needs it before anything is carried out.
 */
export async function adoptBaseline(t: TestApp, qm: TestUser) {
  const adopted = await t.http
    .post('/api/procedures/baseline/adopt')
    .set(...bearer(qm))
    .send({ password: qm.password });
  if (adopted.status !== 200) throw new Error(`adopting the baseline failed: ${adopted.status} ${JSON.stringify(adopted.body)}`);
  return adopted.body as { procedures: { key: string; version: number; contentHash: string }[]; baselineHash: string };
}

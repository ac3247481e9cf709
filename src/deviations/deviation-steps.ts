import type { EntityManager } from 'typeorm';

/** A step a deviation concerns: the execution, the step, the record judged (when one was), and what was found. */
export interface DeviationStep {
  executionId: string;
  stepKey: string;
  recordId: string | null;
  detail: string;
  addedAt: Date;
}

export type NewDeviationStep = Omit<DeviationStep, 'addedAt'>;

/**
 * Adds the steps a deviation concerns; a step it already lists (same execution and step) is left
 * as first recorded. Returns the steps added.
 */
export async function addDeviationSteps(
  m: EntityManager,
  deviationId: string,
  steps: readonly NewDeviationStep[],
): Promise<NewDeviationStep[]> {
  const added: NewDeviationStep[] = [];
  for (const s of steps) {
    const rows = await m.query<unknown[]>(
      `INSERT INTO deviation_step (deviation_id, execution_id, step_key, record_id, detail) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (deviation_id, execution_id, step_key) DO NOTHING RETURNING step_key`,
      [deviationId, s.executionId, s.stepKey, s.recordId, s.detail],
    );
    if (rows.length) added.push(s);
  }
  return added;
}

/** The steps of each deviation, in the order they were added. */
export async function deviationSteps(m: EntityManager, deviationIds: readonly string[]): Promise<Map<string, DeviationStep[]>> {
  const out = new Map<string, DeviationStep[]>(deviationIds.map((id) => [id, []]));
  if (deviationIds.length === 0) return out;
  const rows = await m.query<
    { deviation_id: string; execution_id: string; step_key: string; record_id: string | null; detail: string; added_at: Date }[]
  >(
    `SELECT deviation_id, execution_id, step_key, record_id, detail, added_at FROM deviation_step WHERE deviation_id = ANY($1)
     ORDER BY seq`,
    [deviationIds],
  );
  for (const r of rows)
    out
      .get(r.deviation_id)
      ?.push({ executionId: r.execution_id, stepKey: r.step_key, recordId: r.record_id, detail: r.detail, addedAt: r.added_at });
  return out;
}

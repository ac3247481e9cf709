/**
 * The indicators module's tables (`quality_objective`, `quality_objective_measurement`): reads for
 * this module and for others, plain functions taking the caller's `EntityManager`.
 */
import type { EntityManager } from 'typeorm';
import type { Comparator } from './indicator-math.js';

export interface ObjectiveRow {
  id: string;
  programme_id: string | null;
  indicator: string;
  comparator: Comparator;
  target: string;
  title: string;
  owner_id: string | null;
  deadline: string;
  action_ids: string[];
  version: number;
}

export interface MeasurementRow {
  objectiveId: string;
  period: string;
  measuredOn: string;
  measured: string | null;
  comparator: string;
  target: string;
  status: 'met' | 'not_met' | 'not_measurable';
  recordedBy: string | null;
  recordedAt: Date;
}

const OBJECTIVE = `SELECT id, programme_id, indicator, comparator, target, title, owner_id, deadline::text AS deadline,
  action_ids::text[] AS action_ids, version FROM quality_objective`;

/** The ids of the programme's quality objectives. */
export async function objectiveIdsOfProgramme(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM quality_objective WHERE programme_id = $1`, [programmeId]);
  return rows.map((r) => r.id);
}

/** The objective `id`, or null. */
export async function objectiveRow(m: EntityManager, id: string): Promise<ObjectiveRow | null> {
  const [row] = await m.query<ObjectiveRow[]>(`${OBJECTIVE} WHERE id = $1`, [id]);
  return row ?? null;
}

/** With `programmeId`: its objectives and the organisation's; with `programmeIds`: the organisation's and those of these programmes. */
export async function objectiveRows(m: EntityManager, f: { programmeId: string } | { programmeIds: string[] }): Promise<ObjectiveRow[]> {
  return 'programmeId' in f
    ? m.query<ObjectiveRow[]>(`${OBJECTIVE} WHERE programme_id = $1 OR programme_id IS NULL ORDER BY created_at, id`, [f.programmeId])
    : m.query<ObjectiveRow[]>(`${OBJECTIVE} WHERE programme_id IS NULL OR programme_id = ANY($1) ORDER BY created_at, id`, [
        f.programmeIds,
      ]);
}

/** The recorded measurements of the objectives, oldest period first. */
export async function measurementsOf(m: EntityManager, objectiveIds: readonly string[]): Promise<MeasurementRow[]> {
  if (objectiveIds.length === 0) return [];
  return m.query<MeasurementRow[]>(
    `SELECT objective_id AS "objectiveId", period, measured_on::text AS "measuredOn", measured, comparator, target, status,
       recorded_by AS "recordedBy", recorded_at AS "recordedAt"
     FROM quality_objective_measurement WHERE objective_id = ANY($1) ORDER BY objective_id, period`,
    [objectiveIds],
  );
}

/** Whether the quality objective `id` exists. */
export async function objectiveExists(m: EntityManager, id: string): Promise<boolean> {
  return (await m.query<unknown[]>(`SELECT 1 FROM quality_objective WHERE id = $1`, [id])).length > 0;
}

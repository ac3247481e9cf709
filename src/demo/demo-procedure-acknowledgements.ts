/**
 * "Read and understood" of a procedure (ISO 9001 7.5): before the programme year, the quality
 * manager issues version 2 of the intake interview, with the steps unchanged, asking the programme
 * leaders to confirm they have read it; the second quality manager approves it, and it is in force
 * before the first intake interview. One leader has acknowledged it, the other not yet. Through the
 * same use cases as the API.
 */
import type { Demo } from './demo-context.js';

/** The procedure the leaders are asked to read. */
const PROCEDURE = 'intake-interview';
/** The scripted day version 2 is approved on: after the shipped procedures (2024-09-02, before the year before), before the first intake interview. */
const ISSUED = '2025-09-08';

export interface ProcedureAcknowledgementSummary {
  procedure: string;
  version: number;
  acknowledged: number;
  toAcknowledge: number;
}

export async function runProcedureAcknowledgements(d: Demo): Promise<ProcedureAcknowledgementSummary> {
  const { s, cal, team, password } = d;
  const inForce = (await s.library.list()).find((p) => p.procedure.key === PROCEDURE)!.versions.find((v) => v.status === 'effective')!;
  const before = s.config.clockToday;
  s.config.clockToday = cal.day(ISSUED);
  let version: number;
  try {
    const draft = await s.procedures.createVersion(
      team.quality.ctx,
      PROCEDURE,
      inForce.definition,
      'Programme leaders confirm that they have read and understood the intake interview before the intake starts; the steps are unchanged',
      ['programme_leader'],
    );
    version = draft.number;
    await s.procedures.submit(team.quality.ctx, PROCEDURE, version);
    await s.procedures.approve(team.approver.ctx, PROCEDURE, version, password, 'Same steps; the leaders are asked to read it');
  } finally {
    s.config.clockToday = before;
  }
  await s.procedureAcknowledgements.acknowledge(team.leader.ctx, PROCEDURE);
  const who = await s.procedureAcknowledgements.list(PROCEDURE);
  return { procedure: PROCEDURE, version, acknowledged: who.acknowledged, toAcknowledge: who.required };
}

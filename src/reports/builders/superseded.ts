import type { EntityManager } from 'typeorm';
import { versionHistory } from '../../procedures/procedures.queries.js';
import type { SupersededVersion } from '../models/evidence-report.js';

/**
 * Of the versions cited (procedure key and number), those superseded, each with the version that
 * took its place (the next one that became effective) and when; by key and number.
 */
export async function supersededAmong(m: EntityManager, cited: readonly { key: string; version: number }[]): Promise<SupersededVersion[]> {
  const wanted = new Set(cited.map((c) => `${c.key}\u0000${c.version}`));
  const history = await versionHistory(m, [...new Set(cited.map((c) => c.key))]);
  const out: SupersededVersion[] = [];
  for (const v of history) {
    if (v.supersededAt === null || !wanted.has(`${v.procedureKey}\u0000${v.number}`)) continue;
    const next = history.find((w) => w.procedureKey === v.procedureKey && w.number > v.number);
    if (next) out.push({ key: v.procedureKey, version: v.number, by: next.number, on: v.supersededAt.toISOString() });
  }
  return out;
}

import type { EntityManager } from 'typeorm';
import { conflict } from '../common/problem.js';
import { baselineAwaitingAdoption } from './procedures.queries.js';

/**
 * Refuses work that needs procedures in force while the shipped baseline awaits adoption: no
 * procedure is effective until a quality manager adopts it, so nothing can be carried out (and a
 * programme activated now would pin an empty plan).
 */
export async function requireBaselineAdopted(m: EntityManager): Promise<void> {
  const awaiting = await baselineAwaitingAdoption(m);
  if (awaiting === 0) return;
  throw conflict(
    'baseline_not_adopted',
    `The ${awaiting} shipped procedure(s) await adoption: until a quality manager adopts the baseline with their signature, no procedure is in force. ` +
      'A quality manager adopts it on the Procedures page (Adopt the baseline), through POST /api/procedures/baseline/adopt, or with npm run qms -- procedures:adopt --as EMAIL',
    { awaiting, adoptedBy: 'quality_manager' },
  );
}

import type { EntityManager } from 'typeorm';

/**
 * Allocates the next human reference, e.g. DEV-2027-0042, gap-free per kind and year: the
 * counter row stays locked until the allocating transaction ends, so concurrent creations wait
 * their turn and a rolled-back one gives its number back.
 */
export async function allocateReference(m: EntityManager, kind: 'DEV' | 'CA' | 'RISK' | 'DOC' | 'IA', year: number): Promise<string> {
  const [row] = await m.query<{ last: number }[]>(
    `INSERT INTO reference_counter (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = reference_counter.last + 1 RETURNING last`,
    [kind, year],
  );
  return `${kind}-${year}-${String(row.last).padStart(4, '0')}`;
}

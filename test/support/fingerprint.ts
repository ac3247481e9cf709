/**
 * A fingerprint of everything the service stores: per table the row count and a hash of every
 * row's content, and the audit chain head. Two equal fingerprints mean no row was inserted,
 * updated or deleted in between (up to hash collisions), which is how the hardening specs prove
 * that a refused request changed nothing.
 */
import type { TestApp } from './test-app.js';

/**
 * Schema bookkeeping, and the counters of password attempts (a refused sign-in is meant to be
 * counted there): not business data.
 */
const NOT_BUSINESS = new Set(['schema_migration', 'typeorm_metadata', 'auth_throttle']);

export type Fingerprint = Record<string, { rows: number; hash: string }>;

export interface Fingerprinter {
  tables: string[];
  take(): Promise<Fingerprint>;
}

export async function fingerprinter(t: TestApp): Promise<Fingerprinter> {
  const tables = (
    await t.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  )
    .map((r) => r.name)
    .filter((n) => !NOT_BUSINESS.has(n));
  if (!tables.includes('audit_event') || !tables.includes('audit_head')) throw new Error(`unexpected schema: ${tables.join(', ')}`);
  const query = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(sum(hashtextextended(x::text, 0)), 0)::text AS hash FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  return {
    tables,
    async take() {
      const rows = await t.sql<{ name: string; rows: number; hash: string }>(query);
      return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
    },
  };
}

/** The tables whose fingerprint differs, with before and after, for a readable failure. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name];
    const b = after[name];
    if (a?.rows !== b?.rows || a?.hash !== b?.hash) out[name] = { before: a, after: b };
  }
  return out;
}

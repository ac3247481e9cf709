/**
 * Reads of the procedures module's tables (`procedure`, `procedure_version`) for other modules:
 * plain functions taking the caller's `EntityManager` (so they join its transaction) and
 * returning typed rows.
 */
import type { EntityManager } from 'typeorm';
import type { AcknowledgingRole } from '../common/roles.js';
import { activeUsersWithAnyRole } from '../users/users.queries.js';
import type { VersionStatus } from './document-control.js';
import type { LocalisedText, ProcedureDefinition } from './procedure-definition.js';

/** A procedure version as other modules see it. */
export interface VersionRow {
  id: string;
  procedureId: string;
  procedureKey: string;
  number: number;
  status: VersionStatus;
  contentHash: string;
  effectiveFrom: Date | null;
  supersededAt: Date | null;
  definition: ProcedureDefinition;
}

const VERSION = `SELECT v.id, v.procedure_id AS "procedureId", p.key AS "procedureKey", v.number, v.status, v.content_hash AS "contentHash",
  v.effective_from AS "effectiveFrom", v.superseded_at AS "supersededAt", v.definition
  FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id`;

/** The versions among `ids`, by id. */
export async function versionsById(m: EntityManager, ids: readonly string[]): Promise<Map<string, VersionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await m.query<VersionRow[]>(`${VERSION} WHERE v.id = ANY($1)`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The effective version of every procedure in force, by procedure key. */
export async function effectiveVersions(m: EntityManager): Promise<VersionRow[]> {
  return m.query<VersionRow[]>(`${VERSION} WHERE v.status = 'effective' ORDER BY p.key`);
}

/** Version `number` of the procedure `key`, or null when there is none. */
export async function versionByKeyAndNumber(m: EntityManager, key: string, number: number): Promise<VersionRow | null> {
  const [row] = await m.query<VersionRow[]>(`${VERSION} WHERE p.key = $1 AND v.number = $2`, [key, number]);
  return row ?? null;
}

/** The window anchor and first day of each version among `ids` (versions without a window left out). */
export async function versionWindowStarts(m: EntityManager, ids: readonly string[]): Promise<{ anchor: string; fromDays: number }[]> {
  if (ids.length === 0) return [];
  const rows = await m.query<{ anchor: string | null; from_days: number | null }[]>(
    `SELECT definition->'window'->>'anchor' AS anchor, (definition->'window'->>'fromDays')::int AS from_days FROM procedure_version WHERE id = ANY($1)`,
    [[...new Set(ids)]],
  );
  return rows.filter((r) => r.anchor !== null && r.from_days !== null).map((r) => ({ anchor: r.anchor!, fromDays: r.from_days! }));
}

/** The title of each procedure's latest version (highest number), by procedure key. */
export async function latestTitles(m: EntityManager): Promise<Map<string, LocalisedText>> {
  const rows = await m.query<{ key: string; title: LocalisedText }[]>(
    `SELECT DISTINCT ON (p.key) p.key, v.definition->'title' AS title FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id ORDER BY p.key, v.number DESC`,
  );
  return new Map(rows.map((r) => [r.key, r.title]));
}

/** How many shipped baseline versions still await adoption (none may be carried out until then). */
export async function baselineAwaitingAdoption(m: EntityManager): Promise<number> {
  const [row] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM procedure_version WHERE baseline AND status = 'in_review'`);
  return row.n;
}

/** A scalar subquery for other modules' statements: the definition (jsonb) of version `idSql`. */
export function versionDefinitionSql(idSql: string): string {
  return `(SELECT definition FROM procedure_version WHERE id = ${idSql})`;
}

/** Every version of the procedures `keys` that was ever in force, by key and number. */
export async function versionHistory(
  m: EntityManager,
  keys: readonly string[],
): Promise<{ procedureKey: string; number: number; effectiveFrom: Date; supersededAt: Date | null }[]> {
  if (keys.length === 0) return [];
  return m.query(
    `SELECT p.key AS "procedureKey", v.number, v.effective_from AS "effectiveFrom", v.superseded_at AS "supersededAt"
     FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
     WHERE p.key = ANY($1) AND v.effective_from IS NOT NULL ORDER BY p.key, v.number`,
    [[...new Set(keys)]],
  );
}

/** A version that was in force during a period, with everyone who wrote it (created, edited or imported it). */
export interface VersionInForce {
  id: string;
  procedureKey: string;
  number: number;
  authorIds: string[];
}

/**
 * The versions of the procedures `keys` that were in force on any day from `from` to `to`
 * (YYYY-MM-DD, inclusive): effective before the day after `to`, and not superseded or retired
 * before `from`. With the people who wrote each (an internal audit's independence is judged by them).
 */
export async function versionsInForceDuring(m: EntityManager, keys: readonly string[], from: string, to: string): Promise<VersionInForce[]> {
  if (keys.length === 0) return [];
  return m.query<VersionInForce[]>(
    `SELECT v.id, p.key AS "procedureKey", v.number,
       ARRAY(SELECT DISTINCT u FROM unnest(array_remove(ARRAY[v.author_id], NULL)
         || ARRAY(SELECT c.user_id FROM procedure_version_contributor c WHERE c.version_id = v.id)) AS u ORDER BY u)::text[] AS "authorIds"
     FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
     WHERE p.key = ANY($1) AND v.effective_from IS NOT NULL AND v.effective_from < ($3::date + 1)
       AND coalesce(v.superseded_at, v.retired_at, 'infinity'::timestamptz) >= $2::date
     ORDER BY p.key, v.number`,
    [[...new Set(keys)], from, to],
  );
}

/** Read and understood, per procedure whose version in force asks for acknowledgement. */
export interface ProcedureAcknowledgementCount {
  procedureKey: string;
  title: LocalisedText;
  versionNumber: number;
  effectiveFrom: Date;
  roles: AcknowledgingRole[];
  /** Active users holding one of the roles. */
  required: number;
  /** Of those, who acknowledged the version in force. */
  acknowledged: number;
}

/**
 * For the evidence report: each procedure whose version in force asks holders of some roles to
 * acknowledge it, with how many active users hold those roles and how many of them have. By key.
 */
export async function procedureAcknowledgementCounts(m: EntityManager): Promise<ProcedureAcknowledgementCount[]> {
  const versions = await m.query<
    { id: string; key: string; number: number; title: LocalisedText; effectiveFrom: Date; roles: AcknowledgingRole[] }[]
  >(
    `SELECT v.id, p.key, v.number, v.definition->'title' AS title, v.effective_from AS "effectiveFrom", v.acknowledgement_roles::text[] AS roles
     FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
     WHERE v.status = 'effective' AND cardinality(v.acknowledgement_roles) > 0 ORDER BY p.key`,
  );
  if (versions.length === 0) return [];
  const acks = await m.query<{ versionId: string; userId: string }[]>(
    `SELECT version_id AS "versionId", user_id AS "userId" FROM procedure_acknowledgement WHERE version_id = ANY($1)`,
    [versions.map((v) => v.id)],
  );
  const out: ProcedureAcknowledgementCount[] = [];
  for (const v of versions) {
    const people = await activeUsersWithAnyRole(m, v.roles);
    const done = new Set(acks.filter((a) => a.versionId === v.id).map((a) => a.userId));
    out.push({
      procedureKey: v.key,
      title: v.title,
      versionNumber: v.number,
      effectiveFrom: v.effectiveFrom,
      roles: v.roles,
      required: people.length,
      acknowledged: people.filter((p) => done.has(p.id)).length,
    });
  }
  return out;
}

/** A procedure version submitted for approval, with everyone who wrote it (who may not approve it). */
export interface VersionAwaitingApproval {
  id: string;
  procedureId: string;
  procedureKey: string;
  number: number;
  title: LocalisedText;
  submittedAt: Date | null;
  authorIds: string[];
}

/**
 * Versions in review (submitted, awaiting a quality manager's approval), by key and number. Shipped
 * baseline versions awaiting adoption are left out: adoption is its own gate, shown on the baseline page.
 */
export async function versionsAwaitingApproval(m: EntityManager): Promise<VersionAwaitingApproval[]> {
  return m.query<VersionAwaitingApproval[]>(
    `SELECT v.id, v.procedure_id AS "procedureId", p.key AS "procedureKey", v.number, v.definition->'title' AS title,
       v.submitted_at AS "submittedAt",
       ARRAY(SELECT DISTINCT u FROM unnest(array_remove(ARRAY[v.author_id], NULL)
         || ARRAY(SELECT c.user_id FROM procedure_version_contributor c WHERE c.version_id = v.id)) AS u ORDER BY u)::text[] AS "authorIds"
     FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id
     WHERE v.status = 'in_review' AND NOT v.baseline
     ORDER BY p.key, v.number`,
  );
}

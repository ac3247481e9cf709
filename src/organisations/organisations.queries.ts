/**
 * The organisation register's tables (`organisation`, `organisation_revision`): every read and
 * write of them is here. Exported reads take the caller's `EntityManager`, so other modules (the
 * internships) read the register inside their own transaction.
 */
import type { EntityManager } from 'typeorm';
import type { OrganisationChange, OrganisationContent, OrganisationSector } from './organisation-sectors.js';

/** An organisation with its latest revision. */
export interface OrganisationRow extends OrganisationContent {
  id: string;
  createdAt: Date;
  createdBy: string;
  revision: number;
  change: OrganisationChange;
  reason: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export type OrganisationRevisionRow = Omit<OrganisationRow, 'id' | 'createdAt' | 'createdBy'>;

const REVISION_COLUMNS = `rv.revision, rv.change, rv.reason, rv.name, rv.sector, rv.contact_name AS "contactName",
  rv.contact_email AS "contactEmail", rv.contact_phone AS "contactPhone", rv.notes, rv.active,
  rv.recorded_by AS "recordedBy", rv.recorded_at AS "recordedAt"`;

const COLUMNS = `o.id, o.created_at AS "createdAt", o.created_by AS "createdBy", ${REVISION_COLUMNS}`;

/** The latest revision of each organisation (alias o, rv). */
const CURRENT = `organisation o JOIN LATERAL (
  SELECT * FROM organisation_revision x WHERE x.organisation_id = o.id ORDER BY x.revision DESC LIMIT 1) rv ON true`;

/** The key a name is compared by, in SQL (as `nameKey`). */
const NAME_KEY = `lower(regexp_replace(btrim(rv.name), '\\s+', ' ', 'g'))`;

export interface OrganisationFilter {
  q?: string;
  sector?: OrganisationSector;
  active?: boolean;
  offset: number;
  limit: number;
}

export async function searchOrganisations(m: EntityManager, f: OrganisationFilter): Promise<{ rows: OrganisationRow[]; total: number }> {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.sector) conditions.push(`rv.sector = ${p(f.sector)}`);
  if (f.active !== undefined) conditions.push(`rv.active = ${p(f.active)}`);
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(rv.name ILIKE ${like} OR rv.notes ILIKE ${like})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const [{ total }] = await m.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${CURRENT} ${where}`, params);
  const n = params.length;
  const rows = await m.query<OrganisationRow[]>(
    `SELECT ${COLUMNS} FROM ${CURRENT} ${where} ORDER BY rv.active DESC, lower(rv.name), o.id OFFSET $${n + 1} LIMIT $${n + 2}`,
    [...params, f.offset, f.limit],
  );
  return { rows, total };
}

/** An organisation with its latest revision; `lock` holds its row until the transaction ends (one revision at a time). */
export async function organisationById(m: EntityManager, id: string, lock = false): Promise<OrganisationRow | null> {
  if (lock) await m.query(`SELECT id FROM organisation WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await m.query<OrganisationRow[]>(`SELECT ${COLUMNS} FROM ${CURRENT} WHERE o.id = $1`, [id]);
  return row ?? null;
}

/** Organisations by id with their latest revision (names for other modules' lists). */
export async function organisationsByIds(m: EntityManager, ids: readonly string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return m.query<OrganisationRow[]>(`SELECT ${COLUMNS} FROM ${CURRENT} WHERE o.id = ANY($1::uuid[])`, [ids]);
}

/** The organisation whose current name has this key, other than `exceptId`. */
export async function organisationNamed(
  m: EntityManager,
  key: string,
  exceptId: string | null,
): Promise<{ id: string; name: string } | null> {
  const [row] = await m.query<{ id: string; name: string }[]>(
    `SELECT o.id, rv.name FROM ${CURRENT} WHERE ${NAME_KEY} = $1 AND ($2::uuid IS NULL OR o.id <> $2::uuid) LIMIT 1`,
    [key, exceptId],
  );
  return row ?? null;
}

/**
 * Serialises the writes that give an organisation a name, so two at once cannot both find the
 * name free (a name lives in append-only revisions, where no unique index can hold it).
 */
export async function lockOrganisationNames(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('organisation names'))`);
}

export async function organisationRevisions(m: EntityManager, id: string): Promise<OrganisationRevisionRow[]> {
  return m.query<OrganisationRevisionRow[]>(
    `SELECT ${REVISION_COLUMNS} FROM organisation_revision rv WHERE rv.organisation_id = $1 ORDER BY rv.revision`,
    [id],
  );
}

export async function insertOrganisation(m: EntityManager, createdBy: string): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(`INSERT INTO organisation (created_by) VALUES ($1) RETURNING id`, [createdBy]);
  return row.id;
}

export async function insertOrganisationRevision(
  m: EntityManager,
  id: string,
  revision: number,
  change: OrganisationChange,
  reason: string | null,
  c: OrganisationContent,
  recordedBy: string,
): Promise<void> {
  await m.query(
    `INSERT INTO organisation_revision (organisation_id, revision, change, reason, name, sector, contact_name, contact_email,
       contact_phone, notes, active, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [id, revision, change, reason, c.name, c.sector, c.contactName, c.contactEmail, c.contactPhone, c.notes, c.active, recordedBy],
  );
}

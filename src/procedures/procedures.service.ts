import { Clock } from '../common/clock.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { stale } from '../common/etag.js';
import { conflict, forbidden, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import type { AcknowledgingRole } from '../common/roles.js';
import { modifyReturning } from '../common/sql.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import type { Signer } from '../signatures/signatures.service.js';
import { allowedActions, canApply } from './document-control.js';
import type { VersionAction } from './document-control.js';
import { contentHash, validateDefinition } from './definition-validation.js';
import type { ProcedureDefinition } from './procedure-definition.js';
import type { ProcedureVersionResponse } from './procedure.dto.js';
import { ProcedureLibraryService } from './procedure-library.service.js';
import { PROCEDURE_VERSION, addContributor, findProcedure, findVersion, lockProcedure } from './procedure-records.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';
import { count } from '../common/wording.js';

/**
 * Writes to the procedure library under document control. Every method is one transaction
 * that locks the procedure row first, so concurrent changes to one procedure are serialised.
 */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    private readonly library: ProcedureLibraryService,
  ) {}

  async create(ctx: RequestContext, input: unknown, acknowledgementRoles: readonly AcknowledgingRole[] = []): Promise<ProcedureVersionResponse> {
    const definition = checkDefinition(input);
    const v = await this.dataSource.transaction(async (m) => {
      const exists = await m.getRepository(Procedure).exists({ where: { key: definition.key } });
      if (exists) throw conflict('procedure_exists', `A procedure with the key ${definition.key} already exists; create a new version instead`);
      const procedure = await this.insertProcedure(m, definition.key);
      return this.insertVersion(m, ctx, procedure, 1, definition, null, 'created', acknowledgementRoles);
    });
    return this.library.versionResponse(ctx, definition.key, v.number);
  }

  /** The next version as a draft; without `acknowledgementRoles`, it asks the roles the version before it asked. */
  async createVersion(
    ctx: RequestContext,
    key: string,
    input: unknown,
    changeSummary: string | null,
    acknowledgementRoles?: readonly AcknowledgingRole[],
  ): Promise<ProcedureVersionResponse> {
    const definition = checkDefinition(input);
    const v = await this.dataSource.transaction(async (m) => {
      const procedure = await lockProcedure(m, key);
      sameKey(definition, key);
      const open = await m.getRepository(ProcedureVersion).findOne({ where: [{ procedureId: procedure.id, status: 'draft' }, { procedureId: procedure.id, status: 'in_review' }] });
      if (open) {
        throw conflict('open_draft_exists', `Version ${open.number} of ${key} is still ${open.status}; finish or reject it before starting another`, {
          openVersion: open.number,
        });
      }
      const next = (await m.getRepository(ProcedureVersion).maximum('number', { procedureId: procedure.id })) ?? 0;
      return this.insertVersion(m, ctx, procedure, next + 1, definition, changeSummary, 'created', acknowledgementRoles);
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  async updateDraft(
    ctx: RequestContext,
    key: string,
    n: number,
    expectedRowVersion: number,
    input: unknown,
    changeSummary: string | undefined,
    acknowledgementRoles?: readonly AcknowledgingRole[],
  ): Promise<ProcedureVersionResponse> {
    const definition = checkDefinition(input);
    const v = await this.dataSource.transaction(async (m) => {
      const procedure = await lockProcedure(m, key);
      sameKey(definition, key);
      const before = await findVersion(m, procedure, n);
      if (before.status !== 'draft') throw notEditable(before);
      if (before.rowVersion !== expectedRowVersion) throw stale(before.rowVersion);
      const hash = contentHash(definition);
      const rows = await modifyReturning<{ id: string }>(
        m,
        `UPDATE procedure_version SET definition = $3, content_hash = $4, change_summary = $5, acknowledgement_roles = $6::text[],
           row_version = row_version + 1
         WHERE id = $1 AND row_version = $2 AND status = 'draft' RETURNING id`,
        [
          before.id,
          expectedRowVersion,
          JSON.stringify(definition),
          hash,
          changeSummary ?? before.changeSummary,
          [...(acknowledgementRoles ?? before.acknowledgementRoles)],
        ],
      );
      if (rows.length === 0) throw stale(undefined);
      // Whoever changes a draft's content is one of its authors, and may not approve it.
      if (ctx.actor.id) await addContributor(m, before.id, ctx.actor.id, 'edited');
      const after = await m.getRepository(ProcedureVersion).findOneByOrFail({ id: before.id });
      await this.audit.append(m, ctx, {
        action: 'procedure_version.update',
        entityType: PROCEDURE_VERSION,
        entityId: after.id,
        entityVersion: after.number,
        changes: {
          contentHash: { old: before.contentHash, new: after.contentHash },
          ...(after.changeSummary !== before.changeSummary ? { changeSummary: { old: before.changeSummary, new: after.changeSummary } } : {}),
          ...(sameRoles(after.acknowledgementRoles, before.acknowledgementRoles)
            ? {}
            : { acknowledgementRoles: { old: before.acknowledgementRoles, new: after.acknowledgementRoles } }),
        },
      });
      return after;
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  async submit(ctx: RequestContext, key: string, n: number): Promise<ProcedureVersionResponse> {
    const v = await this.transition(ctx, key, n, 'submit', null, async (m, v) => {
      if ((await contributorIds(m, v)).length === 0) throw noNamedAuthor(v);
      await m.query(`UPDATE procedure_version SET status = 'in_review', submitted_at = now() WHERE id = $1`, [v.id]);
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  async reject(ctx: RequestContext, key: string, n: number, comment: string): Promise<ProcedureVersionResponse> {
    const v = await this.transition(ctx, key, n, 'reject', comment, async (m, v) => {
      await m.query(`UPDATE procedure_version SET status = 'rejected', rejected_at = now(), status_reason = $2 WHERE id = $1`, [v.id, comment]);
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  /**
   * Retiring the version in force is a document-control decision, signed like an approval: the
   * password is checked first (outside the transaction, through the same throttled check), then
   * the version is retired and the signature (meaning `retirement`) binds its content hash.
   */
  async retire(ctx: RequestContext, key: string, n: number, reason: string, password: string): Promise<ProcedureVersionResponse> {
    const reader = this.dataSource.manager;
    const peek = await findVersion(reader, await findProcedure(reader, key), n);
    if (!canApply('retire', peek.status)) throw notAllowed(peek, 'retire');
    const signer = await this.signatures.confirmSigner(ctx, password);
    const v = await this.transition(ctx, key, n, 'retire', reason, async (m, v) => {
      await m.query(`UPDATE procedure_version SET status = 'retired', retired_at = now(), status_reason = $2 WHERE id = $1`, [v.id, reason]);
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: PROCEDURE_VERSION, recordId: v.id, recordVersion: v.number, contentHash: v.contentHash },
        'retirement',
        reason,
      );
      return { signature: { old: null, new: signatureForAudit(signature) } };
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  /**
   * Approval is an electronic signature: the password is checked first (outside the
   * transaction), then the version becomes effective and the one in force is superseded,
   * at the same instant.
   */
  async approve(ctx: RequestContext, key: string, n: number, password: string, comment: string): Promise<ProcedureVersionResponse> {
    // Refuse early what cannot succeed, so a wrong password is not the first thing reported.
    const reader = this.dataSource.manager;
    const peek = await findVersion(reader, await findProcedure(reader, key), n);
    await checkApprover(reader, ctx, peek);
    if (!canApply('approve', peek.status)) throw notAllowed(peek, 'approve');
    const signer = await this.signatures.confirmSigner(ctx, password);
    const v = await this.dataSource.transaction(async (m) => {
      const procedure = await lockProcedure(m, key);
      const version = await findVersion(m, procedure, n);
      await checkApprover(m, ctx, version);
      if (!canApply('approve', version.status)) throw notAllowed(version, 'approve');
      return this.makeEffective(m, ctx, procedure, version, signer, 'approved', comment);
    });
    return this.library.versionResponse(ctx, key, v.number);
  }

  /**
   * Shared by approval and the baseline adoption: effective now, the previous one superseded.
   * `action` names the audit event: `approve` (a version a person wrote, approved by another) or
   * `adopt` (a shipped baseline version nobody wrote, adopted by a quality manager's signature).
   */
  async makeEffective(
    m: EntityManager,
    ctx: RequestContext,
    procedure: Procedure,
    version: ProcedureVersion,
    signer: Signer,
    meaning: string,
    comment: string | null,
    action: 'approve' | 'adopt' = 'approve',
    extra: Record<string, unknown> = {},
  ): Promise<ProcedureVersion> {
    // Effective from now: the database's clock, or on a fixed day (CLOCK_TODAY, tests and the demo)
    // that day, so that records dated on the days around it are judged against it as in use.
    const [{ now }] = this.clock.fixedInstant()
      ? [{ now: this.clock.fixedInstant()! }]
      : await m.query<{ now: Date }[]>(`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`);
    const previous = await m.getRepository(ProcedureVersion).findOneBy({ procedureId: procedure.id, status: 'effective' });
    if (previous) {
      await m.query(`UPDATE procedure_version SET status = 'superseded', superseded_at = $2 WHERE id = $1`, [previous.id, now]);
    }
    await m.query(`UPDATE procedure_version SET status = 'effective', effective_from = $2 WHERE id = $1`, [version.id, now]);
    const signature = await this.signatures.sign(
      m,
      signer,
      { recordType: PROCEDURE_VERSION, recordId: version.id, recordVersion: version.number, contentHash: version.contentHash },
      meaning,
      comment,
    );
    if (previous) {
      await this.audit.append(m, ctx, {
        action: 'procedure_version.supersede',
        entityType: PROCEDURE_VERSION,
        entityId: previous.id,
        entityVersion: previous.number,
        changes: { status: { old: 'effective', new: 'superseded' }, supersededAt: { old: null, new: now }, supersededBy: { old: null, new: version.number } },
      });
    }
    await this.audit.append(m, ctx, {
      action: `procedure_version.${action}`,
      entityType: PROCEDURE_VERSION,
      entityId: version.id,
      entityVersion: version.number,
      changes: {
        status: { old: version.status, new: 'effective' },
        effectiveFrom: { old: null, new: now },
        signature: { old: null, new: signatureForAudit(signature) },
        ...extra,
      },
      reason: comment,
    });
    return m.getRepository(ProcedureVersion).findOneByOrFail({ id: version.id });
  }

  async insertProcedure(m: EntityManager, key: string): Promise<Procedure> {
    const [row] = await m.query<{ id: string }[]>(`INSERT INTO procedure (key) VALUES ($1) RETURNING id`, [key]);
    return m.getRepository(Procedure).findOneByOrFail({ id: row.id });
  }

  async insertVersion(
    m: EntityManager,
    ctx: RequestContext,
    procedure: Procedure,
    number: number,
    definition: ProcedureDefinition,
    changeSummary: string | null,
    contribution: 'created' | 'imported' | 'baseline',
    acknowledgementRoles?: readonly AcknowledgingRole[],
  ): Promise<ProcedureVersion> {
    const hash = contentHash(definition);
    // The roles asked to acknowledge a version are carried to the next draft unless it names its own.
    const roles = acknowledgementRoles ?? (await rolesOfVersion(m, procedure.id, number - 1));
    // A shipped baseline version is written by nobody here, whoever runs the first import: its
    // content comes with the software, so nobody is named as author (and kept from adopting it).
    const baseline = contribution === 'baseline';
    const authorId = baseline ? null : ctx.actor.id;
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO procedure_version (procedure_id, number, status, definition, content_hash, change_summary, author_id, baseline, acknowledgement_roles)
       VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8::text[]) RETURNING id`,
      [procedure.id, number, JSON.stringify(definition), hash, changeSummary, authorId, baseline, [...roles]],
    );
    if (authorId && !baseline) await addContributor(m, row.id, authorId, contribution === 'created' ? 'created' : 'imported');
    await this.audit.append(m, ctx, {
      action: 'procedure_version.create',
      entityType: PROCEDURE_VERSION,
      entityId: row.id,
      entityVersion: number,
      changes: {
        procedureKey: { old: null, new: procedure.key },
        number: { old: null, new: number },
        status: { old: null, new: 'draft' },
        contentHash: { old: null, new: hash },
        acknowledgementRoles: { old: null, new: [...roles] },
        ...(baseline ? { baseline: { old: null, new: true } } : {}),
        ...(changeSummary ? { changeSummary: { old: null, new: changeSummary } } : {}),
      },
    });
    return m.getRepository(ProcedureVersion).findOneByOrFail({ id: row.id });
  }

  private transition(
    ctx: RequestContext,
    key: string,
    n: number,
    action: Exclude<VersionAction, 'approve' | 'supersede'>,
    reason: string | null,
    apply: (m: EntityManager, v: ProcedureVersion) => Promise<Record<string, unknown> | void>,
  ): Promise<ProcedureVersion> {
    return this.dataSource.transaction(async (m) => {
      const procedure = await lockProcedure(m, key);
      const before = await findVersion(m, procedure, n);
      if (!canApply(action, before.status)) throw notAllowed(before, action);
      const extra = await apply(m, before);
      const after = await m.getRepository(ProcedureVersion).findOneByOrFail({ id: before.id });
      await this.audit.append(m, ctx, {
        action: `procedure_version.${action}`,
        entityType: PROCEDURE_VERSION,
        entityId: after.id,
        entityVersion: after.number,
        changes: { status: { old: before.status, new: after.status }, ...(extra ?? {}) },
        reason,
      });
      return after;
    });
  }
}

/** The roles version `number` of the procedure asks to acknowledge it (none when there is no such version). */
async function rolesOfVersion(m: EntityManager, procedureId: string, number: number): Promise<AcknowledgingRole[]> {
  const [row] = await m.query<{ roles: AcknowledgingRole[] }[]>(
    `SELECT acknowledgement_roles::text[] AS roles FROM procedure_version WHERE procedure_id = $1 AND number = $2`,
    [procedureId, number],
  );
  return row?.roles ?? [];
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function checkDefinition(input: unknown): ProcedureDefinition {
  const result = validateDefinition(input);
  if (!result.ok) {
    throw unprocessable('invalid_definition', `The procedure definition has ${count(result.problems.length, 'problem')}`, {
      errors: result.problems.map((p) => ({ field: definitionField(p.path), message: p.message })),
    });
  }
  return result.definition;
}

/** Problem paths inside the definition, as request field paths (`definition.steps[1].key`). */
function definitionField(path: string): string {
  const inner = path.replace(/^\$\.?/, '').replace(/^\//, '');
  return inner === '' ? 'definition' : `definition.${inner}`;
}

function sameKey(definition: ProcedureDefinition, key: string): void {
  if (definition.key !== key) {
    throw unprocessable('key_mismatch', `The definition's key ${definition.key} differs from the procedure ${key}`, {
      errors: [{ field: 'definition.key', message: `must be ${key}` }],
    });
  }
}

function notEditable(v: ProcedureVersion) {
  return conflict('version_not_editable', `Version ${v.number} is ${v.status}: only a draft can change; create the next version instead`, {
    versionStatus: v.status,
  });
}

function notAllowed(v: ProcedureVersion, action: VersionAction) {
  return conflict('transition_not_allowed', `Cannot ${action} version ${v.number}: it is ${v.status}`, {
    versionStatus: v.status,
    allowedActions: allowedActions(v.status),
  });
}

/** Everyone named as having written the version's content: its author and every contributor. */
async function contributorIds(m: EntityManager, v: ProcedureVersion): Promise<string[]> {
  const rows = await m.query<{
    user_id: string;
  }[]>(`SELECT DISTINCT user_id FROM procedure_version_contributor WHERE version_id = $1`, [v.id]);
  return [...new Set([...rows.map((r) => r.user_id), ...(v.authorId ? [v.authorId] : [])])];
}

/**
 * Four eyes: nobody approves a version whose content they wrote, created, edited or imported.
 * A version nobody is named for (written by the system) has no author who could be excluded, so
 * it cannot be approved at all: a person takes it over by editing the draft, or it is rejected.
 */
async function checkApprover(m: EntityManager, ctx: RequestContext, v: ProcedureVersion): Promise<void> {
  // The shipped baseline has no author either; it is not approved but adopted, as one signed act
  // over the whole baseline (BaselineAdoptionService), never version by version through here.
  if (v.baseline) {
    throw conflict(
      'no_named_author',
      `Version ${v.number} is part of the shipped baseline, written by nobody here: a quality manager adopts the baseline as a whole with their signature (Adopt the baseline, POST /api/procedures/baseline/adopt)`,
      { versionStatus: v.status },
    );
  }
  const contributors = await contributorIds(m, v);
  if (contributors.length === 0) throw noNamedAuthor(v);
  if (ctx.actor.id && contributors.includes(ctx.actor.id)) {
    throw forbidden('author_cannot_approve', 'You wrote part of this version (created, edited or imported it); another quality manager must approve it');
  }
}

function noNamedAuthor(v: ProcedureVersion) {
  return conflict(
    'no_named_author',
    `Nobody is named as author of version ${v.number}: a quality manager takes a draft over by editing it (PUT), then another approves it; a version under review is rejected and drafted again`,
    { versionStatus: v.status },
  );
}

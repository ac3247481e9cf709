import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import type { Signature } from '../signatures/signature.entity.js';
import { userById, userNames } from '../users/users.queries.js';
import { diffDefinitions } from './definition-diff.js';
import type { VersionStatus } from './document-control.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';
import type { ProcedureListQuery, ProcedureResponse, ProcedureSummaryResponse, ProcedureVersionResponse } from './procedure.dto.js';
import { toProcedureResponse, toSummaryResponse, toVersionResponse } from './procedure.mapper.js';
import { PROCEDURE_VERSION, findProcedure, findVersion, myAcknowledgements } from './procedure-records.js';
import type { Contribution } from './procedure-records.js';

export interface VersionContributor {
  id: string;
  name: string;
  /** What they did, in the order they first did it. */
  contributions: Contribution[];
  firstAt: Date;
}

export interface VersionDetail {
  procedure: Procedure;
  version: ProcedureVersion;
  author: { id: string; name: string } | null;
  /** Everyone who wrote the content (none of them may approve it), in order of first contribution. */
  contributors: VersionContributor[];
  signatures: Signature[];
}

export interface ProcedureOverview {
  procedure: Procedure;
  versions: ProcedureVersion[];
  /** Whether the version in force asks the caller to acknowledge it, and when they did. */
  myAcknowledgement: { required: boolean; acknowledgedAt: Date | null };
}

const NOT_ASKED = { required: false, acknowledgedAt: null };

/** Reads of the procedure library: what is in force, when, signed by whom, and what changed. */
@Injectable()
export class ProcedureLibraryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signatures: SignaturesService,
  ) {}

  /** Every procedure with its versions counted by status, by key; `toAcknowledge`: only those the caller still must acknowledge. */
  async summaries(ctx: RequestContext, q: ProcedureListQuery = {}): Promise<ProcedureSummaryResponse[]> {
    const all = await this.withMine(ctx, await this.list());
    return all.filter((o) => !q.toAcknowledge || (o.myAcknowledgement.required && !o.myAcknowledgement.acknowledgedAt)).map(toSummaryResponse);
  }

  /** A procedure and its versions, with the caller's acknowledgement of the version in force. */
  async procedure(ctx: RequestContext, key: string): Promise<ProcedureResponse> {
    const [o] = await this.withMine(ctx, [await this.get(key)]);
    return toProcedureResponse(o);
  }

  private async withMine(ctx: RequestContext, overviews: ProcedureOverview[]): Promise<ProcedureOverview[]> {
    const inForce = overviews.flatMap((o) => o.versions.filter((v) => v.status === 'effective'));
    const mine = await myAcknowledgements(this.dataSource.manager, ctx.actor, inForce);
    return overviews.map((o) => {
      const effective = o.versions.find((v) => v.status === 'effective');
      return { ...o, myAcknowledgement: (effective && mine.get(effective.id)) || NOT_ASKED };
    });
  }

  /** Every version of a procedure in full, oldest first. */
  async versionResponses(ctx: RequestContext, key: string): Promise<ProcedureVersionResponse[]> {
    const { procedure, versions } = await this.get(key);
    return Promise.all(versions.map(async (v) => toVersionResponse(await this.detail(procedure, v), ctx.actor)));
  }

  /** One version in full, with the actions the caller may take on it. */
  async versionResponse(ctx: RequestContext, key: string, n: number): Promise<ProcedureVersionResponse> {
    return toVersionResponse(await this.version(key, n), ctx.actor);
  }

  /** The version in force at `at`, in full. */
  async effectiveResponse(ctx: RequestContext, key: string, at: Date): Promise<ProcedureVersionResponse> {
    return toVersionResponse(await this.effectiveAt(key, at), ctx.actor);
  }

  async list(): Promise<ProcedureOverview[]> {
    const procedures = await this.dataSource.getRepository(Procedure).find({ order: { key: 'ASC' } });
    const versions = await this.dataSource.getRepository(ProcedureVersion).find({ order: { number: 'ASC' } });
    return procedures.map((procedure) => ({
      procedure,
      versions: versions.filter((v) => v.procedureId === procedure.id),
      myAcknowledgement: NOT_ASKED,
    }));
  }

  async get(key: string): Promise<ProcedureOverview> {
    const procedure = await findProcedure(this.dataSource.manager, key);
    const versions = await this.dataSource.getRepository(ProcedureVersion).find({ where: { procedureId: procedure.id }, order: { number: 'ASC' } });
    return { procedure, versions, myAcknowledgement: NOT_ASKED };
  }

  async version(key: string, n: number): Promise<VersionDetail> {
    const procedure = await findProcedure(this.dataSource.manager, key);
    return this.detail(procedure, await findVersion(this.dataSource.manager, procedure, n));
  }

  async detail(procedure: Procedure, version: ProcedureVersion): Promise<VersionDetail> {
    const author = version.authorId ? await userById(this.dataSource.manager, version.authorId) : null;
    const signatures = await this.signatures.listFor(PROCEDURE_VERSION, [version.id]);
    const contributors = (await this.contributors([version.id])).get(version.id) ?? [];
    return { procedure, version, author: author ? { id: author.id, name: author.name } : null, contributors, signatures };
  }

  /** Every version of the procedure, oldest first (its revision history). */
  async revisions(procedureId: string): Promise<ProcedureVersion[]> {
    return this.dataSource.getRepository(ProcedureVersion).find({ where: { procedureId }, order: { number: 'ASC' } });
  }

  /** The contributors of each version, by version id. */
  async contributors(versionIds: string[]): Promise<Map<string, VersionContributor[]>> {
    const rows = await this.dataSource.query<{ version_id: string; user_id: string; contribution: Contribution; first_at: Date }[]>(
      `SELECT c.version_id, c.user_id, c.contribution, c.first_at FROM procedure_version_contributor c
       WHERE c.version_id = ANY($1) ORDER BY c.first_at, c.user_id, c.contribution`,
      [versionIds],
    );
    // A contributor is a user (a foreign key): the name is always there.
    const names = await userNames(
      this.dataSource.manager,
      rows.map((r) => r.user_id),
    );
    const out = new Map<string, VersionContributor[]>();
    for (const r of rows) {
      const list = out.get(r.version_id) ?? [];
      const known = list.find((c) => c.id === r.user_id);
      if (known) known.contributions.push(r.contribution);
      else list.push({ id: r.user_id, name: names.get(r.user_id)!, contributions: [r.contribution], firstAt: r.first_at });
      out.set(r.version_id, list);
    }
    return out;
  }

  /** The version that was in force at `at`: effective from at or before it, not yet superseded or retired. */
  async effectiveAt(key: string, at: Date): Promise<VersionDetail> {
    const procedure = await findProcedure(this.dataSource.manager, key);
    const version = await this.dataSource
      .getRepository(ProcedureVersion)
      .createQueryBuilder('v')
      .where('v.procedure_id = :id', { id: procedure.id })
      .andWhere('v.effective_from IS NOT NULL AND v.effective_from <= :at', { at })
      .andWhere('(v.superseded_at IS NULL OR v.superseded_at > :at)', { at })
      .andWhere('(v.retired_at IS NULL OR v.retired_at > :at)', { at })
      .orderBy('v.effective_from', 'DESC')
      .getOne();
    if (!version) throw notFound('Procedure version', { detail: `No version of ${key} was in force at ${at.toISOString()}` });
    return this.detail(procedure, version);
  }

  async diff(key: string, n: number, against: number) {
    const procedure = await findProcedure(this.dataSource.manager, key);
    const [to, from] = [await findVersion(this.dataSource.manager, procedure, n), await findVersion(this.dataSource.manager, procedure, against)];
    return { procedureKey: key, from: from.number, to: to.number, changes: diffDefinitions(from.definition, to.definition) };
  }
}

export function statusCounts(versions: ProcedureVersion[]): Record<VersionStatus, number> {
  const counts = { draft: 0, in_review: 0, effective: 0, superseded: 0, rejected: 0, retired: 0 };
  for (const v of versions) counts[v.status]++;
  return counts;
}

import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { ProcedureLibraryService } from '../../procedures/procedure-library.service.js';
import { latestTitles } from '../../procedures/procedures.queries.js';
import type { ProcedureDocumentModel } from '../models/procedure-document.js';
import { isoOrNull, reportHeader, signatureEntry } from './report-header.js';
import type { ReportRequest } from './report-header.js';

/** Who wrote a version nobody is named for: the shipped baseline, imported by the system. */
const SYSTEM_IMPORT = 'Mentoring QMS (import)';

/** Builds the controlled procedure document of one version. */
@Injectable()
export class ProcedureDocumentBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly library: ProcedureLibraryService,
    private readonly clock: Clock,
  ) {}

  async build(ctx: RequestContext, key: string, n: number, req: ReportRequest): Promise<ProcedureDocumentModel> {
    const detail = await this.library.version(key, n);
    const v = detail.version;
    const revisions = await this.library.revisions(detail.procedure.id);
    const contributors = await this.library.contributors(revisions.map((r) => r.id));
    const anchorKey = v.definition.window.procedure;
    let anchorProcedureTitle: ProcedureDocumentModel['anchorProcedureTitle'] = null;
    if (anchorKey) {
      anchorProcedureTitle = (await latestTitles(this.dataSource.manager)).get(anchorKey) ?? null;
    }
    return {
      kind: 'procedure_document',
      ...reportHeader(ctx, req, this.clock.timeZone),
      version: {
        number: v.number,
        status: v.status,
        effectiveFrom: isoOrNull(v.effectiveFrom),
        supersededAt: isoOrNull(v.supersededAt),
        retiredAt: isoOrNull(v.retiredAt),
        contentHash: v.contentHash,
        changeSummary: v.changeSummary,
        contributors: detail.contributors.length
          ? detail.contributors.map((c) => ({ name: c.name, contributions: c.contributions }))
          : v.authorId
            ? []
            : [{ name: SYSTEM_IMPORT, contributions: ['imported'] }],
      },
      definition: v.definition,
      anchorProcedureTitle,
      revisions: revisions.map((r) => ({
        number: r.number,
        status: r.status,
        effectiveFrom: isoOrNull(r.effectiveFrom),
        supersededAt: isoOrNull(r.supersededAt),
        changeSummary: r.changeSummary,
        authorNames: contributors.has(r.id) ? contributors.get(r.id)!.map((c) => c.name) : r.authorId ? [] : [SYSTEM_IMPORT],
      })),
      signatures: detail.signatures.map(signatureEntry),
    };
  }
}

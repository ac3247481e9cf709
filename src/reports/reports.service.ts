import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../common/canonical.js';
import type { RequestContext } from '../common/request-context.js';
import { signatureEntry } from './builders/report-header.js';
import { eventsInScope } from './builders/audit-scope.js';
import { EvidenceModelBuilder } from './builders/evidence-model.builder.js';
import type { EvidenceBuild, EvidenceRequest } from './builders/evidence-model.builder.js';
import {
  AUDIT_EVENTS,
  BUNDLE_FORMAT,
  README,
  README_TEXT,
  VERIFIER,
  VERIFIER_SOURCE,
  REPORT_MODEL,
  REPORT_PDF,
  auditChainVerification,
  procedureFileName,
} from './bundle/bundle-format.js';
import type { BundleManifest, CitedProcedureVersion } from './bundle/bundle-format.js';
import { writeBundle } from './bundle/bundle-writer.js';
import type { BundleEntry } from './bundle/bundle-writer.js';
import { renderEvidenceReport } from './evidence-report.js';
import { reportFingerprint } from './fingerprint.js';
import type { EvidenceJsonResponse } from './reports.dto.js';
import { versionsById } from '../procedures/procedures.queries.js';
import { currentPlan } from '../programmes/programmes.queries.js';
import { SignaturesService } from '../signatures/signatures.service.js';

/** An evidence bundle ready to be written. */
export interface EvidenceBundle {
  programmeName: string;
  generatedAt: string;
  fingerprint: string;
  write(out: Writable): Promise<BundleManifest>;
}

/** Produces the programme evidence report and the evidence bundle. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evidence: EvidenceModelBuilder,
    private readonly signatures: SignaturesService,
  ) {}

  buildEvidence(ctx: RequestContext, programmeId: string, req: EvidenceRequest): Promise<EvidenceBuild> {
    return this.evidence.build(ctx, programmeId, req);
  }

  /** The evidence report's model with its fingerprint (GET .../evidence.json). */
  async evidenceJson(ctx: RequestContext, programmeId: string, req: EvidenceRequest): Promise<EvidenceJsonResponse> {
    const { model } = await this.buildEvidence(ctx, programmeId, req);
    return { fingerprint: reportFingerprint(model), model };
  }

  /**
   * The evidence bundle, built (so refusals still answer as problem documents) but not yet written:
   * what its headers say, and `write` to stream the tar.
   */
  async evidenceBundle(ctx: RequestContext, programmeId: string, req: EvidenceRequest): Promise<EvidenceBundle> {
    const build = await this.buildEvidence(ctx, programmeId, req);
    const { model } = build;
    return {
      programmeName: model.programme.name,
      generatedAt: model.generatedAt,
      fingerprint: reportFingerprint(model),
      write: (out) => this.writeEvidenceBundle(build, out),
    };
  }

  /**
   * The bundle: the report rendered to a temporary file (bounded memory), the model, the audit
   * events in scope and the cited procedure versions, then one tar stream to `out`.
   */
  private async writeEvidenceBundle(build: EvidenceBuild, out: Writable): Promise<BundleManifest> {
    const { model, scope } = build;
    const programmeId = model.programme.id;
    const dir = await mkdtemp(join(tmpdir(), 'qms-bundle-'));
    try {
      const pdf = join(dir, REPORT_PDF);
      await renderEvidenceReport(model, createWriteStream(pdf));
      const events = join(dir, AUDIT_EVENTS);
      const sink = createWriteStream(events);
      for await (const batch of eventsInScope(this.dataSource.manager, scope.entityIds, scope.headSeq)) {
        if (!sink.write(batch.map((e) => JSON.stringify(e)).join('\n') + '\n'))
          await new Promise<void>((r) => sink.once('drain', () => r()));
      }
      sink.end();
      await finished(sink);
      const entries: BundleEntry[] = [
        { path: REPORT_PDF, file: pdf },
        { path: REPORT_MODEL, data: Buffer.from(canonicalJson(model)) },
        { path: AUDIT_EVENTS, file: events },
        ...(await this.citedProcedures(programmeId)).map((v) => ({
          path: procedureFileName(v.key, v.number),
          data: Buffer.from(canonicalJson(v)),
        })),
        { path: VERIFIER, file: VERIFIER_SOURCE },
        { path: README, data: Buffer.from(README_TEXT) },
      ];
      return await writeBundle(
        out,
        {
          format: BUNDLE_FORMAT,
          programme: { id: model.programme.id, name: model.programme.name },
          lang: model.lang,
          generatedAt: model.generatedAt,
          generatedBy: model.generatedBy,
          fingerprint: reportFingerprint(model),
          auditChain: {
            headSeq: model.auditTrail.chainHead.seq,
            headHash: model.auditTrail.chainHead.hash,
            eventsInScope: model.auditTrail.eventsInScope,
            ...auditChainVerification(model.auditTrail.verification),
          },
        },
        entries,
        new Date(model.generatedAt),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async citedProcedures(programmeId: string): Promise<CitedProcedureVersion[]> {
    const m = this.dataSource.manager;
    const plan = await currentPlan(m, programmeId);
    const versions = await versionsById(
      m,
      plan.map((e) => e.versionId),
    );
    const rows = plan.map((e) => versions.get(e.versionId)!);
    const signatures = await this.signatures.listFor(
      'procedure_version',
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      key: r.procedureKey,
      number: r.number,
      status: r.status,
      contentHash: r.contentHash,
      effectiveFrom: r.effectiveFrom ? r.effectiveFrom.toISOString() : null,
      supersededAt: r.supersededAt ? r.supersededAt.toISOString() : null,
      definition: r.definition,
      signatures: signatures.filter((s) => s.recordId === r.id).map(signatureEntry),
    }));
  }
}

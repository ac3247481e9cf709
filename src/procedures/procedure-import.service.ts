import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { systemContext } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { contentHash, loadProcedureDirectory } from './definition-validation.js';
import type { ProcedureDefinition, Subject } from './procedure-definition.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';
import { PROCEDURE_VERSION, addContributor } from './procedure-records.js';
import { ProceduresService } from './procedures.service.js';

export interface ImportReport {
  /** New procedures; `baseline` when version 1 is part of the shipped baseline, in review until adopted. */
  created: { key: string; file: string; version: number; baseline: boolean }[];
  drafted: { key: string; file: string; version: number }[];
  updated: { key: string; file: string; version: number }[];
  unchanged: { key: string; file: string; version: number }[];
  skipped: { key: string; file: string; reason: string }[];
}

/** Serialises imports and the baseline adoption (lock order step 1). */
export const IMPORT_LOCK_KEY = 726_354_121;

/**
 * Loads procedures/*.yaml into the library. All or nothing: every file is validated before
 * anything is written, and the writes share one transaction. Running it twice writes nothing
 * the second time. On an empty library the shipped procedures become the baseline: versions in
 * review that nobody wrote, which a quality manager adopts with their signature (meaning
 * `baseline adoption`); after that every change needs a person's approval.
 */
@Injectable()
export class ProcedureImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ProcedureImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProceduresService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.importProceduresOnStart) return;
    try {
      const report = await this.importDirectory(this.config.proceduresDir);
      this.logger.log(summarise(report));
    } catch (e) {
      // A broken file must not take the service down: the library in force stays usable.
      this.logger.error(`procedure import refused, nothing written: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * `ctx` names who imports: the system at start-up (it may only load the shipped baseline into
   * an empty library, for adoption; changes are skipped), or a quality manager (the command line's `--as`), who
   * becomes the author of every draft the import writes.
   */
  async importDirectory(dir: string, ctx: RequestContext = systemContext()): Promise<ImportReport> {
    if (ctx.actor.id !== null && !ctx.actor.roles.includes('quality_manager')) {
      throw new Error(`${ctx.actor.email} is not a quality manager: procedures are imported (and authored) by quality managers`);
    }
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      // A file may anchor on a procedure that is in the library but has no file (created through
      // the API): the library's procedures, with the subject of their latest version, are known.
      const library = await m.query<{ key: string; subject: Subject }[]>(
        `SELECT DISTINCT ON (p.key) p.key, v.definition->>'subject' AS subject
         FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id ORDER BY p.key, v.number DESC`,
      );
      // Validated in full before anything is written; a refusal rolls back the (empty) transaction.
      const { definitions: files } = loadProcedureDirectory(dir, { known: new Map(library.map((r) => [r.key, r.subject])) });
      const baseline = library.length === 0;
      const report: ImportReport = { created: [], drafted: [], updated: [], unchanged: [], skipped: [] };
      for (const { file, definition } of files) {
        await this.importOne(m, ctx, file, definition, baseline, report);
      }
      return report;
    });
  }

  private async importOne(m: EntityManager, ctx: RequestContext, file: string, definition: ProcedureDefinition, baseline: boolean, report: ImportReport) {
    const key = definition.key;
    const summary = `Imported from procedures/${file}`;
    const procedure = await m.getRepository(Procedure).findOneBy({ key });
    // Outside the shipped baseline, what a file brings becomes a draft someone must approve, and
    // nobody may approve what they wrote: the draft needs a named author, the person importing.
    const person = ctx.actor.id !== null;
    if (!procedure) {
      if (!baseline && !person) {
        report.skipped.push({ key, file, reason: NAMED_IMPORTER });
        return;
      }
      const created = await this.procedures.insertProcedure(m, key);
      const v1 = await this.procedures.insertVersion(m, ctx, created, 1, definition, summary, baseline ? 'baseline' : 'imported');
      if (baseline) {
        // The baseline is submitted for review at once and waits there: nobody wrote it here, so
        // nobody can approve it (issue 11); a quality manager adopts it with their signature
        // (BaselineAdoptionService). Until then nothing is in force and no execution starts.
        await m.query(`UPDATE procedure_version SET status = 'in_review', submitted_at = now() WHERE id = $1`, [v1.id]);
        await this.audit.append(m, ctx, {
          action: 'procedure_version.submit',
          entityType: PROCEDURE_VERSION,
          entityId: v1.id,
          entityVersion: 1,
          changes: { status: { old: 'draft', new: 'in_review' } },
          reason: 'baseline import: awaits adoption by a quality manager',
        });
      }
      report.created.push({ key, file, version: 1, baseline });
      return;
    }
    const versions = await m.getRepository(ProcedureVersion).find({ where: { procedureId: procedure.id }, order: { number: 'DESC' } });
    const latest = versions[0];
    const hash = contentHash(definition);
    if (latest.contentHash === hash) {
      report.unchanged.push({ key, file, version: latest.number });
      return;
    }
    if (!person) {
      report.skipped.push({ key, file, reason: NAMED_IMPORTER });
      return;
    }
    const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
    if (!open) {
      const v = await this.procedures.insertVersion(m, ctx, procedure, latest.number + 1, definition, summary, 'imported');
      report.drafted.push({ key, file, version: v.number });
      return;
    }
    if (open.status === 'draft' && (await onlyImported(m, open.id))) {
      // A draft only imports made follows the file; a draft a person wrote or edited is never overwritten.
      await m.query(`UPDATE procedure_version SET definition = $2, content_hash = $3, row_version = row_version + 1 WHERE id = $1 AND status = 'draft'`, [
        open.id,
        JSON.stringify(definition),
        hash,
      ]);
      await addContributor(m, open.id, ctx.actor.id!, 'imported');
      await this.audit.append(m, ctx, {
        action: 'procedure_version.update',
        entityType: PROCEDURE_VERSION,
        entityId: open.id,
        entityVersion: open.number,
        changes: { contentHash: { old: open.contentHash, new: hash } },
        reason: summary,
      });
      report.updated.push({ key, file, version: open.number });
      return;
    }
    report.skipped.push({ key, file, reason: `version ${open.number} is ${open.status} (by a person); finish it before importing a change` });
  }
}

const NAMED_IMPORTER =
  'a new or changed procedure becomes a draft with a named author: import it as a quality manager (npm run qms -- procedures:import --as EMAIL)';

/** Whether every contribution to a draft came from an import (a person's draft is never overwritten). */
async function onlyImported(m: EntityManager, versionId: string): Promise<boolean> {
  const [row] = await m.query<{ others: number }[]>(
    `SELECT count(*) FILTER (WHERE contribution <> 'imported')::int AS others FROM procedure_version_contributor WHERE version_id = $1`,
    [versionId],
  );
  const [version] = await m.query<{ author_id: string | null }[]>(`SELECT author_id FROM procedure_version WHERE id = $1`, [versionId]);
  return row.others === 0 && (version.author_id === null || (await importedBy(m, versionId, version.author_id)));
}

async function importedBy(m: EntityManager, versionId: string, userId: string): Promise<boolean> {
  const rows = await m.query<unknown[]>(
    `SELECT 1 FROM procedure_version_contributor WHERE version_id = $1 AND user_id = $2 AND contribution = 'imported'`,
    [versionId, userId],
  );
  return rows.length > 0;
}

export function summarise(r: ImportReport): string {
  const parts = [
    `${r.created.length} created${r.created.some((c) => c.baseline) ? ' (baseline, awaiting adoption)' : ''}`,
    `${r.drafted.length} new draft(s)`,
    `${r.updated.length} draft(s) updated`,
    `${r.unchanged.length} unchanged`,
    `${r.skipped.length} skipped`,
  ];
  const skipped = r.skipped.map((s) => `\n  skipped ${s.file}: ${s.reason}`).join('');
  return `procedures imported: ${parts.join(', ')}${skipped}`;
}

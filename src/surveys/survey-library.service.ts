import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canonicalHash } from '../common/canonical.js';
import { Clock } from '../common/clock.js';
import { conflict, forbidden, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { systemContext } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import { validateSurveyContent } from './survey-content.js';
import type { SurveyContent } from './survey-content.js';
import { SurveyFileError, loadSurveyDirectory } from './survey-files.js';
import type {
  ApproveSurveyVersionRequest,
  CreateSurveyRequest,
  CreateSurveyVersionRequest,
  SurveyImportItemResponse,
  SurveyImportResponse,
  SurveyResponse,
  SurveySummaryResponse,
} from './survey.dto.js';
import { toSurveyResponse, toSurveySummaryResponse } from './survey.mapper.js';
import { versionInForce, versionState } from './survey-versions.js';
import {
  allSurveys,
  insertSurvey,
  insertSurveyVersion,
  markSurveyVersionApproved,
  markSurveyVersionRejected,
  surveyById,
  surveyByKey,
  surveyVersionsOf,
} from './surveys.queries.js';
import type { SurveyRow, SurveyVersionRow } from './surveys.queries.js';

export const SURVEY = 'survey';
export const SURVEY_VERSION = 'survey_version';
/** Serialises imports of the shipped surveys (lock order step 1). */
const SURVEY_IMPORT_LOCK_KEY = 726_354_131;

/**
 * The survey library under document control: each write is one transaction that locks the survey
 * row first and is audited in it; approval is an electronic signature by someone who did not write
 * the version.
 */
@Injectable()
export class SurveyLibraryService implements OnApplicationBootstrap {
  private readonly logger = new Logger('SurveyImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.importProceduresOnStart) return;
    try {
      const items = await this.importDirectory(systemContext());
      const created = items.filter((i) => i.outcome === 'created').length;
      if (created > 0) this.logger.log(`surveys imported: ${created} shipped survey(s) awaiting approval`);
    } catch (e) {
      // A broken file must not take the service down: the surveys in force stay usable.
      this.logger.error(e instanceof Error ? e.message : String(e));
    }
  }

  async list(): Promise<SurveySummaryResponse[]> {
    const m = this.dataSource.manager;
    const surveys = await allSurveys(m);
    const versions = await surveyVersionsOf(
      m,
      surveys.map((s) => s.id),
    );
    const today = this.clock.today();
    return surveys.map((s) =>
      toSurveySummaryResponse(
        s,
        versions.filter((v) => v.surveyId === s.id),
        today,
      ),
    );
  }

  async get(id: string): Promise<SurveyResponse> {
    return this.detail(this.dataSource.manager, id);
  }

  async create(ctx: RequestContext, body: CreateSurveyRequest): Promise<SurveyResponse> {
    const content = checkContent(body.content);
    return this.dataSource.transaction(async (m) => {
      if (await surveyByKey(m, content.key)) throw keyTaken(content.key);
      const id = await insertSurvey(m, content.key, ctx.actor.id);
      await this.audit.append(m, ctx, {
        action: 'survey.create',
        entityType: SURVEY,
        entityId: id,
        entityVersion: 1,
        changes: { key: { old: null, new: content.key } },
      });
      await this.draft(m, ctx, { id, key: content.key }, 1, content, body.changeSummary?.trim() || null, false);
      return this.detail(m, id);
    });
  }

  async createVersion(ctx: RequestContext, id: string, body: CreateSurveyVersionRequest): Promise<SurveyResponse> {
    const content = checkContent(body.content);
    return this.dataSource.transaction(async (m) => {
      const survey = await surveyById(m, id, true);
      if (!survey) throw notFound('Survey');
      if (content.key !== survey.key)
        throw validationFailed([{ field: 'content.key', message: `must be ${survey.key}, the key of the survey` }]);
      const versions = await surveyVersionsOf(m, [id]);
      const open = versions.find((v) => v.status === 'draft');
      if (open)
        throw conflict('survey_draft_exists', `Version ${open.number} of ${survey.key} is still a draft; approve or reject it first`, {
          openVersion: open.number,
        });
      await this.draft(m, ctx, survey, (versions.at(-1)?.number ?? 0) + 1, content, body.changeSummary?.trim() || null, false);
      return this.detail(m, id);
    });
  }

  /** The password is checked first, outside the transaction (slow, and it must hold no locks). */
  async approve(ctx: RequestContext, id: string, n: number, body: ApproveSurveyVersionRequest): Promise<SurveyResponse> {
    const peek = await this.draftOf(this.dataSource.manager, id, n, 'approve');
    checkApprover(ctx, peek.version);
    const signer = await this.signatures.confirmSigner(ctx, body.password);
    return this.dataSource.transaction(async (m) => {
      const { survey, version, versions } = await this.draftOf(m, id, n, 'approve', true);
      checkApprover(ctx, version);
      const today = this.clock.today();
      const effectiveOn = body.effectiveOn ?? today;
      if (effectiveOn < today)
        throw unprocessable('effective_date_invalid', `A version cannot come into force on a day that has passed (today is ${today})`, {
          errors: [{ field: 'effectiveOn', message: 'must be today or later' }],
        });
      const inForce = versionInForce(versions, today);
      await markSurveyVersionApproved(m, version.id, effectiveOn);
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: SURVEY_VERSION, recordId: version.id, recordVersion: n, contentHash: version.contentHash },
        'approved',
        body.comment,
      );
      await this.audit.append(m, ctx, {
        action: 'survey_version.approve',
        entityType: SURVEY_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: {
          surveyKey: { old: null, new: survey.key },
          status: { old: 'draft', new: 'approved' },
          effectiveOn: { old: null, new: effectiveOn },
          signature: { old: null, new: signatureForAudit(signature) },
          ...(inForce ? { supersedes: { old: null, new: inForce.number } } : {}),
        },
        reason: body.comment,
      });
      return this.detail(m, id);
    });
  }

  async reject(ctx: RequestContext, id: string, n: number, comment: string): Promise<SurveyResponse> {
    return this.dataSource.transaction(async (m) => {
      const { survey, version } = await this.draftOf(m, id, n, 'reject', true);
      await markSurveyVersionRejected(m, version.id, comment);
      await this.audit.append(m, ctx, {
        action: 'survey_version.reject',
        entityType: SURVEY_VERSION,
        entityId: version.id,
        entityVersion: n,
        changes: { surveyKey: { old: null, new: survey.key }, status: { old: 'draft', new: 'rejected' } },
        reason: comment,
      });
      return this.detail(m, id);
    });
  }

  async importShipped(ctx: RequestContext): Promise<SurveyImportResponse> {
    try {
      return { items: await this.importDirectory(ctx) };
    } catch (e) {
      if (!(e instanceof SurveyFileError)) throw e;
      throw unprocessable('survey_file_invalid', e.problems.map((p) => `${p.where} ${p.message}`).join('; '), {
        errors: e.problems.map((p) => ({ field: p.where, message: p.message })),
      });
    }
  }

  /**
   * All or nothing: every file is checked before anything is written. A new survey arrives as a
   * shipped draft (nobody here wrote it: any quality manager may approve it); a changed file
   * becomes a draft authored by the quality manager importing it (the system skips it); an
   * unchanged one writes nothing.
   */
  private async importDirectory(ctx: RequestContext): Promise<SurveyImportItemResponse[]> {
    const files = loadSurveyDirectory(join(this.config.proceduresDir, 'surveys'));
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SURVEY_IMPORT_LOCK_KEY]);
      const items: SurveyImportItemResponse[] = [];
      for (const { file, content } of files) {
        const item = (outcome: SurveyImportItemResponse['outcome'], version: number | null, reason: string | null = null) =>
          items.push({ key: content.key, file, outcome, version, reason });
        const existing = await surveyByKey(m, content.key);
        if (!existing) {
          const id = await insertSurvey(m, content.key, null);
          await this.audit.append(m, ctx, {
            action: 'survey.create',
            entityType: SURVEY,
            entityId: id,
            entityVersion: 1,
            changes: { key: { old: null, new: content.key } },
            reason: `Imported from procedures/surveys/${file}`,
          });
          await this.draft(m, ctx, { id, key: content.key }, 1, content, `Shipped with the service (procedures/surveys/${file})`, true);
          item('created', 1);
          continue;
        }
        const survey = (await surveyById(m, existing.id, true))!;
        const versions = await surveyVersionsOf(m, [survey.id]);
        const latest = versions.at(-1)!;
        if (latest.contentHash === canonicalHash(content)) {
          item('unchanged', latest.number);
          continue;
        }
        if (ctx.actor.id === null) {
          item('skipped', null, 'a changed survey becomes a draft with a named author: import it as a quality manager');
          continue;
        }
        const open = versions.find((v) => v.status === 'draft');
        if (open) {
          item('skipped', null, `version ${open.number} is still a draft; approve or reject it before importing a change`);
          continue;
        }
        await this.draft(m, ctx, survey, latest.number + 1, content, `Imported from procedures/surveys/${file}`, false);
        item('drafted', latest.number + 1);
      }
      return items;
    });
  }

  private async draft(
    m: EntityManager,
    ctx: RequestContext,
    survey: Pick<SurveyRow, 'id' | 'key'>,
    number: number,
    content: SurveyContent,
    changeSummary: string | null,
    shipped: boolean,
  ): Promise<void> {
    const contentHash = canonicalHash(content);
    const versionId = await insertSurveyVersion(m, {
      surveyId: survey.id,
      number,
      content,
      contentHash,
      changeSummary,
      authorId: shipped ? null : ctx.actor.id,
      shipped,
    });
    await this.audit.append(m, ctx, {
      action: 'survey_version.create',
      entityType: SURVEY_VERSION,
      entityId: versionId,
      entityVersion: number,
      changes: {
        surveyKey: { old: null, new: survey.key },
        number: { old: null, new: number },
        status: { old: null, new: 'draft' },
        contentHash: { old: null, new: contentHash },
        shipped: { old: null, new: shipped },
        ...(changeSummary ? { changeSummary: { old: null, new: changeSummary } } : {}),
      },
    });
  }

  /** Version n of the survey, which must be a draft for `action`. */
  private async draftOf(
    m: EntityManager,
    id: string,
    n: number,
    action: 'approve' | 'reject',
    lock = false,
  ): Promise<{ survey: SurveyRow; version: SurveyVersionRow; versions: SurveyVersionRow[] }> {
    const survey = await surveyById(m, id, lock);
    if (!survey) throw notFound('Survey');
    const versions = await surveyVersionsOf(m, [id]);
    const version = versions.find((v) => v.number === n);
    if (!version) throw notFound(`Version ${n} of the survey`);
    if (version.status !== 'draft') {
      const today = this.clock.today();
      const state = versionState(version, versionInForce(versions, today), today);
      throw conflict('transition_not_allowed', `Cannot ${action} version ${n} of ${survey.key}: it is ${state}`, { versionState: state });
    }
    return { survey, version, versions };
  }

  private async detail(m: EntityManager, id: string): Promise<SurveyResponse> {
    const survey = await surveyById(m, id);
    if (!survey) throw notFound('Survey');
    const versions = await surveyVersionsOf(m, [id]);
    const signatures = await this.signatures.listFor(
      SURVEY_VERSION,
      versions.map((v) => v.id),
      m,
    );
    return toSurveyResponse(survey, versions, signatures, this.clock.today());
  }
}

/** Four eyes: nobody approves a version they wrote. A shipped version was written by nobody here. */
function checkApprover(ctx: RequestContext, v: SurveyVersionRow): void {
  if (v.authorId !== null && v.authorId === ctx.actor.id) {
    throw forbidden('survey_author_cannot_approve', 'You wrote this version of the survey; another quality manager must approve it');
  }
}

function checkContent(input: Record<string, unknown>): SurveyContent {
  const checked = validateSurveyContent(input);
  if (!checked.ok)
    throw validationFailed(checked.problems.map((p) => ({ field: p.path ? `content.${p.path}` : 'content', message: p.message })));
  return checked.content;
}

function keyTaken(key: string) {
  return conflict('survey_key_taken', `A survey with the key ${key} exists already; write a new version of it instead`);
}

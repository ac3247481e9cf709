import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { canonicalHash } from '../common/canonical.js';
import { conflict } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import type { Signer } from '../signatures/signatures.service.js';
import type { LocalisedText } from './procedure-definition.js';
import type { BaselineResponse } from './baseline.dto.js';
import { toBaselineResponse } from './baseline.mapper.js';
import { IMPORT_LOCK_KEY } from './procedure-import.service.js';
import { ProcedureVersion } from './procedure-version.entity.js';
import { Procedure } from './procedure.entity.js';
import { PROCEDURE_VERSION } from './procedure-records.js';
import { ProceduresService } from './procedures.service.js';

/** What a signature adopting the baseline means (printed verbatim in the reports). */
export const BASELINE_ADOPTION = 'baseline adoption';

export interface BaselineEntry {
  key: string;
  version: number;
  title: LocalisedText;
  contentHash: string;
}

export interface BaselineView {
  /** `none`: this library never had a shipped baseline to adopt (or it predates adoption). */
  state: 'none' | 'awaiting_adoption' | 'adopted';
  procedures: BaselineEntry[];
  /** SHA-256 of the canonical JSON of the list of {key, version, contentHash}, ordered by key. */
  baselineHash: string | null;
  adoptedBy: { id: string | null; name: string } | null;
  adoptedAt: Date | null;
  meaning: string | null;
}

/**
 * Adopting the shipped baseline: the signed act by which a quality manager makes the procedures
 * loaded at first start (versions in review, written by nobody here) effective.
 *
 * Why this is not an approval, and how the separation of duties still holds: an approval is the
 * second pair of eyes on a version a named person wrote, and a version nobody is named for cannot
 * be approved (`checkApprover` refuses baseline versions too). The baseline has no author inside
 * the organisation; the act that makes it ours is a quality manager accepting the supplier's text
 * as it stands. So:
 * - only versions marked `baseline` when they were written (a mark a trigger keeps from changing)
 *   and still in review are adopted; no other version can take this path, and a baseline version
 *   can take no other path to `effective`;
 * - nobody can have written part of them: a version in review cannot be edited, so an adopter is
 *   never also an author (the four-eyes rule for any later change is untouched);
 * - the whole baseline is adopted at once, under the signer's re-entered password, with the
 *   meaning `baseline adoption` (not `approved`), so the records say what happened.
 * Every version gets its own signature binding its content hash (the reports list it beside the
 * version as they list approvals), and every signature's comment and audit event carry the hash
 * of the canonical list of {key, version, contentHash}, binding the set that was adopted together.
 * Audit: one `procedure_version.adopt` event per version (as approvals have one per version), each
 * with its signature and the baseline hash, all in the one transaction.
 */
@Injectable()
export class BaselineAdoptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProceduresService,
    private readonly signatures: SignaturesService,
  ) {}

  /** The baseline: awaiting adoption, adopted (by whom, when) or none. */
  async view(): Promise<BaselineResponse> {
    return toBaselineResponse(await this.viewOf(this.dataSource.manager));
  }

  private async viewOf(m: EntityManager): Promise<BaselineView> {
    const versions = await baselineVersions(m);
    const awaiting = versions.filter((v) => v.status === 'in_review');
    if (awaiting.length > 0) return { ...describe(awaiting), state: 'awaiting_adoption', adoptedBy: null, adoptedAt: null, meaning: null };
    const signatures = (await this.signatures.listFor(PROCEDURE_VERSION, versions.map((v) => v.id), m)).filter((s) => s.meaning === BASELINE_ADOPTION);
    const adopted = versions.filter((v) => signatures.some((s) => s.recordId === v.id));
    if (adopted.length === 0) return { state: 'none', procedures: [], baselineHash: null, adoptedBy: null, adoptedAt: null, meaning: null };
    const first = signatures[0];
    return {
      ...describe(adopted),
      state: 'adopted',
      adoptedBy: { id: first.signerId, name: first.signerName },
      adoptedAt: first.signedAt,
      meaning: BASELINE_ADOPTION,
    };
  }

  /**
   * Checks first what cannot succeed (nothing awaiting: 409), then the password (outside the
   * transaction, through the throttled check: 401 and nothing signed), then adopts under the
   * import lock, so a second or concurrent adoption finds nothing left and answers 409.
   */
  async adopt(ctx: RequestContext, password: string): Promise<BaselineResponse> {
    await this.awaiting(this.dataSource.manager);
    const signer = await this.signatures.confirmSigner(ctx, password);
    return this.dataSource.transaction(async (m) => {
      // Lock order 1 (the import's advisory lock), then 2 (the procedure rows, in id order).
      await m.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      const peek = await this.awaiting(m);
      await m.query(`SELECT id FROM procedure WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [peek.map((v) => v.procedureId)]);
      const versions = await this.awaiting(m);
      await this.adoptAll(m, ctx, signer, versions);
      return toBaselineResponse(await this.viewOf(m));
    });
  }

  private async adoptAll(m: EntityManager, ctx: RequestContext, signer: Signer, versions: ProcedureVersion[]): Promise<void> {
    const { baselineHash } = describe(versions);
    const comment = `Shipped baseline of ${versions.length} procedure(s) adopted together; list hash ${baselineHash}`;
    for (const version of versions) {
      const procedure = await m.getRepository(Procedure).findOneByOrFail({ id: version.procedureId });
      await this.procedures.makeEffective(m, ctx, procedure, version, signer, BASELINE_ADOPTION, comment, 'adopt', {
        baselineHash: { old: null, new: baselineHash },
      });
    }
  }

  /** The baseline versions in review, by procedure key; 409 when there are none. */
  private async awaiting(m: EntityManager): Promise<ProcedureVersion[]> {
    const versions = (await baselineVersions(m)).filter((v) => v.status === 'in_review');
    if (versions.length > 0) return versions;
    const view = await this.viewOf(m);
    throw conflict(
      'no_baseline_awaiting_adoption',
      view.state === 'adopted'
        ? `The shipped baseline was already adopted by ${view.adoptedBy!.name} on ${view.adoptedAt!.toISOString()}; nothing is left to adopt`
        : 'No shipped baseline awaits adoption: the library was not empty when the procedures were first loaded',
      { state: view.state },
    );
  }
}

/** Every baseline version, ordered by procedure key (the order they are adopted and listed in). */
async function baselineVersions(m: EntityManager): Promise<ProcedureVersion[]> {
  const versions = await m.getRepository(ProcedureVersion).find({ where: { baseline: true } });
  return versions.sort((a, b) => byKey(a.definition.key, b.definition.key));
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function describe(versions: ProcedureVersion[]): { procedures: BaselineEntry[]; baselineHash: string } {
  const procedures = versions.map((v) => ({ key: v.definition.key, version: v.number, title: v.definition.title, contentHash: v.contentHash }));
  return { procedures, baselineHash: canonicalHash(procedures.map(({ key, version, contentHash }) => ({ key, version, contentHash }))) };
}

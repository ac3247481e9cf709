import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { canonicalHash, canonicalJson } from '../common/canonical.js';
import type { RequestContext } from '../common/request-context.js';
import { Signature } from './signature.entity.js';

export type SignatureSubject = {
  recordType: string;
  recordId: string;
  recordVersion: number | null;
} & (
  | {
      /** The hash of content kept elsewhere (a procedure version's definition). */
      contentHash: string | null;
    }
  | {
      /** The content itself, kept with the signature; its hash is computed here. */
      content: Record<string, unknown>;
    }
);

/** Who signs: a person who re-entered their password, or the system itself. */
export type Signer = { kind: 'person'; id: string; name: string; email: string } | { kind: 'system' };

/**
 * Electronic signatures (in the manner of 21 CFR Part 11 / EU GMP Annex 11): the signer
 * re-enters their password at the moment of signing; the signature records printed name,
 * meaning, time and exactly what was signed.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  /**
   * Checks the signer's password. Done before the signing transaction opens: the hash check
   * is slow and must not hold locks. Wrong password -> 401 `invalid_password`, nothing signed.
   */
  async confirmSigner(ctx: RequestContext, password: string): Promise<Signer> {
    const user = await this.auth.confirmPassword(ctx.actor.id!, password, ctx.clientAddress);
    return { kind: 'person', id: user.id, name: user.name, email: user.email };
  }

  async sign(m: EntityManager, signer: Signer, subject: SignatureSubject, meaning: string, comment: string | null): Promise<Signature> {
    const person = signer.kind === 'person' ? signer : null;
    const content = 'content' in subject ? subject.content : null;
    const contentHash = content ? canonicalHash(content) : 'contentHash' in subject ? subject.contentHash : null;
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO signature (signer_id, signer_name, signer_email, meaning, comment, signed_at, record_type, record_id, record_version, content_hash, signed_content)
       VALUES ($1, $2, $3, $4, $5, date_trunc('milliseconds', clock_timestamp()), $6, $7, $8, $9, $10) RETURNING id`,
      [
        person?.id ?? null,
        person?.name ?? 'Mentoring QMS (system)',
        person?.email ?? 'system',
        meaning,
        comment,
        subject.recordType,
        subject.recordId,
        subject.recordVersion,
        contentHash,
        content === null ? null : canonicalJson(content),
      ],
    );
    return m.getRepository(Signature).findOneByOrFail({ id: row.id });
  }

  /** Signatures of one record, or of many records of one type, oldest first. */
  async listFor(recordType: string, recordIds: string[], m: EntityManager = this.dataSource.manager): Promise<Signature[]> {
    if (recordIds.length === 0) return [];
    return m
      .getRepository(Signature)
      .createQueryBuilder('s')
      .where('s.record_type = :recordType AND s.record_id IN (:...recordIds)', { recordType, recordIds })
      .orderBy('s.signed_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }
}

/** A summary of a signature for an audit event's `changes`. */
export function signatureForAudit(s: Signature): Record<string, unknown> {
  return {
    id: s.id,
    signerId: s.signerId,
    signerName: s.signerName,
    meaning: s.meaning,
    signedAt: s.signedAt.toISOString(),
    contentHash: s.contentHash,
  };
}

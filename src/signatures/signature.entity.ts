import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An electronic signature: who signed what, meaning what, when. Its own immutable record
 * (a trigger refuses UPDATE and DELETE), pointing at the signed record by type, id, version
 * and content hash, so the signature stays bound to exactly what was signed.
 */
@Entity({ name: 'signature' })
export class Signature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** null when the system itself signed (the baseline import of releases before the signed baseline adoption). */
  @Column({ name: 'signer_id', type: 'uuid', nullable: true })
  signerId: string | null;

  /** The printed name at the time of signing. */
  @Column({ name: 'signer_name', type: 'text' })
  signerName: string;

  @Column({ name: 'signer_email', type: 'text' })
  signerEmail: string;

  /** What the signature means: `approved`, `baseline import`, `closed`, ... */
  @Column({ type: 'text' })
  meaning: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt: Date;

  @Column({ name: 'record_type', type: 'text' })
  recordType: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  /** The signed record's version (e.g. the procedure version number). */
  @Column({ name: 'record_version', type: 'integer', nullable: true })
  recordVersion: number | null;

  /** SHA-256 of the signed content, when the record has one. */
  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  /**
   * What was signed, when the signature keeps it (closures, board reviews, management reviews):
   * `contentHash` is the SHA-256 of its canonical JSON (RFC 8785).
   */
  @Column({ name: 'signed_content', type: 'jsonb', nullable: true })
  signedContent: Record<string, unknown> | null;
}

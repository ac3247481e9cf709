import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signature binds the content it approves: closures of deviations and corrective actions,
 * board reviews and the closing of management reviews signed nothing but a record id before.
 * The canonical content is kept beside its SHA-256, so anyone can recompute the hash from what
 * was signed and compare it with the record. Older signatures keep a null content.
 */
export class SignedContent1796180000000 implements MigrationInterface {
  name = 'SignedContent1796180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signature ADD COLUMN signed_content jsonb`);
    await q.query(
      `ALTER TABLE signature ADD CONSTRAINT signature_content_hashed CHECK (signed_content IS NULL OR (content_hash IS NOT NULL AND content_hash ~ '^[0-9a-f]{64}$'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE signature DROP CONSTRAINT signature_content_hashed`);
    await q.query(`ALTER TABLE signature DROP COLUMN signed_content`);
  }
}

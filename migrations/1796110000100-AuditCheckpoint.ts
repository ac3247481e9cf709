import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's verification checkpoint (owned by the audit module): events 1..seq were
 * verified, event seq hashing to `hash`. Verifications for reports start from it instead of
 * re-reading the whole chain; the full verification (GET /api/audit-events/verify) still reads
 * everything, records when it last passed, and records the break it found, if any, until a later
 * full verification passes. One row, never deleted or emptied.
 */
export class AuditCheckpoint1796110000100 implements MigrationInterface {
  name = 'AuditCheckpoint1796110000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoint (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL CHECK (seq >= 0),
        hash text NOT NULL,
        verified_at timestamptz,
        full_verified_at timestamptz,
        broken_seq bigint,
        broken_problem text,
        broken_detail text,
        broken_found_at timestamptz,
        CHECK ((broken_seq IS NULL) = (broken_found_at IS NULL))
      )`);
    await q.query(`INSERT INTO audit_checkpoint (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);
    await q.query(
      `CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoint`);
  }
}

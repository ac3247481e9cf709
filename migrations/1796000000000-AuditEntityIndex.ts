import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence exports select a programme's audit events by entity id alone. */
export class AuditEntityIndex1796000000000 implements MigrationInterface {
  name = 'AuditEntityIndex1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_event_entity_id_idx ON audit_event (entity_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_entity_id_idx`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `mail_outbox` rows change state but are never deleted (the table's own documentation says so):
 * "was this reminder sent?" stays answerable, and the unique (recipient, reason) key keeps a rerun
 * from sending a mail again. The database now refuses DELETE as it already refused TRUNCATE.
 */
export class MailOutboxNoDelete1796340000000 implements MigrationInterface {
  name = 'MailOutboxNoDelete1796340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TRIGGER mail_outbox_no_delete BEFORE DELETE ON mail_outbox FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER mail_outbox_no_delete ON mail_outbox`);
  }
}

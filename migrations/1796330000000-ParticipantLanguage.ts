import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's preferred language (en, sv, nb), so that what is sent to them (a survey
 * invitation, its answering page) is in a language they read. Nullable: unknown for everyone
 * enrolled before, and then a send's own language applies.
 */
export class ParticipantLanguage1796330000000 implements MigrationInterface {
  name = 'ParticipantLanguage1796330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ADD COLUMN language text`);
    await q.query(`ALTER TABLE participant ADD CONSTRAINT participant_language_check CHECK (language IN ('en', 'sv', 'nb'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant DROP CONSTRAINT participant_language_check`);
    await q.query(`ALTER TABLE participant DROP COLUMN language`);
  }
}

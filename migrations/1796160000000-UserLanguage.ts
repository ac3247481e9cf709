import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a user chose for the console (English, Swedish or Norwegian bokmål), kept on the
 * account so it follows them to any browser. Null until they choose: the console then goes by the
 * browser's language.
 */
export class UserLanguage1796160000000 implements MigrationInterface {
  name = 'UserLanguage1796160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user ADD COLUMN language text CONSTRAINT app_user_language_check CHECK (language IN ('en', 'sv', 'nb'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN language`);
  }
}

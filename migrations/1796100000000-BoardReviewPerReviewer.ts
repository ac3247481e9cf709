import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One board review per reviewer and corrective action, kept by the database so that concurrent
 * requests cannot beat it. Reviews given twice before this rule are records and stay: the first
 * of each counts, and the later ones (named by id) are left out of the index.
 */
export class BoardReviewPerReviewer1796100000000 implements MigrationInterface {
  name = 'BoardReviewPerReviewer1796100000000';

  async up(q: QueryRunner): Promise<void> {
    const later = (await q.query(
      `SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY corrective_action_id, reviewer_id ORDER BY reviewed_at, id) AS n FROM board_review
       ) r WHERE n > 1 ORDER BY id`,
    )) as { id: string }[];
    const exempt = later.length ? ` WHERE id NOT IN (${later.map((r) => `'${r.id}'::uuid`).join(', ')})` : '';
    await q.query(`CREATE UNIQUE INDEX board_review_one_per_reviewer ON board_review (corrective_action_id, reviewer_id)${exempt}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX board_review_one_per_reviewer`);
  }
}

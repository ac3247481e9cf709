import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A board review that requests changes reopens the corrective action it reviews: the transition
 * back to in_progress names the review that caused it, so the history shows why the action moved.
 */
export class BoardChangesRequested1796150600000 implements MigrationInterface {
  name = 'BoardChangesRequested1796150600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action_transition ADD COLUMN board_review_id uuid REFERENCES board_review (id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action_transition DROP COLUMN board_review_id`);
  }
}

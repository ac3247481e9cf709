import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database itself keeps what the API never does: links between actions and deviations and
 * the attendance of a review are never changed or removed, and a closed review takes no new
 * decisions or attendees.
 */
export class ReviewAndLinkGuards1796010000000 implements MigrationInterface {
  name = 'ReviewAndLinkGuards1796010000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ['corrective_action_deviation', 'management_review_attendee']) {
      await q.query(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    await q.query(`
      CREATE FUNCTION management_review_open_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT state FROM management_review WHERE id = NEW.management_review_id) = 'closed' THEN
          RAISE EXCEPTION 'management review % is closed and takes no additions', NEW.management_review_id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of ['management_review_decision', 'management_review_attendee']) {
      await q.query(`CREATE TRIGGER ${t}_open_review BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION management_review_open_guard()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['management_review_decision', 'management_review_attendee']) await q.query(`DROP TRIGGER ${t}_open_review ON ${t}`);
    await q.query(`DROP FUNCTION management_review_open_guard()`);
    for (const t of ['corrective_action_deviation', 'management_review_attendee']) await q.query(`DROP TRIGGER ${t}_immutable ON ${t}`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deviations (nonconformities), corrective actions, board reviews and management reviews.
 * Every state change is an append-only transition record; a closed deviation keeps its content
 * (only a reopening may move it on), a cancelled one and a closed action never change, and
 * reviews, decisions and transitions are never updated or deleted.
 */
export class DeviationsAndCorrectiveActions1795980000000 implements MigrationInterface {
  name = 'DeviationsAndCorrectiveActions1795980000000';

  async up(q: QueryRunner): Promise<void> {
    // Gap-free reference numbers: the counter row is locked by the allocating transaction until
    // it commits, and a rollback returns the number.
    await q.query(`
      CREATE TABLE reference_counter (
        kind text NOT NULL,
        year integer NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);

    await q.query(`
      CREATE TABLE deviation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        programme_id uuid NOT NULL REFERENCES programme (id),
        title text NOT NULL,
        description text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
        source text NOT NULL CHECK (source IN ('manual', 'internal_audit', 'external_audit', 'participant_feedback', 'system')),
        detected_at timestamptz NOT NULL,
        target_date date NOT NULL,
        execution_id uuid REFERENCES execution (id),
        procedure_key text,
        version_number integer,
        step_key text,
        rule text,
        participant_id uuid REFERENCES participant (id),
        detection_key text,
        containment text,
        root_cause text,
        correction_only_justification text,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'analysis', 'action_plan', 'in_progress', 'closed', 'cancelled')),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX deviation_programme_idx ON deviation (programme_id, state)`);
    // Automatic detection never opens a second deviation for the same finding while one stands.
    await q.query(`CREATE UNIQUE INDEX deviation_detection_once ON deviation (detection_key) WHERE detection_key IS NOT NULL AND state <> 'cancelled'`);

    await q.query(`
      CREATE TABLE deviation_transition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deviation_id uuid NOT NULL REFERENCES deviation (id),
        seq integer NOT NULL,
        from_state text,
        to_state text NOT NULL,
        comment text,
        details jsonb NOT NULL DEFAULT '{}',
        signature_id uuid REFERENCES signature (id),
        actor_id uuid REFERENCES app_user (id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (deviation_id, seq)
      )`);

    await q.query(`
      CREATE TABLE corrective_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN ('correction', 'corrective', 'preventive', 'improvement')),
        description text NOT NULL,
        owner_id uuid NOT NULL REFERENCES app_user (id),
        due_date date NOT NULL,
        effectiveness_criterion text NOT NULL,
        state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed', 'cancelled')),
        implemented_at timestamptz,
        closed_at timestamptz,
        review_decision_id uuid,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE corrective_action_deviation (
        corrective_action_id uuid NOT NULL REFERENCES corrective_action (id),
        deviation_id uuid NOT NULL REFERENCES deviation (id),
        PRIMARY KEY (corrective_action_id, deviation_id)
      )`);
    await q.query(`CREATE INDEX corrective_action_deviation_idx ON corrective_action_deviation (deviation_id)`);
    await q.query(`
      CREATE TABLE corrective_action_transition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corrective_action_id uuid NOT NULL REFERENCES corrective_action (id),
        seq integer NOT NULL,
        from_state text,
        to_state text NOT NULL,
        comment text,
        verdict text CHECK (verdict IN ('effective', 'not_effective')),
        evidence text,
        signature_id uuid REFERENCES signature (id),
        actor_id uuid REFERENCES app_user (id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (corrective_action_id, seq)
      )`);
    await q.query(`
      CREATE TABLE board_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        corrective_action_id uuid NOT NULL REFERENCES corrective_action (id),
        decision text NOT NULL CHECK (decision IN ('endorsed', 'changes_requested', 'escalated')),
        comment text NOT NULL,
        reviewer_id uuid NOT NULL REFERENCES app_user (id),
        signature_id uuid NOT NULL REFERENCES signature (id),
        reviewed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX board_review_action_idx ON board_review (corrective_action_id)`);

    await q.query(`
      CREATE TABLE management_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        held_on date NOT NULL,
        title text NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        inputs_snapshot jsonb,
        closed_at timestamptz,
        signature_id uuid REFERENCES signature (id),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL AND signature_id IS NOT NULL AND inputs_snapshot IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE management_review_attendee (
        management_review_id uuid NOT NULL REFERENCES management_review (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        PRIMARY KEY (management_review_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE management_review_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        management_review_id uuid NOT NULL REFERENCES management_review (id),
        seq integer NOT NULL,
        text text NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (management_review_id, seq)
      )`);
    await q.query(`ALTER TABLE corrective_action ADD CONSTRAINT corrective_action_decision_fk FOREIGN KEY (review_decision_id) REFERENCES management_review_decision (id)`);

    for (const t of ['deviation_transition', 'corrective_action_transition', 'board_review', 'management_review_decision']) {
      await q.query(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    await q.query(`
      CREATE FUNCTION deviation_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'deviations are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.state = 'cancelled'
           OR (OLD.state = 'closed' AND (NEW.state <> 'in_progress'
               OR ROW(NEW.title, NEW.description, NEW.severity, NEW.source, NEW.detected_at, NEW.root_cause, NEW.containment, NEW.reference, NEW.programme_id)
                  IS DISTINCT FROM ROW(OLD.title, OLD.description, OLD.severity, OLD.source, OLD.detected_at, OLD.root_cause, OLD.containment, OLD.reference, OLD.programme_id))) THEN
          RAISE EXCEPTION 'deviation % is % and cannot change (a closed one can only be reopened)', OLD.reference, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER deviation_guard BEFORE UPDATE OR DELETE ON deviation FOR EACH ROW EXECUTE FUNCTION deviation_guard()`);
    await q.query(`
      CREATE FUNCTION closed_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.state IN ('closed', 'cancelled') THEN
          RAISE EXCEPTION '% % is % and cannot change', TG_TABLE_NAME, OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER corrective_action_guard BEFORE UPDATE OR DELETE ON corrective_action FOR EACH ROW EXECUTE FUNCTION closed_record_guard()`);
    await q.query(`CREATE TRIGGER management_review_guard BEFORE UPDATE OR DELETE ON management_review FOR EACH ROW EXECUTE FUNCTION closed_record_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE corrective_action DROP CONSTRAINT corrective_action_decision_fk`);
    for (const t of [
      'management_review_decision',
      'management_review_attendee',
      'management_review',
      'board_review',
      'corrective_action_transition',
      'corrective_action_deviation',
      'corrective_action',
      'deviation_transition',
      'deviation',
      'reference_counter',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP FUNCTION deviation_guard()`);
    await q.query(`DROP FUNCTION closed_record_guard()`);
  }
}

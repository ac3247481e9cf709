/**
 * Generated from the service's OpenAPI document (GET /docs-json) by `npm run web:schema`.
 * Do not edit: a test fails when this file differs from what the service describes.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit events, oldest first, with filters and cursor pagination */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain: sequence, links and every event hash. By default the whole chain (the check that finds an event altered anywhere); mode=incremental verifies the events after the last verified checkpoint, as evidence reports do */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the whole chain as JSON lines, one event per line, for offline verification (npm run qms -- audit:verify FILE) */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; returns a bearer token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, by name, a page at a time, with filters (text in name or e-mail, role, active) and the count of all that match */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user with one or more roles; the password is temporary and must be changed at the first sign-in */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change one's own preferences: the console language
         * @description Any signed-in user, for their own account only; no If-Match (nobody else sets it). The same language again changes nothing; a change is audited (user.language) and moves the account version on.
         */
        patch: operations["UsersController_updateMe"];
        trace?: never;
    };
    "/api/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password
         * @description Needs the current password (wrong: 422 current_password_wrong; failures are throttled with signatures, 429 too_many_attempts). Ends every token the user holds, this one included, and answers with a new token, as a sign-in does.
         */
        post: operations["UsersController_changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change name, roles or active; needs If-Match with the ETag last read */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a temporary password for another user
         * @description The user must change it at the next sign-in; every token they hold ends at once.
         */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff directory: id, printed name, roles and whether active, ordered by name */
        get: operations["StaffController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/baseline/adoption": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the shipped baseline awaits adoption or was adopted (by whom, when), with the procedures and their content hashes */
        get: operations["BaselineController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/baseline/adopt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adopt the shipped baseline with an electronic signature (password re-entered, meaning `baseline adoption`): every baseline version in review becomes effective. A second adoption answers 409. */
        post: operations["BaselineController_adopt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All procedures, each with the version in force and a status summary; toAcknowledge=true for those whose version in force the caller must read and acknowledge */
        get: operations["ProceduresController_list"];
        put?: never;
        /** Create a procedure; its definition becomes draft version 1 */
        post: operations["ProceduresController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One procedure with all its versions */
        get: operations["ProceduresController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a procedure, oldest first, with status, author and signatures */
        get: operations["ProceduresController_versions"];
        put?: never;
        /** Start the next version as a draft (at most one open draft per procedure) */
        post: operations["ProceduresController_createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version in force at a moment (default now); 404 before the first approval */
        get: operations["ProceduresController_effective"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version: definition, status, author, signatures, content hash, effective dates */
        get: operations["ProceduresController_version"];
        /** Replace the definition of a draft (drafts only; needs If-Match) */
        put: operations["ProceduresController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for review; from now on it never changes */
        post: operations["ProceduresController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a version under review with an electronic signature (password re-entered); it becomes effective and supersedes the one in force */
        post: operations["ProceduresController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a version under review; work continues in the next version */
        post: operations["ProceduresController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the effective version with an electronic signature (password re-entered, meaning retirement): the procedure is no longer in force */
        post: operations["ProceduresController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who must acknowledge the version in force (active users holding a role it names), and who has not yet */
        get: operations["ProceduresController_acknowledgementList"];
        put?: never;
        /** "I have read and understood" the version in force, for a user holding a role it names; acknowledging again records nothing new */
        post: operations["ProceduresController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Structured differences of version n against version `against`: steps and fields added, removed, changed; window changed */
        get: operations["ProceduresController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programmes you may see (programme leaders: those they lead) */
        get: operations["ProgrammesController_list"];
        put?: never;
        /** Create a programme (planned) */
        post: operations["ProgrammesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One programme with its leaders and procedure plan */
        get: operations["ProgrammesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a programme; needs If-Match. Dates only while planned. */
        patch: operations["ProgrammesController_update"];
        trace?: never;
    };
    "/api/programmes/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a planned programme; pins the effective version of every procedure (its procedure plan) */
        post: operations["ProgrammesController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an active programme */
        post: operations["ProgrammesController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Participants of a programme (names only for quality managers and the leaders of this programme) */
        get: operations["ParticipantsController_list"];
        put?: never;
        /** Enrol an adept or a mentor; answers with a pseudonymous code */
        post: operations["ParticipantsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/applicants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an expression of interest: an applicant (adept or mentor candidate), not enrolled until the intake decision admits them; the programme must be planned or active */
        post: operations["ParticipantsController_registerApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants/{participantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One participant */
        get: operations["ParticipantsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants/{participantId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a participant left the programme */
        post: operations["ParticipantsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants/{participantId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a participant completed the programme */
        post: operations["ParticipantsController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pairs of a programme, active and ended */
        get: operations["ParticipantsController_listPairs"];
        put?: never;
        /** Match a mentor with an adept (an adept has at most one active pair) */
        post: operations["ParticipantsController_createPair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pairs/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a pair (for example before a rematch) */
        post: operations["PairsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/training-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training records of a user, oldest first */
        get: operations["TrainingController_list"];
        put?: never;
        /** Record a completed training module of a staff member (evidence of competence) */
        post: operations["TrainingController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an execution of a procedure for a subject, pinned to the programme plan's version */
        post: operations["ExecutionsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An execution: subject, pinned version, every step record (corrected ones too), conformance and its history */
        get: operations["ExecutionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a performed step; values are checked against the step's fields */
        post: operations["ExecutionsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/steps/{recordId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a recorded step: a new record supersedes the old one, both stay visible; a completed execution is judged again. A correction that would turn a nonconforming execution into a conforming one is held (202) until a quality manager approves it */
        post: operations["ExecutionsController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/missing-steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a step forgotten before completion to a completed execution, as a correction with a reason; the execution is judged again. Held (202) for a quality manager when it would turn a nonconforming execution into a conforming one */
        post: operations["ExecutionsController_addMissingStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an execution with a reason (a completed one: quality managers only). Its records stay; it no longer counts, and a procedure carried out once per subject may be carried out again */
        post: operations["ExecutionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete an execution: it is frozen and judged for conformance */
        post: operations["ExecutionsController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrections/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrections awaiting a quality manager's decision, in the programmes you may read, oldest first */
        get: operations["CorrectionsController_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/corrections/{correctionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a held correction with a reason and your signature (meaning `correction approval`): it comes into force and the execution is judged again. Not your own correction */
        post: operations["CorrectionsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/corrections/{correctionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a held correction with a reason: the record and the judgement stay as they are */
        post: operations["CorrectionsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/conformance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conformance matrix: every subject against every procedure in the plan, with totals and rates */
        get: operations["ConformanceMatrixController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/recurring-activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subject's recurring activities (mentor meetings, job coaching, seminars): each occurrence on a timeline, gaps longer than the cadence, and the matrix status */
        get: operations["RecurringActivitiesController_activities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants/{participantId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A participant's attendance across the programme's sessions (occurrences of procedures that record attendance) */
        get: operations["RecurringActivitiesController_person"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/executions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's attendance list: everyone of the programme on its day, present, absent or not recorded, with every entry */
        get: operations["RecurringActivitiesController_session"];
        put?: never;
        /** Record who attended an occurrence of a cohort procedure that records attendance; an entry that changes an earlier one supersedes it (with a reason) */
        post: operations["RecurringActivitiesController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/procedure-plan/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adopt a newer effective version of a procedure for this programme. Completed executions keep their version; open ones move only with moveOpenExecutions. */
        post: operations["ProgrammesController_migrate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deviations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deviations, newest first, with filters (programme, state, severity, source, procedure, overdue) */
        get: operations["DeviationsController_list"];
        put?: never;
        /** Record a deviation (nonconformity); answers with a reference DEV-<year>-<nnnn> */
        post: operations["DeviationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deviations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deviation with its history, linked corrective actions and signatures */
        get: operations["DeviationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a deviation that is not closed or cancelled; needs If-Match */
        patch: operations["DeviationsController_update"];
        trace?: never;
    };
    "/api/deviations/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a deviation: open -> analysis -> action_plan (root cause) -> in_progress (a corrective action, or for minor a justification) -> closed (all actions closed, comment, signature); cancelled from open/analysis; reopen closed -> in_progress */
        post: operations["DeviationsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/deviations/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a deviation (source system) for every subject and procedure that is overdue; idempotent */
        post: operations["DeviationScanController_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrective-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrective actions, newest first; overdue=true for those past their due date and not implemented */
        get: operations["CorrectiveActionsController_list"];
        put?: never;
        /** Plan a corrective action for one or more deviations; answers with a reference CA-<year>-<nnnn> */
        post: operations["CorrectiveActionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrective-actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A corrective action with its history, effectiveness verdicts, board reviews and signatures */
        get: operations["CorrectiveActionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrective-actions/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an action: planned -> in_progress -> implemented (owner or quality manager) -> effectiveness_check -> closed (verdict effective by a non-owner, with evidence and signature) or back to in_progress (not_effective); cancelled with a reason */
        post: operations["CorrectiveActionsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrective-actions/{id}/board-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The board's review of a corrective action, signed electronically */
        post: operations["CorrectiveActionsController_boardReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Management reviews, newest first */
        get: operations["ManagementReviewsController_list"];
        put?: never;
        /** Open a management review (ISO 9001 9.3) */
        post: operations["ManagementReviewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A management review with attendees, decisions and closing signature */
        get: operations["ManagementReviewsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inputs, composed from the records: open deviations by severity and source, corrective actions by state and overdue, conformance rates per procedure, outcomes of earlier decisions (frozen once the review is closed) */
        get: operations["ManagementReviewsController_inputs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Minute a decision; an action becomes a tracked corrective action of type improvement */
        post: operations["ManagementReviewsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an input in words: changes in internal and external issues (issues) or the adequacy of resources (resources); never changed, a later note corrects an earlier one */
        post: operations["ManagementReviewsController_note"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the review, signed by a board member; its inputs are frozen and it never changes again */
        post: operations["ManagementReviewsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicators of a programme: participants, outcomes, in work or studies among completers, conformance rates, deviations, corrective actions. Counts of people under 5 are "<5" for everyone but quality managers and the leaders of this programme, or with suppressSmallCells=true. */
        get: operations["IndicatorsController_programme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The applicant funnel of a programme, adepts and mentor candidates apart: interested, interviewed, admitted, completed (figures only, no names). Counts of people under 5 are "<5" for everyone but quality managers and the leaders of this programme, or with suppressSmallCells=true. */
        get: operations["IndicatorsController_funnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quality-objectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quality objectives, each evaluated against current data: met or not_met with the measured value */
        get: operations["IndicatorsController_list"];
        put?: never;
        /** Set a quality objective (ISO 9001 6.2): a target on an indicator in its unit, for one programme or for all, with an owner, a deadline and a plan of actions */
        post: operations["IndicatorsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quality-objectives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quality objective with its plan, its value now, its trend and its measurements per quarter */
        get: operations["IndicatorsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the title, target, owner, deadline or plan of an objective, with a reason (audited); its measurements stay as recorded */
        patch: operations["IndicatorsController_update"];
        trace?: never;
    };
    "/api/quality-objectives/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan an improvement or preventive action from the objective: it names the objective as its source and joins its plan */
        post: operations["IndicatorsController_planAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quality-objectives/{id}/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record this quarter's measurement of the objective (as of today): 201 the first time, 200 with the measurement already recorded afterwards in the same quarter */
        post: operations["IndicatorsController_measure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/reports/evidence.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programme evidence report (PDF): procedures in force with signatures, participants by code, conformance matrix, deviations, corrective actions, indicators, audit-trail summary, and a case file per subject (or per subject of a random sample: sample, seed); every page shows page X of Y and the report fingerprint */
        get: operations["ReportsController_evidencePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/reports/evidence.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence report model as JSON (the data the PDF is rendered from), with its fingerprint */
        get: operations["ReportsController_evidenceJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/reports/evidence-bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evidence bundle (tar): report PDF, report model, the audit events of the programme, the cited procedure versions and a manifest with every SHA-256; verify offline with npm run qms -- verify FILE */
        get: operations["ReportsController_bundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/corrective-actions.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The board's register of corrective actions (PDF), filtered by state, overdue and programme */
        get: operations["ReportsController_register"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procedures/{key}/versions/{n}/document.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Controlled procedure document (PDF): status, effective dates, steps and fields, revision history, signatures, content hash */
        get: operations["ReportsController_procedureDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/management-reviews/{id}/minutes.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Minutes of a management review (PDF); a closed review shows the inputs frozen at closing and its signature */
        get: operations["ReportsController_reviewMinutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/risks.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of risks and opportunities (PDF): heat maps of the open ones before and after treatment, the register, each risk with its history; of one programme (with the organisation’s) or of all */
        get: operations["ReportsController_riskRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/internal-audits/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An internal audit report (PDF): scope, criteria, team, sample, checklist answers, findings with the deviation or action each opened, conclusion and the lead auditor’s signature; for whoever may read the audit */
        get: operations["ReportsController_internalAuditReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of risks and opportunities, overdue reviews first. Programme leaders see the organisation's risks, their programmes' and those they own. */
        get: operations["RisksController_list"];
        put?: never;
        /** Record a risk or opportunity: a quality manager for the organisation or any programme, a leader for their programme's */
        post: operations["RisksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/heat-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open risks (or opportunities) counted by likelihood and impact, before and after treatment */
        get: operations["RisksController_heatMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A risk as it stands (its latest revision); the ETag is its revision */
        get: operations["RisksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every revision of a risk, oldest first, with who made it, when and why */
        get: operations["RisksController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan an action that carries out the treatment (preventive or improvement, with no deviation), linked to the risk by a new revision; needs If-Match. A quality manager, the owner, or a leader of its programme. */
        post: operations["RisksController_planAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise, review, close or reopen a risk: a new revision with a reason (fields left out keep their value); needs If-Match. A quality manager, the owner, or a leader of its programme. */
        post: operations["RisksController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The library of controlled documents (policy, scope, process map, forms, consent text, agreement, handbook, external), by reference; overdue=true&owner=me for the reviews the caller owes, toAcknowledge=true for what the caller must read */
        get: operations["DocumentsController_list"];
        put?: never;
        /** Create a controlled document with its owner and review-by day; version 1 is created as a draft */
        post: operations["DocumentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document with the versions the caller sees (drafts: quality managers, auditors and the owner), their files and signatures */
        get: operations["DocumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the next version as a draft (a quality manager or the owner; at most one open version) */
        post: operations["DocumentsController_createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a file to a draft (multipart/form-data, part `file`): PDF, DOCX, PNG or JPEG judged from its content, at most DOCUMENT_FILE_LIMIT_MB; the uploader becomes one of its authors */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of a version the caller sees; the ETag is its SHA-256 */
        get: operations["DocumentsController_download"];
        put?: never;
        post?: never;
        /** Remove a file uploaded by mistake from a draft (a quality manager or the owner) */
        delete: operations["DocumentsController_removeFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft with its files for review; from now on it never changes */
        post: operations["DocumentsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a version under review with an electronic signature (password re-entered) by a quality manager who wrote none of it; it comes into force on its effective day and supersedes the version in force */
        post: operations["DocumentsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a version under review; work continues in the next version */
        post: operations["DocumentsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{n}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the version in force with an electronic signature (meaning retirement): the document is no longer in force */
        post: operations["DocumentsController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** "Reviewed, no change": the version in force still fits; the review-by day moves on (a quality manager or the owner) */
        post: operations["DocumentsController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/acknowledgements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who must acknowledge the version in force, and who has not yet */
        get: operations["DocumentsController_acknowledgements"];
        put?: never;
        /** "I have read and understood" the version in force, for a user holding a role it names; acknowledging again records nothing new */
        post: operations["DocumentsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme of internal audits (everyone signed in): by year, state, due (planned, month come), or the audit behind a deviation */
        get: operations["InternalAuditsController_list"];
        put?: never;
        /** Plan an audit in a year's programme: what is audited, the month, why; optionally its scope, criteria, period and team */
        post: operations["InternalAuditsController_plan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An audit with its checklist (answers and their history) and findings. Quality managers, auditors and board members read every audit, the team theirs, programme leaders their programmes’. */
        get: operations["InternalAuditsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a planned audit (the team is judged for independence again); needs If-Match */
        patch: operations["InternalAuditsController_update"];
        trace?: never;
    };
    "/api/internal-audits/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the audit: independence judged on its period, the checklist generated from the procedures in force and the clauses */
        post: operations["InternalAuditsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits/{id}/items/{itemId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a checklist item (the lead auditor and team): a new answer superseding the standing one, with evidence notes and the records sampled */
        post: operations["InternalAuditsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits/{id}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a finding (the lead auditor and team): a nonconformity opens a deviation (source internal_audit), an opportunity an improvement action */
        post: operations["InternalAuditsController_recordFinding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the audit report with the conclusion (the lead auditor, password re-entered); every item must be answered */
        post: operations["InternalAuditsController_signReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal-audits/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a reported audit once its findings are handled (a quality manager or the lead auditor) */
        post: operations["InternalAuditsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/improvement-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan an improvement or preventive action without a deviation (ISO 9001 10.3), naming its source: a management review, risk, internal audit finding, quality objective or other; it then lives as every corrective action (CA-<year>-<nnnn>) */
        post: operations["ImprovementActionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of host organisations and employers, active first, then by name */
        get: operations["OrganisationsController_list"];
        put?: never;
        /** Record an organisation; its name must not be in the register yet (any case) */
        post: operations["OrganisationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation as it stands (its latest revision); the ETag is its revision */
        get: operations["OrganisationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every revision of an organisation, oldest first, with who made it, when and why */
        get: operations["OrganisationsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise, deactivate or reactivate an organisation: a new revision with a reason (fields left out keep their value); needs If-Match */
        post: operations["OrganisationsController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/internships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's internships, latest start first; adepts by name only for who may see them, by code otherwise */
        get: operations["ProgrammeInternshipsController_list"];
        put?: never;
        /** Place an adept of the programme with an active organisation of the register: a quality manager or a leader of the programme */
        post: operations["ProgrammeInternshipsController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/participants/{participantId}/internships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A participant's internships, latest start first */
        get: operations["ProgrammeInternshipsController_ofParticipant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}/internships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The placements with an organisation, in the programmes the caller sees; adepts by name only for who may see them */
        get: operations["OrganisationInternshipsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internships/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An internship as it stands (its latest revision); the ETag is its revision */
        get: operations["InternshipsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internships/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every revision of an internship, oldest first, with who made it and when */
        get: operations["InternshipsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internships/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record how the internship ended, once; a later correction is a revision with a reason. Needs If-Match. */
        post: operations["InternshipsController_recordOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internships/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the plan of an internship or correct its outcome: a new revision with a reason (fields left out keep their value). Needs If-Match. */
        post: operations["InternshipsController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mails that need an administrator: failed after their retries, or uncertain (the service stopped while sending) */
        get: operations["MailAdminController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or uncertain mail again, now (audited)
         * @description An uncertain mail may have arrived: retry it only when you know it did not. Another state: 409 mail_not_retryable.
         */
        post: operations["MailAdminController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the mails that are due now, without waiting for the next poll (MAIL_POLL_SECONDS) */
        post: operations["MailAdminController_deliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your reminders by e-mail: at once or in a weekly digest, and the kinds switched off; the ETag is their version */
        get: operations["NotificationPreferencesController_get"];
        /** Change your reminders; needs If-Match with the ETag last read ("0" before the first save); audited */
        put: operations["NotificationPreferencesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reminders/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue today's reminders and the weekly digests due now, without waiting for the periodic scan; idempotent */
        post: operations["RemindersController_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The surveys (controlled documents answered by adepts, mentors or host contacts), by key */
        get: operations["SurveysController_list"];
        put?: never;
        /** Create a survey; version 1 is a draft with the content given (every text in en, sv and nb) */
        post: operations["SurveysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the shipped surveys (procedures/surveys/*.yaml), all or nothing: a new survey arrives as a shipped draft any quality manager may approve; a changed file becomes a draft authored by the caller */
        post: operations["SurveysController_importShipped"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A survey with its versions, their content and signatures */
        get: operations["SurveysController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the next version as a draft (at most one draft at a time); its content is fixed once written */
        post: operations["SurveysController_createVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/versions/{n}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a draft with an electronic signature (password re-entered) by a quality manager who did not write it; it comes into force on its effective day and supersedes the version in force */
        post: operations["SurveysController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/versions/{n}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a draft; work continues in the next version */
        post: operations["SurveysController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/survey-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's survey plan: which survey goes to whom at which moment, and the day each entry sends */
        get: operations["SurveySendingController_plan"];
        put?: never;
        /** Add a survey to the programme plan: the daily scan sends it on its day, once per recipient */
        post: operations["SurveySendingController_addPlanEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/survey-sends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a survey by hand to participants (adepts, mentors) or host contacts (internship supervisors) of the programme: one single-use invitation each, in their language, expiring */
        post: operations["SurveySendingController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/survey-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme's survey invitations, newest first: recipients by code, never by name */
        get: operations["SurveySendingController_invitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}/survey-invitations/{invitationId}/handout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand an invitation without an e-mail address out in person: its link is shown this once to the sender, and the handout is audited */
        post: operations["SurveySendingController_handout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the daily survey scan now: send every plan entry whose day has come to those not yet asked */
        post: operations["SurveySendingController_scan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results of a survey: response rate, per question n, mean and distribution, per programme (cohort) and role, trends across programmes, reviewed free text; counts and means over fewer than 5 answers hidden. Programme leaders see their programmes' cohorts only */
        get: operations["SurveyResultsController_results"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/results/deviations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a deviation from a low score or a free-text complaint, linked to the survey, question and programme */
        post: operations["SurveyResultsController_openDeviation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/surveys/{id}/results/improvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan an improvement action (an opportunity for improvement) from a survey result, linked to the survey, question and programme */
        post: operations["SurveyResultsController_openImprovement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-text-answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free-text answers to check for personal data before they reach a report (default: those awaiting review) */
        get: operations["SurveyResultsController_textAnswers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-text-answers/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear a free-text answer, or redact it with a replacement text; once, and never changed */
        post: operations["SurveyResultsController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey behind a link, in the recipient's language: title, introduction, what is done with the answers, the questions. 404 unknown, 410 survey_link_expired or survey_link_used */
        get: operations["SurveyInvitationsController_form"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-invitations/{token}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the survey, once: answers are checked against the questions of the version the invitation is bound to (422 naming the question) and kept under the participant code, never a name */
        post: operations["SurveyInvitationsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/survey-invitations/{token}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the survey; the link is used up */
        post: operations["SurveyInvitationsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthResponse: {
            /** @enum {string} */
            status: "ok" | "error";
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            databaseMode: "embedded" | "server";
            /** @description Milliseconds the database took to answer */
            databaseLatencyMs: Record<string, never>;
            /** @description Seconds since the service started */
            uptimeSeconds: number;
        };
        AuditEventResponse: {
            /** @description Gap-free sequence number */
            seq: number;
            /** Format: date-time */
            occurredAt: string;
            /**
             * Format: uuid
             * @description null for the system itself
             */
            actorId: string | null;
            actorEmail: string;
            /** @example user.create */
            action: string;
            /** @example user */
            entityType: string;
            entityId: string;
            entityVersion: number | null;
            /** @description Per field: { old, new }. Personal data appears as a keyed hash. */
            changes: {
                [key: string]: unknown;
            };
            reason: string | null;
            requestId: string | null;
            /** @description Hash of the previous event (64 zeros for the first) */
            prevHash: string;
            /** @description SHA-256 over the canonical JSON (RFC 8785) of every other member */
            hash: string;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEventResponse"][];
            nextCursor: string | null;
        };
        ChainVerdictResponse: {
            valid: boolean;
            /**
             * @description full: from the first event; incremental: from the checkpoint
             * @enum {string}
             */
            mode: "full" | "incremental";
            /** @description First sequence number this run verified (checkpoint + 1) */
            fromSeq: number;
            /** @description Last sequence number this run verified: the chain head when it began */
            toSeq: number;
            /** @description Events up to this one were verified by earlier runs and not read again (0 for a full run) */
            checkpointSeq: number;
            /**
             * Format: date-time
             * @description When a full verification last passed
             */
            fullVerifiedAt: string | null;
            /** @description Events verified */
            events: number;
            /** @description Hash of the last verified event */
            headHash: string | null;
            /** @description First event that breaks the chain */
            firstInvalidSeq?: number;
            /** @enum {string} */
            problem?: "sequence_gap" | "broken_link" | "hash_mismatch" | "head_mismatch" | "unexpected_event" | "malformed_event";
            detail?: string;
        };
        LoginRequest: {
            /**
             * @description E-mail address
             * @example quality@example.org
             */
            email: string;
            /** @description Password */
            password: string;
        };
        /** @enum {string} */
        Role: "admin" | "quality_manager" | "programme_leader" | "auditor" | "board_member";
        /**
         * @description The console language the user chose (PATCH /api/users/me); null until they choose
         * @enum {string}
         */
        UserLanguage: "en" | "sv" | "nb";
        SignedInUser: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            roles: components["schemas"]["Role"][];
            /** @description The console language the user chose (PATCH /api/users/me); null until they choose */
            language: components["schemas"]["UserLanguage"] | null;
        };
        LoginResponse: {
            /** @description Send as Authorization: Bearer <accessToken> */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the token expires */
            expiresIn: number;
            /** @description The password was set by an administrator or generated: until it is changed (POST /api/users/me/password), the token may only read GET /api/users/me and change the password; every other route answers 403 password_change_required */
            mustChangePassword: boolean;
            user: components["schemas"]["SignedInUser"];
        };
        CreateUserRequest: {
            /**
             * Format: email
             * @description Sign-in address; unique, compared case-insensitively
             * @example quality@example.org
             */
            email: string;
            /**
             * @description Printed name, shown on electronic signatures
             * @example Kari Nordmann
             */
            name: string;
            /** @description 12 to 256 characters; not one of the most common passwords, not the account's e-mail address or name. No rules about digits or symbols. The user must change it at first sign-in. */
            password: string;
            /** @description One or more roles */
            roles: components["schemas"]["Role"][];
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            roles: components["schemas"]["Role"][];
            active: boolean;
            /** @description The console language the user chose; null until they choose */
            language: components["schemas"]["UserLanguage"] | null;
            /** @description The password was set by an administrator or generated, and must be changed at the next sign-in */
            mustChangePassword: boolean;
            /** @description Optimistic-locking version, also sent as the ETag */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserPage: {
            /** @description By name, then e-mail address */
            items: components["schemas"]["UserResponse"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Users matching the filters, on every page */
            total: number;
        };
        UpdateOwnAccountRequest: {
            /** @description The language the console uses for you, in any browser */
            language: components["schemas"]["UserLanguage"];
        };
        ChangePasswordRequest: {
            /** @description The password the user signs in with now */
            currentPassword: string;
            /** @description The new password. 12 to 256 characters; not one of the most common passwords, not the account's e-mail address or name. No rules about digits or symbols. Must differ from the current one. */
            newPassword: string;
        };
        UpdateUserRequest: {
            /** @description Printed name */
            name?: string;
            roles?: components["schemas"]["Role"][];
            /** @description false deactivates the account: its tokens stop working at once */
            active?: boolean;
        };
        ResetPasswordRequest: {
            /** @description A temporary password for the user, who must change it at the next sign-in. 12 to 256 characters; not one of the most common passwords, not the account's e-mail address or name. No rules about digits or symbols. */
            password: string;
        };
        StaffMemberResponse: {
            /** Format: uuid */
            id: string;
            /** @description Printed name, as on electronic signatures */
            name: string;
            roles: components["schemas"]["Role"][];
            /** @description Deactivated accounts are listed too, so that names in history and audit trails can be read */
            active: boolean;
        };
        BaselineProcedure: {
            /** @example intake-interview */
            key: string;
            /** @description The version adopted (or awaiting adoption) */
            version: number;
            /** @description Title ({ en, sv?, nb? }) */
            title: {
                [key: string]: unknown;
            };
            /** @description SHA-256 of the canonical JSON (RFC 8785) of the definition; the signature binds it */
            contentHash: string;
        };
        BaselineSigner: {
            /** Format: uuid */
            id: string | null;
            /** @description The printed name at the time of signing */
            name: string;
        };
        BaselineResponse: {
            /**
             * @description awaiting_adoption: the shipped procedures loaded at first start wait in review for a quality manager to adopt them (no execution starts until then); adopted: done; none: this library had no shipped baseline to adopt
             * @enum {string}
             */
            state: "none" | "awaiting_adoption" | "adopted";
            /** @description The baseline versions awaiting adoption, or those adopted, by key */
            procedures: components["schemas"]["BaselineProcedure"][];
            /** @description SHA-256 of the canonical JSON of the list of {key, version, contentHash}, ordered by key: binds the set adopted together */
            baselineHash: string | null;
            /** @description Who adopted it (signed) */
            adoptedBy: components["schemas"]["BaselineSigner"] | null;
            /** Format: date-time */
            adoptedAt: string | null;
            /** @description The meaning of the signatures: `baseline adoption` */
            meaning: string | null;
        };
        AdoptBaselineRequest: {
            /** @description Your password, re-entered: adopting the baseline is an electronic signature (meaning `baseline adoption`) */
            password: string;
        };
        /** @enum {string} */
        VersionStatus: "draft" | "in_review" | "effective" | "superseded" | "rejected" | "retired";
        /**
         * @description The roles the version in force asks to acknowledge it (none when nothing is in force)
         * @enum {string}
         */
        AcknowledgingRole: "quality_manager" | "programme_leader" | "board_member" | "admin";
        MyProcedureAcknowledgementResponse: {
            /** @description The version in force asks the caller to acknowledge it */
            required: boolean;
            /**
             * Format: date-time
             * @description When the caller acknowledged the version in force
             */
            acknowledgedAt: string | null;
        };
        ProcedureSummaryResponse: {
            /** @example intake-interview */
            key: string;
            /** @description Title of the latest version ({ en, sv?, nb? }) */
            title: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            subject: "adept" | "mentor" | "pair" | "cohort";
            /** @description The version in force now, if any */
            effectiveVersion: number | null;
            latestVersion: number;
            latestStatus: components["schemas"]["VersionStatus"];
            /** @description Number of versions in each status */
            statusCounts: {
                [key: string]: number;
            };
            /** @description The roles the version in force asks to acknowledge it (none when nothing is in force) */
            acknowledgementRoles: components["schemas"]["AcknowledgingRole"][];
            myAcknowledgement: components["schemas"]["MyProcedureAcknowledgementResponse"];
        };
        CreateProcedureRequest: {
            /** @description The whole procedure definition, as in procedures/*.yaml; validated against procedures/procedure.schema.json */
            definition: {
                [key: string]: unknown;
            };
            /** @description Holders of these roles acknowledge the version once it is in force ("read and understood"); default: nobody */
            acknowledgementRoles?: components["schemas"]["AcknowledgingRole"][];
        };
        VersionAuthor: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        VersionContributorResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description created the draft, edited it, imported it from a procedure file */
            contributions: ("created" | "edited" | "imported")[];
            /** Format: date-time */
            firstAt: string;
        };
        SignatureResponse: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description null when the system signed (baseline import)
             */
            signerId: string | null;
            /** @description Printed name of the signer at the time of signing */
            signerName: string;
            /** @example approved */
            meaning: string;
            comment: string | null;
            /** Format: date-time */
            signedAt: string;
            /** @example procedure_version */
            recordType: string;
            /** Format: uuid */
            recordId: string;
            recordVersion: number | null;
            /** @description SHA-256 of what was signed */
            contentHash: string | null;
            /** @description What was signed, when the signature keeps it (closures, board reviews, management reviews): `contentHash` is the SHA-256 of its canonical JSON (RFC 8785), so anyone can recompute it */
            signedContent: {
                [key: string]: unknown;
            } | null;
        };
        ProcedureVersionResponse: {
            /** @example intake-interview */
            procedureKey: string;
            /** Format: uuid */
            id: string;
            /** @description Version number: 1, 2, 3, ... */
            number: number;
            status: components["schemas"]["VersionStatus"];
            /** @description The whole definition */
            definition: {
                [key: string]: unknown;
            };
            /** @description SHA-256 of the canonical JSON (RFC 8785) of the definition */
            contentHash: string;
            changeSummary: string | null;
            /** @description Holders of these roles acknowledge the version once it is in force ("read and understood"); fixed once it leaves draft */
            acknowledgementRoles: components["schemas"]["AcknowledgingRole"][];
            /** @description Who created it; null for the shipped baseline, written by nobody here */
            author: components["schemas"]["VersionAuthor"] | null;
            /** @description Everyone who wrote its content (created, edited or imported it), first contribution first; none of them may approve it */
            contributors: components["schemas"]["VersionContributorResponse"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            effectiveFrom: string | null;
            /** Format: date-time */
            supersededAt: string | null;
            /** Format: date-time */
            rejectedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description Why it was rejected or retired */
            statusReason: string | null;
            signatures: components["schemas"]["SignatureResponse"][];
            /** @description What the caller may do with this version now: actions open in its status that their roles allow (quality managers only), without approval for someone who wrote it, and without submission or approval while nobody is named as its author */
            allowedActions: ("submit" | "approve" | "reject" | "retire")[];
            /** @description Optimistic-locking version of a draft, also sent as the ETag */
            rowVersion: number;
            /** @description Part of the shipped baseline loaded at first start: written by nobody here, it becomes effective only through the signed baseline adoption */
            baseline: boolean;
        };
        VersionSummary: {
            number: number;
            status: components["schemas"]["VersionStatus"];
            contentHash: string;
            /** Format: date-time */
            effectiveFrom: string | null;
            /** Format: date-time */
            supersededAt: string | null;
        };
        ProcedureResponse: {
            /** @example intake-interview */
            key: string;
            /** @description Title of the latest version ({ en, sv?, nb? }) */
            title: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            subject: "adept" | "mentor" | "pair" | "cohort";
            /** @description The version in force now, if any */
            effectiveVersion: number | null;
            latestVersion: number;
            latestStatus: components["schemas"]["VersionStatus"];
            /** @description Number of versions in each status */
            statusCounts: {
                [key: string]: number;
            };
            /** @description The roles the version in force asks to acknowledge it (none when nothing is in force) */
            acknowledgementRoles: components["schemas"]["AcknowledgingRole"][];
            myAcknowledgement: components["schemas"]["MyProcedureAcknowledgementResponse"];
            versions: components["schemas"]["VersionSummary"][];
        };
        CreateVersionRequest: {
            /** @description The whole procedure definition, as in procedures/*.yaml; validated against procedures/procedure.schema.json */
            definition: {
                [key: string]: unknown;
            };
            /** @description What changed from the version before, and why */
            changeSummary: string;
            /** @description Roles that acknowledge this version once in force; default: the previous version's */
            acknowledgementRoles?: components["schemas"]["AcknowledgingRole"][];
        };
        UpdateDraftRequest: {
            /** @description The whole procedure definition, as in procedures/*.yaml; validated against procedures/procedure.schema.json */
            definition: {
                [key: string]: unknown;
            };
            /** @description What changed from the version before, and why */
            changeSummary?: string;
            /** @description Roles that acknowledge this version once in force; default: the draft's, unchanged */
            acknowledgementRoles?: components["schemas"]["AcknowledgingRole"][];
        };
        ApproveRequest: {
            /** @description The approver's password, re-entered: this is an electronic signature */
            password: string;
            /** @description Reason or comment recorded with the signature */
            comment: string;
        };
        RejectRequest: {
            /** @description Why the version is rejected; the author continues in the next version */
            comment: string;
        };
        RetireRequest: {
            /** @description Why the procedure is withdrawn from use (recorded with the signature) */
            reason: string;
            /** @description Your password, re-entered: retiring a procedure is signed electronically, as an approval is */
            password: string;
        };
        ProcedureAcknowledgementResponse: {
            /** @example intake-interview */
            procedureKey: string;
            versionNumber: number;
            /** Format: date-time */
            acknowledgedAt: string;
            /** @description false: the caller had acknowledged this version already (nothing new recorded) */
            recorded: boolean;
        };
        ProcedureAcknowledgerResponse: {
            /** Format: uuid */
            id: string;
            /** @description A member of staff (never a participant) */
            name: string;
            /** @description The roles they hold that the version names */
            roles: ("quality_manager" | "programme_leader" | "board_member" | "admin")[];
            /**
             * Format: date-time
             * @description null: not yet acknowledged
             */
            acknowledgedAt: string | null;
        };
        ProcedureAcknowledgementsResponse: {
            /** @example intake-interview */
            procedureKey: string;
            /** @description The version in force; null when none is */
            versionNumber: number | null;
            roles: components["schemas"]["AcknowledgingRole"][];
            /** @description Active users holding one of the roles */
            required: number;
            /** @description Of those, who acknowledged the version in force */
            acknowledged: number;
            /** @description Who has not acknowledged first, then who has; by name */
            people: components["schemas"]["ProcedureAcknowledgerResponse"][];
        };
        DiffResponse: {
            procedureKey: string;
            /** @description The version compared against (old) */
            from: number;
            /** @description The version asked about (new) */
            to: number;
            /** @description Structured differences */
            changes?: {
                [key: string]: unknown;
            };
        };
        CreateProgrammeRequest: {
            /** @example Mentoring for work 2027 */
            name: string;
            /** @description What the programme offers: mentoring, seminars on working life, job coaching, internship, language studies */
            description: string;
            /** @example Immigrant job-seekers with an academic background */
            targetGroup: string;
            /**
             * Format: date
             * @description First day of the programme
             * @example 2026-03-03
             */
            startDate: string;
            /**
             * Format: date
             * @description Last day of the programme
             * @example 2026-03-03
             */
            endDate: string;
            /** @description Users with the programme_leader role who run the programme */
            leaderIds: string[];
            /**
             * @description IANA time zone in which calendar days are counted (default Europe/Stockholm)
             * @example Europe/Oslo
             */
            timeZone?: string;
        };
        LeaderResponse: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        PlanEntryResponse: {
            procedureKey: string;
            versionNumber: number;
            contentHash: string;
            /** Format: date-time */
            adoptedAt: string;
            reason: string;
            /**
             * Format: date-time
             * @description Set when a newer version was adopted
             */
            replacedAt: string | null;
        };
        ProgrammeResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            targetGroup: string;
            /** Format: date */
            startDate: string;
            /** Format: date */
            endDate: string;
            /**
             * Format: date
             * @description The anchor day programme_midpoint
             */
            midpointDate: string;
            timeZone: string;
            /** @enum {string} */
            status: "planned" | "active" | "closed";
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            leaders: components["schemas"]["LeaderResponse"][];
            /** @description The procedure versions in force for this programme (pinned at activation) */
            procedurePlan: components["schemas"]["PlanEntryResponse"][];
            /** @description Plan entries replaced by explicit migrations */
            planHistory: components["schemas"]["PlanEntryResponse"][];
            version: number;
        };
        UpdateProgrammeRequest: {
            name?: string;
            description?: string;
            targetGroup?: string;
            /**
             * Format: date
             * @description Only while the programme is planned
             * @example 2026-03-03
             */
            startDate?: string;
            /**
             * Format: date
             * @description Only while the programme is planned
             * @example 2026-03-03
             */
            endDate?: string;
            /** @description Quality managers only: programme leaders cannot change who leads the programme */
            leaderIds?: string[];
        };
        CreateParticipantRequest: {
            /**
             * @description adept (the job-seeker) or mentor
             * @enum {string}
             */
            role: "adept" | "mentor";
            /** @description Full name; never shown to auditors, never logged */
            fullName: string;
            /**
             * Format: email
             * @description Contact address, if the participant gave one
             */
            email?: string;
            /** @enum {string} */
            gender: "female" | "male" | "other" | "undisclosed";
            /** @example Civil engineer */
            profession: string;
            /** @example Syria */
            countryOfOrigin?: string;
            /**
             * @description Preferred language for invitations sent to them (en, sv, nb)
             * @enum {string}
             */
            language?: "en" | "sv" | "nb";
            /**
             * Format: date
             * @description Day the participant enrolled
             * @example 2026-03-03
             */
            enrolledAt: string;
            /**
             * Format: date
             * @description Day consent to the processing of personal data was recorded
             * @example 2026-03-03
             */
            consentRecordedAt: string;
        };
        ParticipantResponse: {
            /** Format: uuid */
            id: string;
            /**
             * @description Pseudonymous code, used wherever the person is shown to auditors
             * @example A-7K3Q9X
             */
            code: string;
            /** Format: uuid */
            programmeId: string;
            /** @enum {string} */
            role: "adept" | "mentor";
            /** @description Only for quality managers and the leaders of this programme */
            fullName?: string;
            /** @description Only for quality managers and the leaders of this programme */
            email?: string | null;
            /** @enum {string} */
            gender: "female" | "male" | "other" | "undisclosed";
            profession: string;
            countryOfOrigin: string | null;
            /**
             * @description Preferred language for invitations; null when not known
             * @enum {string|null}
             */
            language: "en" | "sv" | "nb" | null;
            /**
             * Format: date
             * @description Day consent to process the application was recorded (applicants)
             */
            applicationConsentAt: string | null;
            /**
             * Format: date
             * @description Day of the intake decision (admitted, waiting list, not admitted)
             */
            admissionDecidedAt: string | null;
            /**
             * Format: date
             * @description Null until enrolled (applicants)
             */
            enrolledAt: string | null;
            /**
             * Format: date
             * @description Consent to enrolment; null until enrolled
             */
            consentRecordedAt: string | null;
            /** @enum {string} */
            status: "applicant" | "waiting_list" | "not_admitted" | "active" | "withdrawn" | "completed";
            /** Format: date */
            withdrawnAt: string | null;
            /** @description Only for quality managers and the leaders of this programme (it often says something personal) */
            withdrawalReason?: string | null;
            /** Format: date */
            completedAt: string | null;
            /**
             * @description On leaving early or completing; null when not recorded
             * @enum {string|null}
             */
            outcome: "left_for_work" | "left_for_studies" | "personal_reasons" | "other" | "employed_in_profession" | "employed_other" | "studying" | "seeking_work" | null;
            /** @description Only for quality managers and the leaders of this programme */
            outcomeNote?: string | null;
            version: number;
        };
        RegisterApplicantRequest: {
            /**
             * @description adept (the job-seeker) or mentor (a mentor candidate, until vetted)
             * @enum {string}
             */
            role: "adept" | "mentor";
            /** @description Full name; never shown to auditors, never logged */
            fullName: string;
            /**
             * Format: email
             * @description Contact address, if the applicant gave one
             */
            email?: string;
            /** @enum {string} */
            gender: "female" | "male" | "other" | "undisclosed";
            /** @example Civil engineer */
            profession: string;
            /** @example Syria */
            countryOfOrigin?: string;
            /**
             * @description Preferred language for invitations sent to them (en, sv, nb)
             * @enum {string}
             */
            language?: "en" | "sv" | "nb";
            /**
             * Format: date
             * @description Day consent to process the application (its personal data) was recorded; today or earlier
             * @example 2026-03-03
             */
            applicationConsentAt: string;
        };
        WithdrawParticipantRequest: {
            /**
             * Format: date
             * @description Day the participant left the programme
             * @example 2026-03-03
             */
            date: string;
            reason: string;
            /**
             * @description Why they left: left_for_work (left early for a job: an outcome, not a failure), left_for_studies, personal_reasons, other
             * @enum {string}
             */
            outcome?: "left_for_work" | "left_for_studies" | "personal_reasons" | "other";
        };
        CompleteParticipantRequest: {
            /**
             * Format: date
             * @description Day the participant completed the programme (default: today in the programme time zone)
             * @example 2026-03-03
             */
            date?: string;
            /**
             * @description Where the participant stands on completing
             * @enum {string}
             */
            outcome?: "employed_in_profession" | "employed_other" | "studying" | "seeking_work" | "other";
            /** @description What the outcome is; required when the outcome is other */
            outcomeNote?: string;
        };
        CreatePairRequest: {
            /** Format: uuid */
            mentorId: string;
            /** Format: uuid */
            adeptId: string;
            /**
             * Format: date
             * @description Day the pair was matched
             * @example 2026-03-03
             */
            matchedAt: string;
            /** @description Why these two: profession, goals, languages */
            rationale: string;
        };
        PairResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            mentorId: string;
            mentorCode: string;
            /** Format: uuid */
            adeptId: string;
            adeptCode: string;
            /** Format: date */
            matchedAt: string;
            /** @description Only for quality managers and the leaders of this programme (it describes the people) */
            rationale?: string;
            /** Format: date */
            endedAt: string | null;
            /** @description Only for quality managers and the leaders of this programme */
            endReason?: string | null;
            active: boolean;
        };
        EndPairRequest: {
            /**
             * Format: date
             * @example 2026-03-03
             */
            date: string;
            /** @description Why the pair ends (for example a rematch) */
            reason: string;
        };
        CreateTrainingRecordRequest: {
            /** @description Training module, free text (e.g. "Programme leader training, module 2: the intake interview") */
            module: string;
            /**
             * Format: date
             * @description Day the module was completed
             * @example 2026-03-03
             */
            completedAt: string;
            /**
             * Format: date
             * @description Last day the competence counts; open-ended when absent
             * @example 2026-03-03
             */
            validUntil?: string;
            /** @description Where the evidence is kept (certificate, attendance list) */
            evidence?: string;
        };
        TrainingRecordResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            module: string;
            /** Format: date */
            completedAt: string;
            /** Format: date */
            validUntil: string | null;
            evidence: string | null;
            /** Format: uuid */
            recordedBy: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ExecutionSubjectInput: {
            /**
             * Format: uuid
             * @description For procedures per adept or per mentor
             */
            participantId?: string;
            /**
             * Format: uuid
             * @description For procedures per mentor-adept pair
             */
            pairId?: string;
            /**
             * @description true for procedures per cohort (the whole programme)
             * @enum {boolean}
             */
            cohort?: true;
        };
        StartExecutionRequest: {
            /** @example intake-interview */
            procedureKey: string;
            /** @description Exactly one of participantId, pairId, cohort */
            subject: components["schemas"]["ExecutionSubjectInput"];
        };
        ExecutionSubjectResponse: {
            /** @enum {string} */
            type: "adept" | "mentor" | "pair" | "cohort";
            /** Format: uuid */
            participantId?: string;
            /** Format: uuid */
            pairId?: string;
            /** @description Pseudonymous codes (e.g. A-7K3Q9X, or M-... / A-... for a pair), or "cohort" */
            label: string;
        };
        FindingResponse: {
            /**
             * @description before_effective: the step was performed before the pinned version became effective
             * @enum {string}
             */
            rule: "missing_step" | "missing_field" | "unexpected_value" | "outside_window" | "before_effective" | "performer_role" | "performer_competence" | "order" | "unknown_step";
            stepKey?: string;
            fieldKey?: string;
            recordId?: string;
            detail: string;
        };
        ChangedByCorrectionResponse: {
            /**
             * Format: uuid
             * @description The approved correction; null when the judgement changed before such corrections needed approval
             */
            correctionId: string | null;
            /** Format: uuid */
            approvedById: string | null;
            approvedByName: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            /** @description The quality manager's reason */
            reason: string | null;
            /** Format: uuid */
            signatureId: string | null;
        };
        CorrectionResponse: {
            /** Format: uuid */
            id: string;
            /**
             * @description A correction of a record, or a step added after completion
             * @enum {string}
             */
            kind: "correction" | "added_step";
            /**
             * @description pending: awaiting a quality manager; not in force
             * @enum {string}
             */
            state: "pending" | "approved" | "rejected";
            stepKey: string;
            /**
             * Format: uuid
             * @description The record it would replace (a correction)
             */
            supersedesId: string | null;
            /** @description As for step records: without text fields for a pseudonymised reader */
            values: {
                [key: string]: unknown;
            };
            withheldFields?: string[];
            /** Format: date-time */
            performedAt: string;
            /** Format: uuid */
            performedById: string | null;
            /** @description Why the correction was asked for */
            reason: string;
            /** Format: uuid */
            requestedById: string;
            requestedByName: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** @description Why it was approved or rejected */
            decisionReason: string | null;
            /** Format: uuid */
            decidedById: string | null;
            decidedByName: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description The approval signature (meaning `correction approval`)
             */
            signatureId: string | null;
            /**
             * Format: uuid
             * @description The step record the approval put in force
             */
            stepRecordId: string | null;
        };
        StepRecordResponse: {
            /** Format: uuid */
            id: string;
            stepKey: string;
            /** @description For a reader who may not see who the participants are (not a quality manager or a leader of this programme), without text fields */
            values: {
                [key: string]: unknown;
            };
            /** @description Only in the pseudonymised view: the fields whose values were withheld (free text written about the subject) */
            withheldFields?: string[];
            /** Format: date-time */
            performedAt: string;
            /** Format: uuid */
            performedById: string | null;
            performedByName: string | null;
            /** @description Only for quality managers and the leaders of this programme (it is written about the subject) */
            notes?: string | null;
            /** Format: date-time */
            recordedAt: string;
            /** Format: uuid */
            recordedById: string | null;
            /**
             * Format: uuid
             * @description The record this one corrects
             */
            supersedesId: string | null;
            /**
             * Format: uuid
             * @description The correction that replaced this record
             */
            supersededById: string | null;
            correctionReason: string | null;
            /** @description false when a correction replaced it */
            current: boolean;
        };
        JudgementResponse: {
            seq: number;
            /** @enum {string} */
            conformance: "conforming" | "nonconforming";
            findings: components["schemas"]["FindingResponse"][];
            /** @description The procedure version judged against */
            versionNumber: number;
            contentHash: string;
            /** @enum {string} */
            cause: "completion" | "correction";
            /** Format: date-time */
            judgedAt: string;
            /** Format: uuid */
            judgedBy: string | null;
        };
        ExecutionResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            procedureKey: string;
            /** @description The pinned procedure version */
            versionNumber: number;
            contentHash: string;
            subject: components["schemas"]["ExecutionSubjectResponse"];
            /** @enum {string} */
            state: "open" | "completed" | "cancelled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /** @description Why the execution was cancelled */
            cancelReason: string | null;
            /**
             * @description The latest judgement (null while open)
             * @enum {string|null}
             */
            conformance: "conforming" | "nonconforming" | null;
            findings: components["schemas"]["FindingResponse"][];
            /** @description Set when the latest judgement is conforming and an earlier one was nonconforming: "conforming after correction" */
            changedByCorrection: components["schemas"]["ChangedByCorrectionResponse"] | null;
            /** @description Corrections that would have cleared a nonconformity: pending ones (not in force) and decided ones */
            corrections: components["schemas"]["CorrectionResponse"][];
            /** @description The time window of the pinned version for this subject */
            window: Record<string, never> | null;
            /** @description Every record, corrected ones included */
            steps: components["schemas"]["StepRecordResponse"][];
            /** @description Every judgement, oldest first */
            judgements: components["schemas"]["JudgementResponse"][];
            version: number;
        };
        RecordStepRequest: {
            /** @example interview */
            stepKey: string;
            /** @description The step's field values, keyed by field key */
            values: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the step was performed
             * @example 2026-03-03T09:30:00Z
             */
            performedAt: string;
            /**
             * Format: uuid
             * @description Who performed it (default: you)
             */
            performedById?: string;
            notes?: string;
        };
        CorrectStepRequest: {
            /** @description The corrected values (all of them) */
            values: {
                [key: string]: unknown;
            };
            /** @description Why the record is corrected */
            reason: string;
            /**
             * Format: date-time
             * @description Corrected time of performance (default: as recorded)
             * @example 2026-03-03T09:30:00Z
             */
            performedAt?: string;
            /**
             * Format: uuid
             * @description Corrected performer (default: as recorded)
             */
            performedById?: string;
        };
        AddMissingStepRequest: {
            /** @example interview */
            stepKey: string;
            /** @description The step's field values, keyed by field key */
            values: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the step was performed
             * @example 2026-03-03T09:30:00Z
             */
            performedAt: string;
            /**
             * Format: uuid
             * @description Who performed it (default: you)
             */
            performedById?: string;
            notes?: string;
            /** @description Why the step is added after completion (e.g. it was done but not recorded) */
            reason: string;
        };
        CancelExecutionRequest: {
            /** @description Why the execution is cancelled (e.g. started for the wrong adept) */
            reason: string;
        };
        PendingCorrectionResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            executionId: string;
            /** Format: uuid */
            programmeId: string;
            procedureKey: string;
            /** @description The participant's pseudonymous code, or the kind of subject (pair, cohort) */
            subjectLabel: string;
            /** @enum {string} */
            kind: "correction" | "added_step";
            stepKey: string;
            reason: string;
            /** Format: uuid */
            requestedById: string;
            requestedByName: string | null;
            /** Format: date-time */
            requestedAt: string;
        };
        ApproveCorrectionRequest: {
            /** @description Why the correction may change the judgement (what was checked) */
            reason: string;
            /** @description Your password, re-entered: approving is an electronic signature (meaning `correction approval`) */
            password: string;
        };
        RejectCorrectionRequest: {
            /** @description Why the correction is refused (the record stays as it was) */
            reason: string;
        };
        ConformanceMatrixResponse: {
            /** Format: uuid */
            programmeId: string;
            /** Format: date */
            today: string;
            /** @description The procedures of the plan, with the pinned version; afterClose: true when a closed programme still takes its records */
            procedures: Record<string, never>[];
            /** @description One row per subject (adept, mentor, pair, cohort) with a cell per applicable procedure: status not_applicable | not_yet_due | due | overdue | in_progress | conforming | conforming_after_correction | nonconforming | cadence_missed, execution id, version and window; a recurring procedure's cell carries `recurring` (cadenceDays, sessions, occurrences, lastDate, openExecutionId, judgedUntil, longestGapDays, gaps, sessionsShort) */
            rows: Record<string, never>[];
            /** @description Counts by status, and conformance rates per procedure and per version */
            totals: {
                [key: string]: unknown;
            };
        };
        RecurringSubjectResponse: {
            /** @enum {string} */
            type: "adept" | "mentor" | "pair" | "cohort";
            /**
             * Format: uuid
             * @description Participant, pair or programme id
             */
            id: string;
            /** @description Pseudonymous code; mentor/adept codes for a pair */
            code: string;
            /** @description Only for readers who may see who the participants are */
            name?: string;
            status: string;
        };
        LocalisedTextResponse: {
            en: string;
            sv?: string;
            nb?: string;
        };
        DateRangeResponse: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        CadenceGapResponse: {
            /**
             * @description start: from the period's start to the first occurrence; end: from the last one
             * @enum {string}
             */
            kind: "start" | "between" | "end";
            /** Format: date */
            from: string;
            /**
             * Format: date
             * @description The occurrence that closed it, the end of the period, or today when open
             */
            to: string;
            days: number;
            /** @description Still growing: the period runs and no occurrence has closed it */
            open: boolean;
        };
        SessionsShortResponse: {
            planned: number;
            held: number;
        };
        DurationResponse: {
            /** @description The first number field with a unit among the steps (e.g. duration_minutes) */
            fieldKey: string;
            value: number;
            unit: components["schemas"]["LocalisedTextResponse"];
        };
        AttendanceCountsResponse: {
            present: number;
            absent: number;
            /** @description People on the list with nothing recorded yet */
            notRecorded: number;
        };
        OccurrenceResponse: {
            /** Format: uuid */
            executionId: string;
            /** @enum {string} */
            state: "open" | "completed";
            /**
             * Format: date
             * @description Its day: the last current step performed (null: nothing recorded yet)
             */
            date: string | null;
            duration: components["schemas"]["DurationResponse"] | null;
            versionNumber: number;
            /**
             * @description The latest judgement; null while open
             * @enum {string|null}
             */
            conformance: "conforming" | "nonconforming" | null;
            /**
             * Format: uuid
             * @description Who recorded its latest step
             */
            recordedById: string | null;
            recordedByName: string | null;
            /** @description Days since the previous completed occurrence (or the period start); null for an open one */
            daysSincePrevious: number | null;
            /** @description daysSincePrevious is longer than the cadence */
            cadenceBreached: boolean;
            /** @description For procedures that record attendance */
            attendance: components["schemas"]["AttendanceCountsResponse"] | null;
        };
        RecurringActivityResponse: {
            procedureKey: string;
            /** @description The plan's version */
            versionNumber: number;
            title: components["schemas"]["LocalisedTextResponse"];
            cadenceDays: number;
            sessions: number | null;
            /** @description Occurrences record who attended */
            attendance: boolean;
            /**
             * @description The conformance matrix's status of this subject and procedure
             * @enum {string}
             */
            status: "not_applicable" | "not_yet_due" | "due" | "in_progress" | "conforming" | "conforming_after_correction" | "nonconforming" | "cadence_missed";
            /** @description The period the cadence applies in (null: its anchor is not known yet) */
            period: components["schemas"]["DateRangeResponse"] | null;
            /** Format: date */
            judgedUntil: string | null;
            /** @description Completed occurrences within the period */
            occurrenceCount: number;
            /** Format: date */
            lastDate: string | null;
            longestGapDays: number | null;
            /** @description Gaps longer than the cadence, oldest first */
            gaps: components["schemas"]["CadenceGapResponse"][];
            sessionsShort: components["schemas"]["SessionsShortResponse"] | null;
            /** @description Every occurrence not cancelled, oldest first (open ones last) */
            occurrences: components["schemas"]["OccurrenceResponse"][];
        };
        RecurringActivitiesResponse: {
            /** Format: uuid */
            programmeId: string;
            /** Format: date */
            today: string;
            subject: components["schemas"]["RecurringSubjectResponse"];
            /** @description The plan's recurring procedures for this subject's type */
            activities: components["schemas"]["RecurringActivityResponse"][];
        };
        PersonSessionResponse: {
            /** Format: uuid */
            executionId: string;
            procedureKey: string;
            /** @enum {string} */
            state: "open" | "completed";
            /** Format: date */
            date: string | null;
            /** @enum {string} */
            status: "present" | "absent" | "not_recorded";
            absenceReason: string | null;
        };
        PersonAttendanceResponse: {
            /** Format: uuid */
            participantId: string;
            code: string;
            name?: string;
            /** @enum {string} */
            role: "adept" | "mentor";
            /** @description Over the sessions listed */
            counts: components["schemas"]["AttendanceCountsResponse"];
            /** @description Occurrences (not cancelled) of procedures that record attendance, where the person was on the list or recorded, oldest first */
            sessions: components["schemas"]["PersonSessionResponse"][];
        };
        AttendanceRecordResponse: {
            /** Format: uuid */
            id: string;
            present: boolean;
            /** @description Withheld (null) from readers who may not see who the participants are */
            absenceReason: string | null;
            /** Format: date-time */
            recordedAt: string;
            /** Format: uuid */
            recordedById: string | null;
            recordedByName: string | null;
            /** Format: uuid */
            supersedesId: string | null;
            correctionReason: string | null;
            /** @description false when a later entry superseded it */
            current: boolean;
        };
        AttendeeResponse: {
            /** Format: uuid */
            participantId: string;
            code: string;
            /** @description Only for readers who may see who the participants are */
            name?: string;
            /** @enum {string} */
            role: "adept" | "mentor";
            /** @enum {string} */
            status: "present" | "absent" | "not_recorded";
            absenceReason: string | null;
            /** @description Every entry for the person, oldest first */
            history: components["schemas"]["AttendanceRecordResponse"][];
        };
        SessionAttendanceResponse: {
            /** Format: uuid */
            executionId: string;
            /** Format: uuid */
            programmeId: string;
            procedureKey: string;
            versionNumber: number;
            /** @enum {string} */
            state: "open" | "completed" | "cancelled";
            /** @description Whether the procedure records attendance (false: entries is empty and nothing can be recorded) */
            attendance: boolean;
            /**
             * Format: date
             * @description The occurrence day (null: no step recorded yet)
             */
            date: string | null;
            counts: components["schemas"]["AttendanceCountsResponse"];
            /** @description The programme's participants active on the day (enrolled, not withdrawn before it), and anyone recorded, by role and code */
            entries: components["schemas"]["AttendeeResponse"][];
        };
        AttendanceEntryInput: {
            /**
             * Format: uuid
             * @description A participant of the programme (adept or mentor)
             */
            participantId: string;
            /** @description Whether the person attended */
            present: boolean;
            /** @description Why the person was absent (only when absent), e.g. ill, at a job interview */
            absenceReason?: string;
        };
        RecordAttendanceRequest: {
            /** @description One entry per person; a person not listed keeps what was recorded (or stays not recorded). An entry that differs from what stands for the person is a correction: a new entry supersedes the earlier one, and `reason` says why */
            entries: components["schemas"]["AttendanceEntryInput"][];
            /** @description Why earlier entries are corrected (required when an entry changes one) */
            reason?: string;
        };
        MigratePlanRequest: {
            /** @example intake-interview */
            procedureKey: string;
            /** @description The effective version to adopt */
            toVersion: number;
            /** @description Why the programme adopts the new version now */
            reason: string;
            /** @description Also move open executions to the new version (default false); completed ones always keep theirs */
            moveOpenExecutions?: boolean;
        };
        CreateDeviationRequest: {
            /** Format: uuid */
            programmeId: string;
            title: string;
            /** @description What happened, where, and how it was found */
            description: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
            /**
             * @description How it was found (system is reserved for automatic detection)
             * @enum {string}
             */
            source: "manual" | "internal_audit" | "external_audit" | "participant_feedback";
            /**
             * Format: date-time
             * @description When it was detected: not in the future, nor before the programme's preparation began
             * @example 2026-03-03T09:30:00Z
             */
            detectedAt: string;
            /**
             * Format: date-time
             * @description When the nonconformity occurred (default: when it was detected): not in the future, nor after detectedAt
             * @example 2026-03-03T09:30:00Z
             */
            occurredAt?: string;
            /**
             * Format: uuid
             * @description The execution in which it occurred; the deviation then records its procedure and pinned version
             */
            executionId?: string;
            /** @description The step of that execution */
            stepKey?: string;
            /**
             * Format: uuid
             * @description The participant concerned
             */
            participantId?: string;
            /** @description Immediate action taken to contain it */
            containment?: string;
            /**
             * Format: date
             * @description Target date for closure (default by severity: critical 14, major 30, minor 60 days)
             * @example 2026-03-03
             */
            targetDate?: string;
        };
        DeviationStepResponse: {
            /**
             * Format: uuid
             * @description The execution the step belongs to
             */
            executionId: string;
            /** @description The step of that execution */
            stepKey: string;
            /**
             * Format: uuid
             * @description The step record judged, when one was (none for a missing step)
             */
            recordId: string | null;
            /** @description What was found in this step, an English sentence for the auditor */
            detail: string;
            /**
             * Format: date-time
             * @description When the step was added to the deviation (at detection, or by a later judgement)
             */
            addedAt: string;
        };
        DeviationTransitionResponse: {
            seq: number;
            from: string | null;
            to: string;
            comment: string | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            signatureId: string | null;
            /** Format: uuid */
            actorId: string | null;
            /** Format: date-time */
            at: string;
        };
        LinkedActionResponse: {
            /** Format: uuid */
            id: string;
            reference: string;
            type: string;
            state: string;
            /** Format: date */
            dueDate: string;
        };
        DeviationResponse: {
            /** Format: uuid */
            id: string;
            /** @example DEV-2027-0001 */
            reference: string;
            /** Format: uuid */
            programmeId: string;
            title: string;
            description: string;
            /** @enum {string} */
            severity: "minor" | "major" | "critical";
            /** @enum {string} */
            source: "manual" | "internal_audit" | "external_audit" | "participant_feedback" | "system";
            /**
             * Format: date-time
             * @description When the nonconformity occurred: for automatic detection the step's performedAt, or the end of the missed window (its last day's last moment in the programme's time zone); never after detectedAt. Deviations recorded before this was kept have their detection here
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When it was detected: given by whoever records it, or for automatic detection when the system judged it (completion, correction, scan)
             */
            detectedAt: string;
            /** Format: date */
            targetDate: string;
            /** @description Open past its target date */
            overdue: boolean;
            /** Format: uuid */
            executionId: string | null;
            procedureKey: string | null;
            versionNumber: number | null;
            /** @description The step, when the deviation concerns exactly one (see steps) */
            stepKey: string | null;
            /** @description The conformance rule behind an automatic deviation, or overdue */
            rule: string | null;
            /** @description The steps an automatic deviation concerns: one deviation per execution and rule lists every step the rule found (empty for an overdue procedure or a manual deviation) */
            steps: components["schemas"]["DeviationStepResponse"][];
            /** Format: uuid */
            participantId: string | null;
            participantCode: string | null;
            containment: string | null;
            rootCause: string | null;
            correctionOnlyJustification: string | null;
            /** @enum {string} */
            state: "open" | "analysis" | "action_plan" | "in_progress" | "closed" | "cancelled";
            /** @description The states the caller may move it to now (quality managers only); a transition may still need a root cause, a reason or a signature */
            allowedTransitions: ("open" | "analysis" | "action_plan" | "in_progress" | "closed" | "cancelled")[];
            /**
             * Format: date-time
             * @description When it was recorded in the system
             */
            createdAt: string;
            /** Format: date-time */
            closedAt: string | null;
            version: number;
            history?: components["schemas"]["DeviationTransitionResponse"][];
            actions?: components["schemas"]["LinkedActionResponse"][];
            signatures?: components["schemas"]["SignatureResponse"][];
        };
        DeviationPage: {
            items: components["schemas"]["DeviationResponse"][];
            nextCursor: string | null;
        };
        UpdateDeviationRequest: {
            /** @description Not of a system-detected deviation, except by a quality manager */
            title?: string;
            description?: string;
            /**
             * @description Of a system-detected deviation only by a quality manager, with a reason
             * @enum {string}
             */
            severity?: "minor" | "major" | "critical";
            containment?: string;
            rootCause?: string;
            /**
             * Format: date
             * @description On or after the day of detection
             * @example 2026-03-03
             */
            targetDate?: string;
            /** @description Why; needed to change the severity of a system-detected deviation, and kept in the audit trail */
            reason?: string;
        };
        DeviationTransitionRequest: {
            /**
             * @description The state to move to
             * @enum {string}
             */
            to: "open" | "analysis" | "action_plan" | "in_progress" | "closed" | "cancelled";
            /** @description Why; for cancel and reopen this is the reason, for close the closing comment */
            comment: string;
            /** @description Root cause (needed to enter action_plan, if not recorded before) */
            rootCause?: string;
            /** @description For a minor deviation: why a correction alone suffices, without a corrective action */
            correctionOnlyJustification?: string;
            /** @description Your password, to sign the closure electronically */
            password?: string;
        };
        ScanRequest: {
            /**
             * Format: date
             * @description Judge overdue as of this day: today (the default, in the programme time zone), or a past day (quality managers only, to catch up on a missed scan); never a day to come
             * @example 2026-03-03
             */
            today?: string;
        };
        ScanResponse: {
            /** Format: date */
            today: string;
            /** @description Subject-procedure cells overdue now */
            overdueCells: number;
            /** @description Gaps longer than the cadence of a recurring activity (and series short of their sessions) found now, those already with a deviation included */
            cadenceGaps: number;
            /** @description Deviations opened by this scan (none for an overdue that already has one) */
            opened: components["schemas"]["DeviationResponse"][];
        };
        CreateCorrectiveActionRequest: {
            /** @description The deviations this action addresses */
            deviationIds: string[];
            /** @enum {string} */
            type: "correction" | "corrective" | "preventive" | "improvement";
            description: string;
            /**
             * Format: uuid
             * @description Who carries it out
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked (checked after implementation by someone other than the owner) */
            effectivenessCriterion: string;
            /** @description When the criterion can be judged: days after implementation before an effectiveness verdict is accepted (default 30; 0 when the criterion can be judged at once, e.g. a document in use) */
            effectivenessCheckAfterDays?: number;
        };
        ActionSourceResponse: {
            /**
             * @description deviation (it answers its deviations), or without one: management_review, risk, internal_audit, objective, other
             * @enum {string}
             */
            kind: "deviation" | "management_review" | "risk" | "internal_audit" | "objective" | "other";
            /**
             * Format: uuid
             * @description The review, risk, audit or objective it comes from
             */
            id: string | null;
            /** @description The source in words (always for other) */
            text: string | null;
        };
        ActionTransitionResponse: {
            seq: number;
            from: string | null;
            to: string;
            comment: string | null;
            /** @enum {string|null} */
            verdict: "effective" | "not_effective" | null;
            evidence: string | null;
            /** Format: uuid */
            signatureId: string | null;
            /** Format: uuid */
            actorId: string | null;
            /**
             * Format: uuid
             * @description The board review that caused it (a request for changes)
             */
            boardReviewId: string | null;
            /** Format: date-time */
            at: string;
        };
        BoardReviewResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            decision: "endorsed" | "changes_requested" | "escalated";
            comment: string;
            /** Format: uuid */
            reviewerId: string;
            reviewerName: string;
            /** Format: uuid */
            signatureId: string;
            /** Format: date-time */
            reviewedAt: string;
        };
        CorrectiveActionResponse: {
            /** Format: uuid */
            id: string;
            /** @example CA-2027-0001 */
            reference: string;
            /** @enum {string} */
            type: "correction" | "corrective" | "preventive" | "improvement";
            description: string;
            /** Format: uuid */
            ownerId: string;
            ownerName: string;
            /** Format: date */
            dueDate: string;
            effectivenessCriterion: string;
            /** @enum {string} */
            state: "planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled";
            /** @description The states the caller may move it to now: the owner's steps for the owner or a quality manager, the effectiveness verdict for a quality manager who is not the owner, cancelling for a quality manager */
            allowedTransitions: ("planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled")[];
            /** @description Due date passed and not yet implemented */
            overdue: boolean;
            /** @description Days past the due date (0 when not overdue) */
            daysLate: number;
            /** @description Open, and its latest board review requests changes: waiting for a quality manager */
            boardChangesRequested: boolean;
            /**
             * @description The latest effectiveness verdict
             * @enum {string|null}
             */
            verdict: "effective" | "not_effective" | null;
            /** @description Linked deviations: id, reference, state (for a programme leader, only those of the programmes they lead) */
            deviations: Record<string, never>[];
            /** @description Linked deviations of programmes the reader does not lead: counted, not shown (0 for other roles) */
            hiddenDeviations: number;
            /**
             * Format: uuid
             * @description The management review decision it tracks
             */
            reviewDecisionId: string | null;
            /** @description Where it comes from */
            source: components["schemas"]["ActionSourceResponse"];
            /** Format: date-time */
            implementedAt: string | null;
            /** @description Days after implementation before effectiveness can be judged, as planned (null: planned before this was recorded) */
            effectivenessCheckAfterDays: number | null;
            /**
             * Format: date
             * @description The first day an effectiveness verdict is accepted (null until implemented)
             */
            effectivenessCheckFrom: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            version: number;
            history?: components["schemas"]["ActionTransitionResponse"][];
            boardReviews?: components["schemas"]["BoardReviewResponse"][];
            signatures?: components["schemas"]["SignatureResponse"][];
        };
        CorrectiveActionPage: {
            items: components["schemas"]["CorrectiveActionResponse"][];
            nextCursor: string | null;
        };
        ActionTransitionRequest: {
            /** @enum {string} */
            to: "planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled";
            /** @description Why; for cancel the reason, for an effectiveness verdict its summary */
            comment: string;
            /**
             * @description Leaving effectiveness_check: effective (to closed) or not_effective (back to in_progress)
             * @enum {string}
             */
            verdict?: "effective" | "not_effective";
            /** @description Evidence for the effectiveness verdict */
            evidence?: string;
            /** @description Your password, to sign the closure electronically */
            password?: string;
        };
        BoardReviewRequest: {
            /** @enum {string} */
            decision: "endorsed" | "changes_requested" | "escalated";
            comment: string;
            /** @description Your password: the review is signed electronically */
            password: string;
        };
        GuestInput: {
            /** @example Eva Ekonom */
            name: string;
            /** @example Representative of the co-financier */
            role: string;
        };
        CreateManagementReviewRequest: {
            /**
             * Format: date
             * @description Day of the meeting
             * @example 2026-03-03
             */
            heldOn: string;
            /** @example Management review, spring 2027 */
            title: string;
            /** @description Users who attend */
            attendeeIds: string[];
            /**
             * Format: date
             * @description First day of the period reviewed (default: the day after the latest earlier review was held, or a year before the meeting)
             * @example 2026-03-03
             */
            periodFrom?: string;
            /**
             * Format: date
             * @description Last day of the period reviewed, on or before the meeting (default: the day of the meeting)
             * @example 2026-03-03
             */
            periodTo?: string;
            /** @description Attendees without an account: name and role */
            guests?: components["schemas"]["GuestInput"][];
        };
        GuestResponse: {
            name: string;
            role: string;
        };
        NoteResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            topic: "issues" | "resources";
            seq: number;
            text: string;
            recordedBy: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        DecisionResponse: {
            /** Format: uuid */
            id: string;
            seq: number;
            text: string;
            /** @enum {string} */
            category: "improvement" | "qms_change" | "resource_need" | "other";
            /** @description The tracked action: id, reference, state, due date */
            action: Record<string, never> | null;
            /** Format: date-time */
            createdAt: string;
        };
        ClosingMeasurementResponse: {
            /** Format: uuid */
            objectiveId: string;
            title: string;
            /**
             * Format: uuid
             * @description The objective's programme; null for the organisation's
             */
            programmeId: string | null;
            indicator: string;
            /**
             * @description rate: a fraction 0..1; days; count: a whole number
             * @enum {string}
             */
            unit: "rate" | "days" | "count";
            /**
             * @description The calendar quarter measured
             * @example 2027-Q1
             */
            period: string;
            /**
             * Format: date
             * @description The day it was measured as of
             */
            measuredOn: string;
            measured: number | null;
            comparator: string;
            /** @description The target then */
            target: number;
            /** @enum {string} */
            status: "met" | "not_met" | "not_measurable";
            /** @description True when closing the review recorded it; false when the quarter was recorded before and is kept */
            recordedAtClose: boolean;
            recordedBy: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        ManagementReviewResponse: {
            /** Format: uuid */
            id: string;
            /** @description Counts the changes to the review (1 + decisions minuted, + 1 once closed); sent as its ETag */
            version: number;
            /** Format: date */
            heldOn: string;
            title: string;
            /**
             * Format: date
             * @description First day of the period reviewed
             */
            periodFrom: string;
            /**
             * Format: date
             * @description Last day of the period reviewed
             */
            periodTo: string;
            /** @enum {string} */
            state: "open" | "closed";
            /** @description Attendees: id and name */
            attendees: Record<string, never>[];
            /** @description Attendees without an account */
            guests: components["schemas"]["GuestResponse"][];
            /** @description Issues and resources as recorded, in order (never changed) */
            notes: components["schemas"]["NoteResponse"][];
            decisions: components["schemas"]["DecisionResponse"][];
            /** Format: date-time */
            closedAt: string | null;
            signature: components["schemas"]["SignatureResponse"] | null;
            /** @description Each quality objective's measurement of the quarter the period ends in, as signed at closing (recorded then, or recorded before and kept); empty while the review is open */
            objectiveMeasurements: components["schemas"]["ClosingMeasurementResponse"][];
            /** Format: date-time */
            createdAt: string;
        };
        OldestOpenDeviation: {
            reference: string;
            /**
             * Format: date-time
             * @description When its nonconformity occurred
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When it was detected
             */
            detectedAt: string;
        };
        ReviewDeviationInputs: {
            open: number;
            overdue: number;
            /** @description Open deviations by severity */
            openBySeverity: {
                [key: string]: number;
            };
            /** @description Open deviations by source */
            openBySource: {
                [key: string]: number;
            };
            /** @description The open deviation that has stood longest, counted from when its nonconformity occurred; null when none is open (absent from reviews closed before it was kept) */
            oldestOpen?: components["schemas"]["OldestOpenDeviation"] | null;
        };
        ReviewActionInputs: {
            /** @description Corrective actions by state */
            byState: {
                [key: string]: number;
            };
            overdue: number;
            overdueReferences: string[];
        };
        ReviewConformanceInput: {
            procedureKey: string;
            conforming: number;
            completed: number;
            /** @description conforming / completed; null when none completed */
            rate: number | null;
        };
        ReviewDecisionActionInput: {
            reference: string;
            /** @enum {string} */
            state: "planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled";
            /** Format: date */
            dueDate: string;
            overdue: boolean;
        };
        ReviewEarlierDecisionInput: {
            /** Format: uuid */
            reviewId: string;
            /** Format: date */
            heldOn: string;
            title: string;
            seq: number;
            text: string;
            action: components["schemas"]["ReviewDecisionActionInput"] | null;
        };
        ReviewPeriodInput: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /**
             * Format: date
             * @description First day of the period of equal length before it (for trends)
             */
            previousFrom: string;
            /** Format: date */
            previousTo: string;
        };
        ReviewNoteInput: {
            seq: number;
            text: string;
            /** Format: date-time */
            recordedAt: string;
        };
        /**
         * @description Where the figures come from: survey (answered by the people themselves; replaces the leaders' scores where there are survey answers in the period) or recorded_by_leaders
         * @enum {string}
         */
        SatisfactionSource: "survey" | "recorded_by_leaders";
        ReviewSurveySourceInput: {
            /** @description The surveys (keys) whose scale questions feed the figure */
            surveys: string[];
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            invited: number | ("<5" | ">=5");
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            answered: number | ("<5" | ">=5");
            /** @description answered / invited, 0..1; null when a count is hidden */
            responseRate: number | null;
        };
        ReviewSurveySatisfactionInput: {
            /** @example employer_satisfaction */
            indicator: string;
            /** @description A count of people; "<5" for 1 to 4 */
            responses: number | "<5";
            /** @description Mean score 1-5; null when fewer than 5 answered */
            mean: number | null;
            previousMean: number | null;
            /**
             * @description Against the period before; null without one
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
            survey: components["schemas"]["ReviewSurveySourceInput"];
            /**
             * @description The source in words, e.g. "survey (12 answers, response rate 80 %)" or "recorded by leaders"
             * @example survey (12 answers, response rate 80 %)
             */
            sourceNote: string;
        };
        ScoreDistribution: {
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            1: number | ("<5" | ">=5");
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            2: number | ("<5" | ">=5");
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            3: number | ("<5" | ">=5");
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            4: number | ("<5" | ">=5");
            /** @description A count of people; "<5" for 1 to 4, ">=5" for a count hidden so that a small one cannot be worked out from it */
            5: number | ("<5" | ">=5");
        };
        ReviewSatisfactionInput: {
            /** @description Where the figures come from: survey (answered by the people themselves; replaces the leaders' scores where there are survey answers in the period) or recorded_by_leaders */
            source?: components["schemas"]["SatisfactionSource"];
            /**
             * @description The source in words, e.g. "survey (12 answers, response rate 80 %)" or "recorded by leaders"
             * @example survey (12 answers, response rate 80 %)
             */
            sourceNote?: string;
            /** @description With source survey: the surveys and their response */
            survey?: components["schemas"]["ReviewSurveySourceInput"] | null;
            /** @description Host organisations (employers) of internships, from their survey answers; null when none answered in the period */
            employers?: components["schemas"]["ReviewSurveySatisfactionInput"] | null;
            procedureKey: string;
            stepKey: string;
            fieldKey: string;
            /** @description A count of people; "<5" for 1 to 4 */
            responses: number | "<5";
            /** @description Mean score 1-5; null when fewer than 5 answered (it could identify someone) */
            mean: number | null;
            distribution: components["schemas"]["ScoreDistribution"];
            /** @description A count of people; "<5" for 1 to 4 */
            feedbackGiven: number | "<5";
            previousMean: number | null;
            /**
             * @description Against the period before; null without one
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
        };
        ReviewObjectiveMeasurement: {
            /** @example 2026-Q3 */
            period: string;
            measured: number | null;
            status: string;
        };
        ReviewObjectiveInput: {
            /** Format: uuid */
            id: string;
            title: string;
            ownerName: string | null;
            /** Format: date */
            deadline: string;
            indicator: string;
            unit: string;
            comparator: string;
            target: number;
            measured: number | null;
            status: string;
            /**
             * @description Against the period before; null without one
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
            /** @description Whether the trend moves towards the target */
            trendIsBetter: boolean | null;
            measuredInPeriod: components["schemas"]["ReviewObjectiveMeasurement"][];
        };
        ReviewProcessPerformanceInput: {
            procedureKey: string;
            conforming: number;
            completed: number;
            rate: number | null;
            previousRate: number | null;
            /**
             * @description Against the period before; null without one
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
        };
        ReviewNonconformityInput: {
            detected: number;
            closed: number;
            /** @description Deviations detected in the period, by severity */
            detectedBySeverity: {
                [key: string]: number;
            };
        };
        ReviewMonitoringInput: {
            conformanceRate: number | null;
            completionRate: number | null;
            withdrawalRate: number | null;
            inWorkOrStudiesRate: number | null;
            actionsClosedOnTimeRate: number | null;
            medianDaysToClose: number | null;
            openDeviations: number | null;
        };
        ReviewAuditFindingCounts: {
            major: number;
            minor: number;
            observations: number;
            opportunities: number;
        };
        ReviewInternalAudit: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            state: string;
            /** Format: date */
            performedOn: string | null;
            findings: components["schemas"]["ReviewAuditFindingCounts"];
        };
        ReviewInternalAuditInputs: {
            available: boolean;
            note: string | null;
            audits: components["schemas"]["ReviewInternalAudit"][];
        };
        ReviewExternalProvidersInput: {
            /** @description A count of people; "<5" for 1 to 4 */
            pairsMatched: number | "<5";
            /** @description A count of people; "<5" for 1 to 4 */
            pairsEndedEarly: number | "<5";
            /** @description A count of people; "<5" for 1 to 4 */
            mentorFeedbackGiven: number | "<5";
            /** @description A count of people; "<5" for 1 to 4 */
            mentorSatisfactionResponses: number | "<5";
            mentorSatisfactionMean: number | null;
            /** @description Where the figures come from: survey (answered by the people themselves; replaces the leaders' scores where there are survey answers in the period) or recorded_by_leaders */
            mentorSatisfactionSource?: components["schemas"]["SatisfactionSource"];
            /**
             * @description The source in words, e.g. "survey (12 answers, response rate 80 %)" or "recorded by leaders"
             * @example survey (12 answers, response rate 80 %)
             */
            mentorSatisfactionSourceNote?: string;
            /** @description With source survey: the surveys and their response */
            mentorSatisfactionSurvey?: components["schemas"]["ReviewSurveySourceInput"] | null;
        };
        ReviewRiskAction: {
            reference: string;
            state: string;
        };
        ReviewRiskInput: {
            reference: string;
            /** @enum {string} */
            kind: "risk" | "opportunity";
            title: string;
            status: string;
            ratingBefore: number;
            ratingAfter: number | null;
            actions: components["schemas"]["ReviewRiskAction"][];
        };
        ReviewOpportunityAction: {
            reference: string;
            type: string;
            source: string;
            sourceText: string | null;
            state: string;
            /** Format: date */
            dueDate: string;
        };
        ReviewRegisterOpportunity: {
            reference: string;
            title: string;
            rating: number;
        };
        ReviewOpportunitiesInput: {
            actions: components["schemas"]["ReviewOpportunityAction"][];
            register: components["schemas"]["ReviewRegisterOpportunity"][];
        };
        ManagementReviewInputsResponse: {
            /** Format: date-time */
            composedAt: string;
            /** Format: date */
            asOf: string;
            deviations: components["schemas"]["ReviewDeviationInputs"];
            correctiveActions: components["schemas"]["ReviewActionInputs"];
            conformance: components["schemas"]["ReviewConformanceInput"][];
            /** @description 9.3.2 a: status of actions from previous reviews */
            earlierDecisions: components["schemas"]["ReviewEarlierDecisionInput"][];
            /** @description The period reviewed and the one of equal length before it */
            period?: components["schemas"]["ReviewPeriodInput"];
            /** @description 9.3.2 b: changes in external and internal issues, as recorded on the review */
            issues?: components["schemas"]["ReviewNoteInput"][];
            /** @description 9.3.2 c 1: adept satisfaction 1-5 in the period: from surveys the adepts answered where there are any (source survey), else as leaders recorded it at final evaluations; host organisations from their surveys; counts of people under 5 are <5 */
            satisfaction?: components["schemas"]["ReviewSatisfactionInput"];
            /** @description 9.3.2 c 2: the extent to which quality objectives have been met */
            objectives?: components["schemas"]["ReviewObjectiveInput"][];
            /** @description 9.3.2 c 3: per procedure, executions completed in the period and their conformance, against the period before */
            processPerformance?: components["schemas"]["ReviewProcessPerformanceInput"][];
            /** @description 9.3.2 c 4: deviations detected and closed in the period */
            nonconformities?: components["schemas"]["ReviewNonconformityInput"];
            /** @description 9.3.2 c 5: the headline indicators over every programme */
            monitoring?: components["schemas"]["ReviewMonitoringInput"];
            /** @description 9.3.2 c 6: the internal audits performed in the period */
            internalAudits?: components["schemas"]["ReviewInternalAuditInputs"];
            /** @description 9.3.2 c 7: mentors: pairs matched and ended early in the period, mentor feedback and satisfaction (from the mentors' surveys where there are answers, else as leaders recorded it at mid-point follow-ups) */
            externalProviders?: components["schemas"]["ReviewExternalProvidersInput"];
            /** @description 9.3.2 d: the adequacy of resources, as recorded on the review */
            resources?: components["schemas"]["ReviewNoteInput"][];
            /** @description 9.3.2 e: risks and opportunities with actions: rating before and after treatment, the actions and their state */
            risks?: components["schemas"]["ReviewRiskInput"][];
            /** @description 9.3.2 f: open actions without a deviation and open opportunities in the risk register */
            opportunities?: components["schemas"]["ReviewOpportunitiesInput"];
        };
        DecisionActionInput: {
            /**
             * Format: uuid
             * @description Who carries out the action
             */
            ownerId: string;
            /**
             * Format: date
             * @example 2026-03-03
             */
            dueDate: string;
            description: string;
            /** @description How we will know it worked (default: followed up at the next management review) */
            effectivenessCriterion?: string;
        };
        CreateDecisionRequest: {
            /** @description The decision as minuted */
            text: string;
            /**
             * @description ISO 9001 9.3.3: improvement, qms_change (a change to the quality management system), resource_need, other (default: improvement with an action, else other)
             * @enum {string}
             */
            category?: "improvement" | "qms_change" | "resource_need" | "other";
            /** @description An action to track: becomes a corrective action of type improvement */
            action?: components["schemas"]["DecisionActionInput"];
        };
        CreateNoteRequest: {
            /**
             * @description issues: changes in internal and external issues (9.3.2 b); resources: adequacy of resources (9.3.2 e)
             * @enum {string}
             */
            topic: "issues" | "resources";
            text: string;
        };
        CloseReviewRequest: {
            /** @description Your password: closing is signed electronically by a board member */
            password: string;
            comment?: string;
        };
        /** @enum {string} */
        SatisfactionIndicator: "participant_satisfaction" | "mentor_satisfaction" | "employer_satisfaction";
        SatisfactionIndicatorResponse: {
            indicator: components["schemas"]["SatisfactionIndicator"];
            /** @description The surveys (keys) whose scale questions name this indicator */
            surveys: string[];
            /** @description Invitations of those surveys */
            invited: number | ("<5" | ">=5");
            answered: number | ("<5" | ">=5");
            declined: number | ("<5" | ">=5");
            /** @description answered / invited, 0..1; null when a count is hidden */
            responseRate: number | null;
            /** @description Scale answers naming the indicator */
            n: number | ("<5" | ">=5");
            /** @description Mean score 1..5, two decimals; null when fewer than 5 answered */
            mean: number | null;
            /** @description Answers per score 1..5; null when fewer than 5 answered */
            distribution: {
                [key: string]: number | ("<5" | ">=5");
            } | null;
        };
        IndicatorsResponse: {
            programmeIds: string[];
            /** Format: date */
            asOf: string;
            /** @description Whether counts of people under 5 are shown as "<5" */
            smallCellsSuppressed: boolean;
            /** @description By role and gender, by role (enrolled, active, completed, withdrawn), countries of origin; counts of people under 5 are "<5" (or a second cell ">=5") when smallCellsSuppressed */
            participants: {
                [key: string]: unknown;
            };
            /** @description Adepts by outcome at the final evaluation, and not_evaluated ("<5" or ">=5" when smallCellsSuppressed) */
            outcomes: {
                [key: string]: number | ("<5" | ">=5");
            };
            /** @description Adepts in their own profession: yes, no, unknown ("<5" or ">=5" when smallCellsSuppressed) */
            inOwnProfession: {
                [key: string]: number | ("<5" | ">=5");
            };
            /** @description Completers employed or studying: numerator, denominator, value (internships not counted); when smallCellsSuppressed, counts under 5 (or a remainder under 5) are "<5" and value is null */
            inWorkOrStudiesAmongCompleters: {
                [key: string]: unknown;
            };
            /** @description Adepts who left or completed, by the outcome recorded on leaving or completing (left_for_work, left_for_studies, personal_reasons, other, employed_in_profession, employed_other, studying, seeking_work) and not_recorded ("<5" or ">=5" when smallCellsSuppressed) */
            recordedOutcomes: {
                [key: string]: number | ("<5" | ">=5");
            };
            /** @description Adepts in work or studies on leaving early (left for work or studies: an outcome, not a failure) or on completing, among all who left or completed: numerator, denominator, value */
            successesAmongLeaversAndCompleters: {
                [key: string]: unknown;
            };
            /** @description Adepts who left early for another reason than work or studies ("<5" when smallCellsSuppressed) */
            dropouts: number | ("<5" | ">=5");
            /** @description Conformance rate overall, per procedure and per version */
            conformance: {
                [key: string]: unknown;
            };
            /** @description By severity, source, state and month of occurrence (byMonth); median days to closure from detection (medianDaysDetectionToClosure) and from occurrence (medianDaysOccurrenceToClosure) */
            deviations: {
                [key: string]: unknown;
            };
            /** @description By state; closed on time as a rate */
            correctiveActions: {
                [key: string]: unknown;
            };
            /** @description Satisfaction from surveys answered by the people themselves (participants, mentors, host organisations), answers given up to asOf; suppressed for every reader */
            satisfaction: components["schemas"]["SatisfactionIndicatorResponse"][];
        };
        FunnelStagesResponse: {
            /** @description Everyone registered: applicants (whatever became of them) and those enrolled directly */
            interested: number | ("<5" | ">=5");
            /** @description With a completed interview procedure (intakeProcedure) */
            interviewed: number | ("<5" | ">=5");
            /** @description Enrolled: admitted by the intake decision, or enrolled directly */
            admitted: number | ("<5" | ">=5");
            /** @description Completed the programme */
            completed: number | ("<5" | ">=5");
            /** @description Still applicants, awaiting the intake decision */
            applicant: number | ("<5" | ">=5");
            /** @description On the waiting list */
            waitingList: number | ("<5" | ">=5");
            /** @description Not admitted */
            notAdmitted: number | ("<5" | ">=5");
            /** @description Enrolled who left early (for a job, studies or other reasons) */
            withdrawn: number | ("<5" | ">=5");
            /**
             * @description The procedure whose completion counts as the interview
             * @example intake-interview
             */
            intakeProcedure: string;
        };
        FunnelResponse: {
            /** Format: uuid */
            programmeId: string;
            /** @description Whether counts of people under 5 are shown as "<5" */
            smallCellsSuppressed: boolean;
            adept: components["schemas"]["FunnelStagesResponse"];
            /** @description Mentor candidates: interviewed means vetted */
            mentor: components["schemas"]["FunnelStagesResponse"];
        };
        CreateObjectiveRequest: {
            /**
             * Format: uuid
             * @description The programme; omit for an objective over all programmes
             */
            programmeId?: string;
            /** @description One of conformance_rate, in_work_or_studies_rate, completion_rate, withdrawal_rate, actions_closed_on_time_rate, median_days_to_close, open_deviations, open_major_or_critical_deviations, participant_satisfaction, mentor_satisfaction, employer_satisfaction, or conformance_rate:<procedure-key>. Units: rates (*_rate) are fractions from 0 to 1 (0.9 for 90 %, not percent); median_days_to_close is days, 0 or more; open_* are counts, whole numbers 0 or more; *_satisfaction are mean scores 1..5 from survey answers (not measurable over fewer than 5 answers). */
            indicator: string;
            /** @enum {string} */
            comparator: ">=" | "<=" | ">" | "<" | "=";
            /** @description The target in the unit of the measure: a rate as a fraction 0..1 (0.9 for 90 %), days 0 or more, a count a whole number 0 or more, a score 1..5; anything else is refused (422, target_out_of_range) naming the unit */
            target: number;
            /** @example At least 90 % of intake interviews conform */
            title: string;
            /**
             * Format: uuid
             * @description Who answers for it: an active quality manager, programme leader or board member (default: you)
             */
            ownerId?: string;
            /**
             * Format: date
             * @description When it is to be met: today or later (default: the last day of this year)
             * @example 2026-03-03
             */
            deadline?: string;
            /** @description Existing actions that make up its plan */
            actionIds?: string[];
        };
        ObjectivePlanAction: {
            /** Format: uuid */
            id: string;
            reference: string;
            type: string;
            state: string;
            /** Format: date */
            dueDate: string;
        };
        ObjectiveMeasurementResponse: {
            /**
             * @description The calendar quarter measured
             * @example 2027-Q1
             */
            period: string;
            /**
             * Format: date
             * @description The day it was measured as of
             */
            measuredOn: string;
            measured: number | null;
            /** @enum {string} */
            comparator: ">=" | "<=" | ">" | "<" | "=";
            /** @description The target then */
            target: number;
            /** @enum {string} */
            status: "met" | "not_met" | "not_measurable";
            /**
             * @description Against the period before
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
            recordedBy: string | null;
            /** Format: date-time */
            recordedAt: string;
        };
        ObjectiveResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string | null;
            indicator: string;
            /**
             * @description rate: a fraction 0..1; days; count: a whole number; score: a mean 1..5
             * @enum {string}
             */
            unit: "rate" | "days" | "count" | "score";
            /** @enum {string} */
            comparator: ">=" | "<=" | ">" | "<" | "=";
            target: number;
            title: string;
            /** Format: uuid */
            ownerId: string | null;
            ownerName: string | null;
            /** Format: date */
            deadline: string;
            /** @description The actions of its plan: linked, and planned from the objective */
            plan: components["schemas"]["ObjectivePlanAction"][];
            /** @description The value measured now */
            measured: number | null;
            /** @enum {string} */
            status: "met" | "not_met" | "not_measurable";
            /** Format: date */
            asOf?: string;
            /**
             * @description The value now against the latest measurement recorded for an earlier period
             * @enum {string|null}
             */
            trend: "up" | "down" | "flat" | null;
            /** @description Whether the trend moves towards the target (null: flat, equal or unknown) */
            trendIsBetter: boolean | null;
            /** @description Measurements recorded per period, oldest first (never changed) */
            history: components["schemas"]["ObjectiveMeasurementResponse"][];
            /** @description Counts the changes; sent as its ETag */
            version: number;
        };
        UpdateObjectiveRequest: {
            title?: string;
            /** @enum {string} */
            comparator?: ">=" | "<=" | ">" | "<" | "=";
            /** @description The target in the unit of the measure: a rate as a fraction 0..1 (0.9 for 90 %), days 0 or more, a count a whole number 0 or more, a score 1..5; anything else is refused (422, target_out_of_range) naming the unit */
            target?: number;
            /**
             * Format: uuid
             * @description An active quality manager, programme leader or board member
             */
            ownerId?: string;
            /**
             * Format: date
             * @description Today or later
             * @example 2026-03-03
             */
            deadline?: string;
            /** @description The existing actions of its plan (the whole list) */
            actionIds?: string[];
            /** @description Why it changes (kept in the audit trail) */
            reason: string;
        };
        PlanObjectiveActionRequest: {
            /** @enum {string} */
            type: "improvement" | "preventive";
            description: string;
            /**
             * Format: uuid
             * @description Who carries it out (a quality manager or programme leader)
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked */
            effectivenessCriterion: string;
            /** @description Days after implementation before effectiveness is judged (default 30) */
            effectivenessCheckAfterDays?: number;
        };
        EvidenceJsonResponse: {
            /** @description SHA-256 of the canonical JSON of the model, as printed on every page of the PDF */
            fingerprint: string;
            /** @description The evidence report model: the data the PDF is rendered from (programme, procedures, matrix, deviations, actions, indicators, audit trail) */
            model: {
                [key: string]: unknown;
            };
        };
        /** @enum {string} */
        RiskKind: "risk" | "opportunity";
        /** @enum {string} */
        RiskStatus: "open" | "closed";
        /** @enum {string} */
        RiskChange: "created" | "revised" | "reviewed" | "closed" | "reopened";
        PersonRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        RiskResponse: {
            revision: number;
            change: components["schemas"]["RiskChange"];
            reason: string | null;
            title: string;
            cause: string;
            consequence: string;
            likelihood: number;
            impact: number;
            /** @description likelihood × impact, 1 to 25 */
            score: number;
            /** @enum {string} */
            band: "low" | "medium" | "high";
            treatment: string | null;
            actionIds: string[];
            residualLikelihood: number | null;
            residualImpact: number | null;
            residualScore: number | null;
            owner: components["schemas"]["PersonRef"];
            /** Format: date */
            nextReviewOn: string;
            status: components["schemas"]["RiskStatus"];
            recordedBy: components["schemas"]["PersonRef"];
            /** Format: date-time */
            recordedAt: string;
            /** Format: uuid */
            id: string;
            /** @example RISK-2026-0001 */
            reference: string;
            kind: components["schemas"]["RiskKind"];
            /** Format: uuid */
            programmeId: string | null;
            programmeName: string | null;
            /** @description Open, and the review date has passed */
            reviewOverdue: boolean;
            /** @description Optimistic-locking version (the revision), also sent as the ETag */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Whether the caller may revise it */
            mayRevise: boolean;
        };
        RiskPage: {
            /** @description Overdue first, then by next review date and reference */
            items: components["schemas"]["RiskResponse"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Risks matching the filters, on every page */
            total: number;
        };
        HeatMapResponse: {
            kind: components["schemas"]["RiskKind"];
            /** @description Open risks counted */
            total: number;
            /** @description Counts before treatment: inherent[likelihood - 1][impact - 1] */
            inherent: number[][];
            /** @description Counts after treatment: residual[likelihood - 1][impact - 1] */
            residual: number[][];
            /** @description Open risks whose residual rating is not yet assessed */
            residualNotAssessed: number;
        };
        CreateRiskRequest: {
            /** @description A risk (something that may go wrong) or an opportunity */
            kind: components["schemas"]["RiskKind"];
            /**
             * Format: uuid
             * @description The programme the risk belongs to; omit for a risk of the whole organisation
             */
            programmeId?: string;
            /** @example No mentor in the adept’s profession */
            title: string;
            /** @description What could cause it */
            cause: string;
            /** @description What would follow if it happened */
            consequence: string;
            /** @description How likely it is, 1 (lowest) to 5 (highest) */
            likelihood: number;
            /** @description How much it would matter, 1 (lowest) to 5 (highest) */
            impact: number;
            /** @description How it is treated (avoided, reduced, shared, accepted; for an opportunity: pursued) */
            treatment?: string;
            /** @description Corrective or improvement actions that carry out the treatment */
            actionIds?: string[];
            /** @description Likelihood once treated, 1 (lowest) to 5 (highest) */
            residualLikelihood?: number;
            /** @description Impact once treated, 1 (lowest) to 5 (highest) */
            residualImpact?: number;
            /**
             * Format: uuid
             * @description Who owns the risk: a quality manager, programme leader or board member
             */
            ownerId: string;
            /**
             * Format: date
             * @description When the owner reviews it next: today or later, within two years
             * @example 2026-03-03
             */
            nextReviewOn: string;
        };
        RiskRevisionResponse: {
            revision: number;
            change: components["schemas"]["RiskChange"];
            reason: string | null;
            title: string;
            cause: string;
            consequence: string;
            likelihood: number;
            impact: number;
            /** @description likelihood × impact, 1 to 25 */
            score: number;
            /** @enum {string} */
            band: "low" | "medium" | "high";
            treatment: string | null;
            actionIds: string[];
            residualLikelihood: number | null;
            residualImpact: number | null;
            residualScore: number | null;
            owner: components["schemas"]["PersonRef"];
            /** Format: date */
            nextReviewOn: string;
            status: components["schemas"]["RiskStatus"];
            recordedBy: components["schemas"]["PersonRef"];
            /** Format: date-time */
            recordedAt: string;
        };
        RiskHistoryResponse: {
            /** @description Every revision, oldest first */
            revisions: components["schemas"]["RiskRevisionResponse"][];
        };
        PlanRiskActionRequest: {
            /**
             * @description preventive (a risk) or improvement (an opportunity)
             * @enum {string}
             */
            type: "preventive" | "improvement";
            description: string;
            /**
             * Format: uuid
             * @description Who carries it out: a quality manager or programme leader
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked (checked after implementation by someone other than the owner) */
            effectivenessCriterion: string;
            /** @description Days after implementation before its effectiveness can be judged (default 30) */
            effectivenessCheckAfterDays?: number;
        };
        ReviseRiskRequest: {
            /** @description Why the risk changes (or what the review found) */
            reason: string;
            title?: string;
            cause?: string;
            consequence?: string;
            /** @description How likely it is, 1 (lowest) to 5 (highest) */
            likelihood?: number;
            /** @description How much it would matter, 1 (lowest) to 5 (highest) */
            impact?: number;
            treatment?: string | null;
            actionIds?: string[];
            /** @description null: not assessed */
            residualLikelihood?: number | null;
            /** @description null: not assessed */
            residualImpact?: number | null;
            /** Format: uuid */
            ownerId?: string;
            /**
             * Format: date
             * @example 2026-03-03
             */
            nextReviewOn?: string;
            /** @description closed: the risk no longer applies */
            status?: components["schemas"]["RiskStatus"];
        };
        /** @enum {string} */
        DocumentKind: "quality_policy" | "scope" | "process_map" | "form" | "consent_text" | "participant_agreement" | "handbook" | "external";
        PersonRefResponse: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        /** @enum {string} */
        DocumentVersionState: "draft" | "in_review" | "approved" | "effective" | "superseded" | "rejected" | "retired";
        MyAcknowledgementResponse: {
            /** @description The version in force asks the caller to acknowledge it */
            required: boolean;
            /** Format: date-time */
            acknowledgedAt: string | null;
        };
        DocumentSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** @example DOC-2026-0001 */
            reference: string;
            kind: components["schemas"]["DocumentKind"];
            title: string;
            owner: components["schemas"]["PersonRefResponse"];
            reviewIntervalMonths: number | null;
            /** Format: date */
            reviewBy: string;
            /** @description In force, and the review-by day has passed */
            reviewOverdue: boolean;
            /** @description The version in force today */
            effectiveVersion: number | null;
            /** Format: date */
            effectiveOn: string | null;
            /** @description The latest version the caller sees */
            latestVersion: number | null;
            latestState: components["schemas"]["DocumentVersionState"] | null;
            myAcknowledgement: components["schemas"]["MyAcknowledgementResponse"];
            /** @description Optimistic-locking version of the document, also the ETag */
            version: number;
        };
        CreateDocumentRequest: {
            /** @description What the document is */
            kind: components["schemas"]["DocumentKind"];
            /** @example Quality policy */
            title: string;
            /**
             * Format: uuid
             * @description Who owns the document (drafts its versions, reviews it): a quality manager, programme leader or board member
             */
            ownerId: string;
            /** @description Review the document every this many months: each version coming into force moves the review-by day */
            reviewIntervalMonths?: number;
            /**
             * Format: date
             * @description Review by this day; without it, today plus the interval (one of the two is required)
             * @example 2026-03-03
             */
            reviewBy?: string;
            /** @description What version 1 is (the first draft is created with the document) */
            changeSummary?: string;
            /** @description Holders of these roles acknowledge the version once it is in force ("read and understood") */
            acknowledgementRoles?: components["schemas"]["AcknowledgingRole"][];
        };
        DocumentContributorResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            contributions: ("created" | "edited" | "uploaded")[];
        };
        /**
         * @description Judged from the content
         * @enum {string}
         */
        DocumentMediaType: "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "image/png" | "image/jpeg";
        DocumentFileResponse: {
            /** Format: uuid */
            id: string;
            /** @example Quality policy 2026.pdf */
            filename: string;
            /** @description Judged from the content */
            mediaType: components["schemas"]["DocumentMediaType"];
            sizeBytes: number;
            /** @description SHA-256 of the content, hex; also the ETag of the download */
            sha256: string;
            uploadedBy: components["schemas"]["PersonRefResponse"];
            /** Format: date-time */
            uploadedAt: string;
            /** @description Where to download it */
            href: string;
        };
        DocumentVersionResponse: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @description approved: approved, its effective day still to come */
            state: components["schemas"]["DocumentVersionState"];
            changeSummary: string | null;
            acknowledgementRoles: components["schemas"]["AcknowledgingRole"][];
            author: components["schemas"]["PersonRefResponse"];
            /** @description Everyone who wrote it (none of them may approve it) */
            contributors: components["schemas"]["DocumentContributorResponse"][];
            /** @description SHA-256 of what is signed, fixed at submission */
            contentHash: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            submittedAt: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date */
            effectiveOn: string | null;
            /** Format: date */
            supersededOn: string | null;
            /** Format: date-time */
            rejectedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description Why it was rejected or retired */
            statusReason: string | null;
            files: components["schemas"]["DocumentFileResponse"][];
            signatures: components["schemas"]["SignatureResponse"][];
            /** @description What the caller may do with it now */
            allowedActions: ("upload" | "submit" | "approve" | "reject" | "retire")[];
        };
        DocumentReviewResponse: {
            /** Format: uuid */
            id: string;
            versionNumber: number;
            reviewedBy: components["schemas"]["PersonRefResponse"];
            /** Format: date-time */
            reviewedAt: string;
            comment: string;
            /** Format: date */
            previousReviewBy: string;
            /** Format: date */
            nextReviewBy: string;
        };
        DocumentResponse: {
            /** Format: uuid */
            id: string;
            /** @example DOC-2026-0001 */
            reference: string;
            kind: components["schemas"]["DocumentKind"];
            title: string;
            owner: components["schemas"]["PersonRefResponse"];
            reviewIntervalMonths: number | null;
            /** Format: date */
            reviewBy: string;
            /** @description In force, and the review-by day has passed */
            reviewOverdue: boolean;
            /** @description The version in force today */
            effectiveVersion: number | null;
            /** Format: date */
            effectiveOn: string | null;
            /** @description The latest version the caller sees */
            latestVersion: number | null;
            latestState: components["schemas"]["DocumentVersionState"] | null;
            myAcknowledgement: components["schemas"]["MyAcknowledgementResponse"];
            /** @description Optimistic-locking version of the document, also the ETag */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** @description The versions the caller sees, oldest first */
            versions: components["schemas"]["DocumentVersionResponse"][];
            /** @description Reviews that found nothing to change, oldest first */
            reviews: components["schemas"]["DocumentReviewResponse"][];
            /** @description Whether the caller may start a new version (a quality manager or the owner, no version open) */
            mayDraft: boolean;
            /** @description Whether the caller may record a review (a quality manager or the owner, a version in force) */
            mayReview: boolean;
        };
        CreateDocumentVersionRequest: {
            /** @description What changes in this version */
            changeSummary?: string;
            /** @description Roles that acknowledge this version once in force; default: the previous version's */
            acknowledgementRoles?: components["schemas"]["AcknowledgingRole"][];
        };
        ApproveDocumentVersionRequest: {
            /** @description The approver's password, re-entered: this is an electronic signature */
            password: string;
            /** @description Reason or comment recorded with the signature */
            comment: string;
            /**
             * Format: date
             * @description The day the version comes into force (default today): today or later, and not before a version approved earlier
             * @example 2026-03-03
             */
            effectiveOn?: string;
        };
        RejectDocumentVersionRequest: {
            /** @description Why the version is rejected; work continues in the next version */
            comment: string;
        };
        RetireDocumentVersionRequest: {
            /** @description Why the document is withdrawn from use (recorded with the signature) */
            reason: string;
            /** @description Your password, re-entered: retiring a document is signed electronically */
            password: string;
        };
        ReviewDocumentRequest: {
            /** @description What the review found (the version in force still fits) */
            comment: string;
            /**
             * Format: date
             * @description The next review-by day, after today and within five years; default today plus the review interval (required without one)
             * @example 2026-03-03
             */
            nextReviewBy?: string;
        };
        AcknowledgementResponse: {
            /** Format: uuid */
            documentId: string;
            versionNumber: number;
            /** Format: date-time */
            acknowledgedAt: string;
            /** @description false: the caller had acknowledged this version already (nothing new recorded) */
            recorded: boolean;
        };
        AcknowledgerResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The roles they hold that the version names */
            roles: ("quality_manager" | "programme_leader" | "board_member" | "admin")[];
            /**
             * Format: date-time
             * @description null: not yet acknowledged
             */
            acknowledgedAt: string | null;
        };
        AcknowledgementsResponse: {
            /** @description The version in force; null when none is */
            versionNumber: number | null;
            roles: components["schemas"]["AcknowledgingRole"][];
            /** @description Active users holding one of the roles */
            required: number;
            /** @description Of those, who acknowledged the version in force */
            acknowledged: number;
            /** @description Who has not acknowledged first, then who has; by name */
            people: components["schemas"]["AcknowledgerResponse"][];
        };
        /** @enum {string} */
        AuditState: "planned" | "in_progress" | "reported" | "closed";
        /** @enum {string} */
        AuditImportance: "low" | "medium" | "high";
        AuditPersonRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        AuditSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** @example IA-2026-0001 */
            reference: string;
            year: number;
            title: string;
            processes: string[];
            procedureKeys: string[];
            /** Format: uuid */
            programmeId: string | null;
            programmeName: string | null;
            /** @description 1-12 */
            plannedMonth: number;
            importance: components["schemas"]["AuditImportance"];
            previousResults: string | null;
            state: components["schemas"]["AuditState"];
            /** @description Planned, and its month has come */
            due: boolean;
            /** Format: date */
            plannedOn: string | null;
            /** Format: date */
            performedOn: string | null;
            leadAuditor: components["schemas"]["AuditPersonRef"] | null;
            /** @description Optimistic-locking version, also sent as the ETag */
            version: number;
        };
        AuditListResponse: {
            /** @description By year, planned month and reference */
            items: components["schemas"]["AuditSummaryResponse"][];
        };
        /**
         * @description ISO 9001 clauses audited against (criteria)
         * @enum {string}
         */
        IsoClause: "4.1" | "4.2" | "4.3" | "4.4" | "5.1" | "5.2" | "5.3" | "6.1" | "6.2" | "6.3" | "7.1" | "7.2" | "7.3" | "7.4" | "7.5" | "8.1" | "8.2" | "8.4" | "8.5" | "8.5.1" | "8.5.2" | "8.6" | "8.7" | "9.1" | "9.1.2" | "9.2" | "9.3" | "10.2" | "10.3";
        PlanAuditRequest: {
            /** @description The year of the audit programme */
            year: number;
            /** @example Intake and matching */
            title: string;
            /** @description Processes audited, by name (at least one process or procedure) */
            processes?: string[];
            /** @description Procedures audited, by key */
            procedureKeys?: string[];
            /**
             * Format: uuid
             * @description The programme audited; omit for an audit of the whole organisation
             */
            programmeId?: string;
            /** @description The month the audit is planned in (1-12) */
            plannedMonth: number;
            /** @description How important the audited processes are */
            importance: components["schemas"]["AuditImportance"];
            /** @description What earlier audits and records found (why it is audited now) */
            previousResults?: string;
            /** @description What the audit covers */
            scope?: string;
            /** @description ISO 9001 clauses audited against (criteria) */
            clauses?: components["schemas"]["IsoClause"][];
            /**
             * Format: date
             * @description First day of the period whose records are audited
             * @example 2026-03-03
             */
            periodFrom?: string;
            /**
             * Format: date
             * @description Last day of the period whose records are audited
             * @example 2026-03-03
             */
            periodTo?: string;
            /**
             * Format: date
             * @description The day the audit is planned on
             * @example 2026-03-03
             */
            plannedOn?: string;
            /**
             * Format: uuid
             * @description The lead auditor: independent of what is audited
             */
            leadAuditorId?: string;
            /** @description The rest of the audit team, each independent of what is audited */
            teamIds?: string[];
        };
        ReportSignatureResponse: {
            signerName: string;
            meaning: string;
            /** Format: date-time */
            signedAt: string;
            contentHash: string | null;
        };
        LocalisedTitleResponse: {
            en: string;
            sv?: string;
            nb?: string;
        };
        /** @enum {string} */
        AuditAnswerResult: "conforming" | "nonconforming" | "observation" | "not_applicable";
        AuditAnswerResponse: {
            revision: number;
            result: components["schemas"]["AuditAnswerResult"];
            notes: string | null;
            /** @description Executions sampled (by id; no participant is named) */
            executionIds: string[];
            deviationIds: string[];
            recordedBy: components["schemas"]["AuditPersonRef"];
            /** Format: date-time */
            recordedAt: string;
        };
        ChecklistItemResponse: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** @enum {string} */
            kind: "procedure_step" | "clause";
            procedureKey: string | null;
            versionNumber: number | null;
            stepKey: string | null;
            clause: string | null;
            title: components["schemas"]["LocalisedTitleResponse"];
            /** @description The answer that stands (the latest) */
            answer: components["schemas"]["AuditAnswerResponse"] | null;
            /** @description Every answer given, oldest first (a changed answer supersedes, never replaces) */
            history: components["schemas"]["AuditAnswerResponse"][];
        };
        /** @enum {string} */
        AuditFindingKind: "nonconformity" | "observation" | "opportunity";
        /** @enum {string} */
        AuditFindingGrade: "major" | "minor";
        FindingDeviationRef: {
            /** Format: uuid */
            id: string;
            reference: string;
            state: string;
            /** Format: uuid */
            programmeId: string;
        };
        FindingActionRef: {
            /** Format: uuid */
            id: string;
            reference: string;
            state: string;
        };
        AuditFindingResponse: {
            /** Format: uuid */
            id: string;
            seq: number;
            kind: components["schemas"]["AuditFindingKind"];
            grade: components["schemas"]["AuditFindingGrade"] | null;
            title: string;
            description: string;
            itemIds: string[];
            /** @description The deviation a nonconformity opened */
            deviation: components["schemas"]["FindingDeviationRef"] | null;
            /** @description The improvement action an opportunity opened */
            action: components["schemas"]["FindingActionRef"] | null;
            /** @description Handled, as closing the audit needs (see the README) */
            handled: boolean;
            recordedBy: components["schemas"]["AuditPersonRef"];
            /** Format: date-time */
            recordedAt: string;
        };
        AuditPermissions: {
            /** @description May edit, start (a quality manager) */
            manage: boolean;
            /** @description May answer items and record findings (the lead auditor and team) */
            record: boolean;
            /** @description May sign the report (the lead auditor) */
            sign: boolean;
            /** @description May close (a quality manager or the lead auditor) */
            close: boolean;
        };
        AuditResponse: {
            /** Format: uuid */
            id: string;
            /** @example IA-2026-0001 */
            reference: string;
            year: number;
            title: string;
            processes: string[];
            procedureKeys: string[];
            /** Format: uuid */
            programmeId: string | null;
            programmeName: string | null;
            /** @description 1-12 */
            plannedMonth: number;
            importance: components["schemas"]["AuditImportance"];
            previousResults: string | null;
            state: components["schemas"]["AuditState"];
            /** @description Planned, and its month has come */
            due: boolean;
            /** Format: date */
            plannedOn: string | null;
            /** Format: date */
            performedOn: string | null;
            leadAuditor: components["schemas"]["AuditPersonRef"] | null;
            /** @description Optimistic-locking version, also sent as the ETag */
            version: number;
            scope: string | null;
            clauses: string[];
            /** Format: date */
            periodFrom: string | null;
            /** Format: date */
            periodTo: string | null;
            team: components["schemas"]["AuditPersonRef"][];
            conclusion: string | null;
            reportSignature: components["schemas"]["ReportSignatureResponse"] | null;
            /** Format: date-time */
            reportedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            items: components["schemas"]["ChecklistItemResponse"][];
            findings: components["schemas"]["AuditFindingResponse"][];
            may: components["schemas"]["AuditPermissions"];
        };
        UpdateAuditRequest: {
            title?: string;
            /** @description Processes audited, by name */
            processes?: string[];
            /** @description Procedures audited, by key */
            procedureKeys?: string[];
            /** Format: uuid */
            programmeId?: string | null;
            plannedMonth?: number;
            importance?: components["schemas"]["AuditImportance"];
            previousResults?: string | null;
            scope?: string | null;
            clauses?: components["schemas"]["IsoClause"][];
            /**
             * Format: date
             * @example 2026-03-03
             */
            periodFrom?: string | null;
            /**
             * Format: date
             * @example 2026-03-03
             */
            periodTo?: string | null;
            /**
             * Format: date
             * @example 2026-03-03
             */
            plannedOn?: string | null;
            /** Format: uuid */
            leadAuditorId?: string | null;
            teamIds?: string[];
        };
        StartAuditRequest: {
            /**
             * Format: date
             * @description The day the audit is performed (default today; not in the future)
             * @example 2026-03-03
             */
            performedOn?: string;
        };
        AnswerItemRequest: {
            result: components["schemas"]["AuditAnswerResult"];
            /** @description Evidence seen */
            notes?: string;
            /** @description Executions sampled (within the audit’s programme and procedures) */
            executionIds?: string[];
            /** @description Deviations sampled */
            deviationIds?: string[];
        };
        FindingActionRequest: {
            /**
             * Format: uuid
             * @description Who carries out the improvement: a quality manager or programme leader
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked */
            effectivenessCriterion: string;
        };
        RecordFindingRequest: {
            kind: components["schemas"]["AuditFindingKind"];
            /** @description For a nonconformity: major or minor */
            grade?: components["schemas"]["AuditFindingGrade"];
            title: string;
            description: string;
            /** @description The checklist items it rests on */
            itemIds: string[];
            /**
             * Format: uuid
             * @description For a nonconformity of an audit of the whole organisation: the programme its deviation is recorded in
             */
            programmeId?: string;
            /** @description For an opportunity for improvement: the action that pursues it */
            action?: components["schemas"]["FindingActionRequest"];
        };
        SignReportRequest: {
            /** @description The audit’s conclusion, printed in the report */
            conclusion: string;
            /** @description Your password: the lead auditor signs the report electronically */
            password: string;
        };
        CloseAuditRequest: {
            comment?: string;
        };
        CreateImprovementActionRequest: {
            /**
             * @description improvement (ISO 9001 10.3) or preventive
             * @enum {string}
             */
            type: "improvement" | "preventive";
            /**
             * @description Where it comes from instead of a deviation: management_review, risk, objective (each with sourceId), internal_audit (sourceText names the finding) or other (sourceText)
             * @enum {string}
             */
            source: "management_review" | "risk" | "internal_audit" | "objective" | "other";
            /**
             * Format: uuid
             * @description The management review, risk or quality objective it comes from
             */
            sourceId?: string;
            /** @description The source in words: required for internal_audit (the finding) and other */
            sourceText?: string;
            description: string;
            /**
             * Format: uuid
             * @description Who carries it out (a quality manager or programme leader)
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked (checked after implementation by someone other than the owner) */
            effectivenessCriterion: string;
            /** @description Days after implementation before effectiveness is judged (default 30) */
            effectivenessCheckAfterDays?: number;
        };
        /** @enum {string} */
        OrganisationSector: "public" | "private" | "non_profit" | "academic";
        /** @enum {string} */
        OrganisationChange: "created" | "revised" | "deactivated" | "reactivated";
        OrganisationPersonRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        OrganisationResponse: {
            revision: number;
            change: components["schemas"]["OrganisationChange"];
            reason: string | null;
            name: string;
            sector: components["schemas"]["OrganisationSector"];
            contactName: string | null;
            contactEmail: string | null;
            contactPhone: string | null;
            notes: string | null;
            active: boolean;
            recordedBy: components["schemas"]["OrganisationPersonRef"];
            /** Format: date-time */
            recordedAt: string;
            /** Format: uuid */
            id: string;
            /** @description Optimistic-locking version (the revision), also sent as the ETag */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Whether the caller may revise it */
            mayRevise: boolean;
        };
        OrganisationPage: {
            /** @description Active first, then by name */
            items: components["schemas"]["OrganisationResponse"][];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Organisations matching the filters, on every page */
            total: number;
        };
        CreateOrganisationRequest: {
            /**
             * @description Unique in the register, whatever the case
             * @example Northfield University Hospital
             */
            name: string;
            /** @description public (state, region, municipality), private (companies), non_profit (associations, foundations), academic */
            sector: components["schemas"]["OrganisationSector"];
            /** @description The contact person at the organisation */
            contactName?: string;
            /** Format: email */
            contactEmail?: string;
            contactPhone?: string;
            notes?: string;
        };
        OrganisationRevisionResponse: {
            revision: number;
            change: components["schemas"]["OrganisationChange"];
            reason: string | null;
            name: string;
            sector: components["schemas"]["OrganisationSector"];
            contactName: string | null;
            contactEmail: string | null;
            contactPhone: string | null;
            notes: string | null;
            active: boolean;
            recordedBy: components["schemas"]["OrganisationPersonRef"];
            /** Format: date-time */
            recordedAt: string;
        };
        OrganisationHistoryResponse: {
            /** @description Every revision, oldest first */
            revisions: components["schemas"]["OrganisationRevisionResponse"][];
        };
        ReviseOrganisationRequest: {
            /** @description Why the organisation changes */
            reason: string;
            name?: string;
            sector?: components["schemas"]["OrganisationSector"];
            contactName?: string | null;
            /** Format: email */
            contactEmail?: string | null;
            contactPhone?: string | null;
            notes?: string | null;
            /** @description false: no new placements with it (those standing keep it) */
            active?: boolean;
        };
        /** @enum {string} */
        InternshipChange: "placed" | "revised" | "outcome_recorded" | "corrected";
        /** @enum {string} */
        InternshipOutcome: "completed" | "ended_early" | "employed" | "other";
        InternshipPersonRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        InternshipAdept: {
            /** Format: uuid */
            id: string;
            /** @description The pseudonymous code, always given */
            code: string;
            /** @description Only for a caller who may see who the participants of the programme are */
            fullName?: string;
        };
        InternshipHost: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Whether it is active in the register now */
            active: boolean;
        };
        /** @enum {string} */
        InternshipState: "planned" | "ongoing" | "awaiting_outcome" | "ended";
        InternshipResponse: {
            revision: number;
            change: components["schemas"]["InternshipChange"];
            /** @description Only for a caller who may see who the participants are */
            reason?: string | null;
            supervisorName: string;
            supervisorRole: string;
            supervisorEmail: string | null;
            /** Format: date */
            startDate: string;
            /** Format: date */
            endDate: string;
            hoursPerWeek: number | null;
            outcome: components["schemas"]["InternshipOutcome"] | null;
            /** Format: date */
            endedOn: string | null;
            /** @description Only for a caller who may see who the participants are */
            outcomeNote?: string | null;
            recordedBy: components["schemas"]["InternshipPersonRef"];
            /** Format: date-time */
            recordedAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            adept: components["schemas"]["InternshipAdept"];
            organisation: components["schemas"]["InternshipHost"];
            state: components["schemas"]["InternshipState"];
            /** @description Optimistic-locking version (the revision), also sent as the ETag */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Whether the caller may record its outcome and revise it */
            mayRecord: boolean;
        };
        InternshipList: {
            /** @description Latest start first */
            items: components["schemas"]["InternshipResponse"][];
        };
        PlaceInternshipRequest: {
            /**
             * Format: uuid
             * @description The adept (a participant of this programme with the role adept)
             */
            participantId: string;
            /**
             * Format: uuid
             * @description The host organisation, active in the register
             */
            organisationId: string;
            /** @description The supervisor at the host */
            supervisorName: string;
            /**
             * @description The supervisor's role at the host
             * @example Head of the structural design unit
             */
            supervisorRole: string;
            /** Format: email */
            supervisorEmail?: string;
            /**
             * Format: date
             * @description Within the programme
             * @example 2026-03-03
             */
            startDate: string;
            /**
             * Format: date
             * @description On or after the start, at most a year after the programme ends
             * @example 2026-03-03
             */
            endDate: string;
            /** @description Hours a week at the host, if agreed */
            hoursPerWeek?: number;
        };
        InternshipRevisionResponse: {
            revision: number;
            change: components["schemas"]["InternshipChange"];
            /** @description Only for a caller who may see who the participants are */
            reason?: string | null;
            supervisorName: string;
            supervisorRole: string;
            supervisorEmail: string | null;
            /** Format: date */
            startDate: string;
            /** Format: date */
            endDate: string;
            hoursPerWeek: number | null;
            outcome: components["schemas"]["InternshipOutcome"] | null;
            /** Format: date */
            endedOn: string | null;
            /** @description Only for a caller who may see who the participants are */
            outcomeNote?: string | null;
            recordedBy: components["schemas"]["InternshipPersonRef"];
            /** Format: date-time */
            recordedAt: string;
        };
        InternshipHistoryResponse: {
            /** @description Every revision, oldest first */
            revisions: components["schemas"]["InternshipRevisionResponse"][];
        };
        RecordInternshipOutcomeRequest: {
            /** @description completed, ended_early (before its planned end), employed (it led to employment), other (say what in the note) */
            outcome: components["schemas"]["InternshipOutcome"];
            /**
             * Format: date
             * @description The day it ended: default its planned end; not after it, nor after today
             * @example 2026-03-03
             */
            endedOn?: string;
            /** @description Required for other: what came of it */
            note?: string;
        };
        ReviseInternshipRequest: {
            /** @description Why the placement record changes */
            reason: string;
            supervisorName?: string;
            supervisorRole?: string;
            /** Format: email */
            supervisorEmail?: string | null;
            /**
             * Format: date
             * @example 2026-03-03
             */
            startDate?: string;
            /**
             * Format: date
             * @example 2026-03-03
             */
            endDate?: string;
            /** @description Hours a week at the host, if agreed */
            hoursPerWeek?: number | null;
            outcome?: components["schemas"]["InternshipOutcome"];
            /**
             * Format: date
             * @example 2026-03-03
             */
            endedOn?: string;
            note?: string | null;
        };
        /** @enum {string} */
        MailAttentionState: "failed" | "uncertain" | "queued";
        MailAttemptResponse: {
            attempt: number;
            /** @enum {string} */
            outcome: "sent" | "failed" | "uncertain" | "retry_requested";
            /** @description What the server answered (addresses removed) */
            error: string | null;
            /** Format: date-time */
            at: string;
        };
        OutboxMailResponse: {
            /** Format: uuid */
            id: string;
            /** @description Where the mail goes: an address (administrators only see this list) */
            recipient: string;
            /**
             * @description Why it is sent; one mail per recipient and reason
             * @example reminder:action_target:…:2026-03-05
             */
            reason: string;
            /** @example reminder-action-target */
            template: string;
            /** @enum {string} */
            state: "queued" | "sending" | "sent" | "failed" | "uncertain" | "held" | "digested";
            attempts: number;
            /**
             * Format: date-time
             * @description When a queued mail is tried next
             */
            nextAttemptAt: string;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            history: components["schemas"]["MailAttemptResponse"][];
        };
        OutboxPage: {
            items: components["schemas"]["OutboxMailResponse"][];
            nextCursor: string | null;
            total: number;
        };
        DeliveryResponse: {
            sent: number;
            failed: number;
            /** @description Mails found left sending by a stopped process, now uncertain */
            uncertain: number;
        };
        /** @enum {string} */
        ReminderDelivery: "immediate" | "weekly_digest";
        /**
         * @description Kinds of reminder switched off
         * @enum {string}
         */
        ReminderKind: "step_window" | "action_target" | "deviation_target" | "document_review" | "risk_review" | "approval" | "board_review";
        NotificationPreferencesResponse: {
            delivery: components["schemas"]["ReminderDelivery"];
            /** @description Kinds of reminder switched off */
            disabledKinds: components["schemas"]["ReminderKind"][];
            /** @description 0 until first saved */
            version: number;
        };
        UpdateNotificationPreferencesRequest: {
            /** @description One mail per reminder, or one mail a week */
            delivery: components["schemas"]["ReminderDelivery"];
            /** @description Kinds of reminder not to send (empty: all on) */
            disabledKinds: components["schemas"]["ReminderKind"][];
        };
        ReminderScanResponse: {
            /**
             * Format: date
             * @description The day the scan judged (the configured clock)
             */
            today: string;
            /** @description Reminders queued to go out one by one */
            queued: number;
            /** @description Reminders held for their recipient's weekly digest */
            held: number;
            /** @description Reminders of a kind their recipient switched off (not queued) */
            switchedOff: number;
            /** @description Reminders queued by an earlier scan (nothing new) */
            alreadyQueued: number;
            /** @description Weekly digests queued */
            digests: number;
            /** @description false: another process was scanning; this call did nothing */
            ran: boolean;
        };
        /**
         * @description Of the latest version
         * @enum {string}
         */
        SurveyAudience: "adept" | "mentor" | "host";
        /** @enum {string} */
        SurveyVersionState: "draft" | "approved" | "effective" | "superseded" | "rejected";
        SurveySummaryResponse: {
            /** Format: uuid */
            id: string;
            /** @example adept-end-of-programme */
            key: string;
            /** @description Of the latest version */
            audience: components["schemas"]["SurveyAudience"];
            /** @description English title of the latest version */
            title: string;
            /** @description The version in force today */
            effectiveVersion: number | null;
            latestVersion: number | null;
            latestState: components["schemas"]["SurveyVersionState"] | null;
        };
        CreateSurveyRequest: {
            /** @description The content of version 1 (key, audience, title, intro, privacy, questions; every text in en, sv and nb), as in procedures/surveys/*.yaml; problems name the path (content.questions[2].label.sv) */
            content: {
                [key: string]: unknown;
            };
            /** @description What version 1 is */
            changeSummary?: string;
        };
        SurveyTextResponse: {
            en: string;
            sv: string;
            nb: string;
        };
        /** @enum {string} */
        SurveyQuestionType: "scale" | "choice" | "multiselect" | "text";
        SurveyOptionResponse: {
            value: string;
            label: components["schemas"]["SurveyTextResponse"];
        };
        SurveyQuestionResponse: {
            key: string;
            type: components["schemas"]["SurveyQuestionType"];
            label: components["schemas"]["SurveyTextResponse"];
            help: components["schemas"]["SurveyTextResponse"] | null;
            required: boolean;
            /** @description For choice and multiselect; empty otherwise */
            options: components["schemas"]["SurveyOptionResponse"][];
            /** @description The indicator a scale question feeds, e.g. participant_satisfaction */
            indicator: string | null;
        };
        SurveyContentResponse: {
            /** @example adept-end-of-programme */
            key: string;
            audience: components["schemas"]["SurveyAudience"];
            title: components["schemas"]["SurveyTextResponse"];
            intro: components["schemas"]["SurveyTextResponse"];
            /** @description What is done with the answers */
            privacy: components["schemas"]["SurveyTextResponse"];
            questions: components["schemas"]["SurveyQuestionResponse"][];
        };
        SurveyVersionResponse: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @description approved: approved, its effective day still to come */
            state: components["schemas"]["SurveyVersionState"];
            changeSummary: string | null;
            /** @description Shipped with the service (procedures/surveys): nobody here wrote it */
            shipped: boolean;
            /**
             * Format: uuid
             * @description null for a shipped version
             */
            authorId: string | null;
            /** @description SHA-256 of the canonical content (what an approval signs) */
            contentHash: string;
            content: components["schemas"]["SurveyContentResponse"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: date */
            effectiveOn: string | null;
            /** Format: date-time */
            rejectedAt: string | null;
            /** @description Why it was rejected */
            statusReason: string | null;
            signatures: components["schemas"]["SignatureResponse"][];
        };
        SurveyResponse: {
            /** Format: uuid */
            id: string;
            /** @example adept-end-of-programme */
            key: string;
            /** @description Of the latest version */
            audience: components["schemas"]["SurveyAudience"];
            /** @description English title of the latest version */
            title: string;
            /** @description The version in force today */
            effectiveVersion: number | null;
            latestVersion: number | null;
            latestState: components["schemas"]["SurveyVersionState"] | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Oldest first */
            versions: components["schemas"]["SurveyVersionResponse"][];
        };
        SurveyImportItemResponse: {
            key: string;
            /** @example adept-end-of-programme.yaml */
            file: string;
            /** @enum {string} */
            outcome: "created" | "drafted" | "unchanged" | "skipped";
            version: number | null;
            /** @description Why a file was skipped */
            reason: string | null;
        };
        SurveyImportResponse: {
            items: components["schemas"]["SurveyImportItemResponse"][];
        };
        CreateSurveyVersionRequest: {
            /** @description The content of the new version; its key must be the survey key */
            content: {
                [key: string]: unknown;
            };
            /** @description What changes in this version */
            changeSummary?: string;
        };
        ApproveSurveyVersionRequest: {
            /** @description The approver's password, re-entered: this is an electronic signature */
            password: string;
            /** @description Reason or comment recorded with the signature */
            comment: string;
            /**
             * Format: date
             * @description The day the version comes into force (default today): today or later
             * @example 2026-03-03
             */
            effectiveOn?: string;
        };
        RejectSurveyVersionRequest: {
            /** @description Why the version is rejected; work continues in the next version */
            comment: string;
        };
        /** @enum {string} */
        SurveyMoment: "programme_start" | "programme_midpoint" | "programme_end" | "procedure_completed";
        SurveyPlanEntryResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            surveyKey: string;
            audience: components["schemas"]["SurveyAudience"];
            moment: components["schemas"]["SurveyMoment"];
            procedureKey: string | null;
            offsetDays: number;
            expiresInDays: number;
            language: components["schemas"]["UserLanguage"];
            /**
             * Format: date
             * @description The day it sends; null while its moment is not known yet
             */
            sendsOn: string | null;
            /** @description Invitations it has sent */
            sent: number;
            /** Format: date-time */
            createdAt: string;
        };
        CreateSurveyPlanEntryRequest: {
            /** @description The survey sent (its version in force on the day) */
            surveyKey: string;
            /** @description Who is asked; must be the survey's audience */
            audience: components["schemas"]["SurveyAudience"];
            /** @description What the day is counted from: programme_start, programme_midpoint, programme_end, or procedure_completed (the completion of procedureKey in the programme) */
            moment: components["schemas"]["SurveyMoment"];
            /** @description With procedure_completed: the procedure whose completion is the moment, e.g. introduction-day */
            procedureKey?: string;
            /** @description Days after the moment (negative: before); 180 after programme_end is six months after the end */
            offsetDays: number;
            /** @description Days each invitation stays open (default 30) */
            expiresInDays?: number;
            /** @description The language of recipients whose own is not known (default sv, the organisation's language); a participant's preferred language wins */
            language?: components["schemas"]["UserLanguage"];
        };
        SendSurveyRequest: {
            /** @description The survey sent (its version in force today) */
            surveyKey: string;
            /** @description Who is asked; must be the survey's audience */
            audience: components["schemas"]["SurveyAudience"];
            /** @description Participants (adept, mentor) or internships (host: their supervisors) to ask; default everyone of the audience in the programme not yet asked this survey */
            recipientIds?: string[];
            /** @description Days the invitations stay open (default 30) */
            expiresInDays?: number;
            /** @description The language of recipients whose own is not known (default sv, the organisation's language); a participant's preferred language wins */
            language?: components["schemas"]["UserLanguage"];
        };
        RecipientResponse: {
            /** @enum {string} */
            kind: "participant" | "internship";
            /** Format: uuid */
            id: string;
            role: components["schemas"]["SurveyAudience"];
            /** @description The participant code (adepts and mentors); null for host contacts */
            code: string | null;
        };
        /**
         * @description mail: sent to the address on record; handout: no address, the sender hands the link out
         * @enum {string}
         */
        SurveyDelivery: "mail" | "handout";
        /** @enum {string} */
        SurveyInvitationState: "open" | "answered" | "declined" | "expired";
        SurveyInvitationResponse: {
            /** Format: uuid */
            id: string;
            surveyKey: string;
            versionNumber: number;
            recipient: components["schemas"]["RecipientResponse"];
            language: components["schemas"]["UserLanguage"];
            /** @description mail: sent to the address on record; handout: no address, the sender hands the link out */
            delivery: components["schemas"]["SurveyDelivery"];
            /**
             * Format: date
             * @description Last day the link opens
             */
            expiresOn: string;
            state: components["schemas"]["SurveyInvitationState"];
            /**
             * Format: uuid
             * @description The plan entry that sent it; null when sent by hand
             */
            planEntryId: string | null;
            /**
             * Format: date-time
             * @description When the link was handed out to the sender
             */
            handedOutAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SurveySendResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            surveyKey: string;
            versionNumber: number;
            audience: components["schemas"]["SurveyAudience"];
            /**
             * Format: uuid
             * @description null when sent by the daily scan
             */
            sentBy: string | null;
            /** Format: date-time */
            sentAt: string;
            /** @description The invitations this send made (recipients asked before are left out) */
            invitations: components["schemas"]["SurveyInvitationResponse"][];
        };
        SurveyInvitationsResponse: {
            /** @description Newest first */
            invitations: components["schemas"]["SurveyInvitationResponse"][];
        };
        SurveyHandoutResponse: {
            /** Format: uuid */
            invitationId: string;
            /** @description The link to hand to the recipient; shown this once, never stored */
            link: string;
            /** @description The token the link carries (43 characters) */
            token: string;
            /** Format: date */
            expiresOn: string;
        };
        SurveyScanResponse: {
            /** Format: date */
            today: string;
            /** @description Plan entries whose day was today or earlier */
            entriesDue: number;
            /** @description Invitations made by this scan (a rerun makes none) */
            invitationsSent: number;
        };
        ResponseRateResponse: {
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            invited: number | ("<5" | ">=5");
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            answered: number | ("<5" | ">=5");
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            declined: number | ("<5" | ">=5");
            /** @description answered / invited, 0..1; null when a count is hidden */
            rate: number | null;
        };
        DistributionEntryResponse: {
            /** @description A scale value (1..5) or an option value */
            value: string;
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            count: number | ("<5" | ">=5");
        };
        QuestionResultResponse: {
            key: string;
            type: components["schemas"]["SurveyQuestionType"];
            /** @description In English */
            label: string;
            indicator: string | null;
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            n: number | ("<5" | ">=5");
            /** @description Scale: the mean, two decimals; null when hidden or not a scale */
            mean: number | null;
            /** @description Fewer than 5 answered (or a count would give one away): everything but n is hidden */
            suppressed: boolean;
            /** @description Scale: per value; choice and multiselect: per option; text: empty */
            distribution: components["schemas"]["DistributionEntryResponse"][];
        };
        CohortResultResponse: {
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            /** Format: date */
            startDate: string;
            role: components["schemas"]["SurveyAudience"];
            responseRate: components["schemas"]["ResponseRateResponse"];
            questions: components["schemas"]["QuestionResultResponse"][];
        };
        TrendPointResponse: {
            /** Format: uuid */
            programmeId: string;
            programmeName: string;
            /** Format: date */
            startDate: string;
            /** @description A count of people; under 5 (or one that would give such a count away) shown as "<5" or ">=5" */
            n: number | ("<5" | ">=5");
            mean: number | null;
        };
        QuestionTrendResponse: {
            questionKey: string;
            indicator: string | null;
            /** @description By programme start, oldest first */
            points: components["schemas"]["TrendPointResponse"][];
        };
        ReviewedTextResponse: {
            questionKey: string;
            /**
             * Format: uuid
             * @description null when the cohort is too small to name
             */
            programmeId: string | null;
            role: components["schemas"]["SurveyAudience"];
            /** @description As reviewed: the answer cleared, or the replacement text of a redaction */
            text: string;
            redacted: boolean;
        };
        SurveyFindingResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "deviation" | "improvement";
            /**
             * Format: uuid
             * @description The deviation or improvement action opened
             */
            recordId: string;
            /** @example DEV-2026-0004 */
            reference: string;
            surveyKey: string;
            questionKey: string;
            /** Format: uuid */
            programmeId: string;
            /**
             * Format: uuid
             * @description The free-text answer it comes from, if any
             */
            textAnswerId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SurveyResultsResponse: {
            /** Format: uuid */
            surveyId: string;
            surveyKey: string;
            /** @description English title of the latest version */
            title: string;
            /** @description Counts and means over fewer answers than this are not shown */
            smallCellLimit: number;
            /** @description Across the cohorts shown */
            responseRate: components["schemas"]["ResponseRateResponse"];
            /** @description Across the cohorts shown */
            questions: components["schemas"]["QuestionResultResponse"][];
            /** @description Per programme and role, by programme start */
            cohorts: components["schemas"]["CohortResultResponse"][];
            /** @description Scale questions across programmes */
            trends: components["schemas"]["QuestionTrendResponse"][];
            /** @description Free text a quality manager has reviewed; unreviewed text is never shown here */
            freeText: components["schemas"]["ReviewedTextResponse"][];
            /** @description Free-text answers still awaiting review */
            freeTextAwaitingReview: number;
            /** @description Deviations and improvement actions opened from these results */
            findings: components["schemas"]["SurveyFindingResponse"][];
        };
        /** @enum {string} */
        Severity: "minor" | "major" | "critical";
        OpenSurveyDeviationRequest: {
            /**
             * Format: uuid
             * @description The programme (cohort) the result concerns
             */
            programmeId: string;
            /** @description The question */
            questionKey: string;
            /**
             * Format: uuid
             * @description The free-text answer (a complaint) it comes from
             */
            textAnswerId?: string;
            title: string;
            description: string;
            severity: components["schemas"]["Severity"];
        };
        OpenSurveyImprovementRequest: {
            /**
             * Format: uuid
             * @description The programme (cohort) the result concerns
             */
            programmeId: string;
            /** @description The question */
            questionKey: string;
            /**
             * Format: uuid
             * @description The free-text answer it comes from
             */
            textAnswerId?: string;
            description: string;
            /**
             * Format: uuid
             * @description Who carries it out (a quality manager or programme leader)
             */
            ownerId: string;
            /**
             * Format: date
             * @description Today or later, and within two years
             * @example 2026-03-03
             */
            dueDate: string;
            /** @description How we will know it worked */
            effectivenessCriterion: string;
            /** @description Days after implementation before effectiveness is judged (default 30) */
            effectivenessCheckAfterDays?: number;
        };
        /** @enum {string} */
        SurveyTextReviewState: "pending" | "reviewed";
        /** @enum {string} */
        SurveyTextDecision: "cleared" | "redacted";
        TextReviewResponse: {
            decision: components["schemas"]["SurveyTextDecision"];
            replacement: string | null;
            /** Format: uuid */
            reviewedBy: string;
            /** Format: date-time */
            reviewedAt: string;
        };
        TextAnswerResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            surveyId: string;
            surveyKey: string;
            questionKey: string;
            /** Format: uuid */
            programmeId: string;
            role: components["schemas"]["SurveyAudience"];
            /** @description The answer as written (quality managers only): check it for personal data */
            text: string;
            /** Format: date-time */
            answeredAt: string;
            review: components["schemas"]["TextReviewResponse"] | null;
        };
        TextAnswersResponse: {
            items: components["schemas"]["TextAnswerResponse"][];
        };
        ReviewTextAnswerRequest: {
            /** @description cleared: no personal data, shown as written; redacted: shown as the replacement */
            decision: components["schemas"]["SurveyTextDecision"];
            /** @description With redacted: the text shown instead (required) */
            replacement?: string;
        };
        SurveyFormOptionResponse: {
            value: string;
            /** @description In the recipient's language */
            label: string;
        };
        SurveyFormQuestionResponse: {
            key: string;
            type: components["schemas"]["SurveyQuestionType"];
            /** @description In the recipient's language */
            label: string;
            help: string | null;
            required: boolean;
            /** @description For choice and multiselect; empty otherwise */
            options: components["schemas"]["SurveyFormOptionResponse"][];
            /** @description For scale: 1 */
            min: number | null;
            /** @description For scale: 5 */
            max: number | null;
        };
        SurveyFormResponse: {
            language: components["schemas"]["UserLanguage"];
            title: string;
            intro: string;
            /** @description What is done with the answers */
            privacy: string;
            questions: components["schemas"]["SurveyFormQuestionResponse"][];
            /**
             * Format: date
             * @description Last day the link opens
             */
            expiresOn: string;
        };
        SubmitSurveyAnswersRequest: {
            /**
             * @description Answers by question key: a scale question an integer 1..5, a choice one option value, a multiselect a list of option values, a text question a string (at most 4000 characters). A question left out is unanswered (refused when required).
             * @example {
             *       "overall": 4,
             *       "helped_with": [
             *         "language",
             *         "network"
             *       ],
             *       "comments": "The meetings helped me."
             *     }
             */
            answers: {
                [key: string]: unknown;
            };
        };
        SurveyReplyResponse: {
            /** @enum {string} */
            outcome: "answered" | "declined";
            /** Format: date-time */
            at: string;
        };
        /** @description An RFC 9457 problem document. Branch on `code` (one of the registered codes, each always answered with the same status); `detail` is a sentence for people. `x-error-codes` gives the status and meaning of every code. */
        Problem: {
            /**
             * Format: uri
             * @description https://mentoring-qms.example/problems/<code>
             * @example https://mentoring-qms.example/problems/validation_failed
             */
            type: string;
            /**
             * @description The HTTP status in words
             * @example Bad Request
             */
            title: string;
            /**
             * @description The HTTP status, the one registered for the code
             * @example 400
             */
            status: number;
            /**
             * @description What went wrong, as a sentence for people
             * @example name is required
             */
            detail: string;
            /**
             * @description Stable machine-readable code (see x-error-codes)
             * @enum {string}
             */
            code: "validation_failed" | "bad_request" | "malformed_json" | "body_too_deep" | "invalid_unicode" | "number_out_of_range" | "invalid_value" | "invalid_idempotency_key" | "unauthenticated" | "invalid_credentials" | "invalid_token" | "token_revoked" | "account_inactive" | "invalid_password" | "password_change_required" | "forbidden_role" | "no_policy" | "author_cannot_approve" | "names_not_allowed" | "not_attendee" | "risk_not_allowed" | "past_scan_not_allowed" | "system_finding_title" | "system_finding_severity" | "not_owner" | "requester_cannot_approve" | "owner_cannot_verify" | "document_not_allowed" | "document_author_cannot_approve" | "acknowledgement_not_required" | "not_audit_team" | "not_lead_auditor" | "audit_not_allowed" | "survey_author_cannot_approve" | "not_found" | "request_timeout" | "survey_link_expired" | "survey_link_used" | "concurrent_update" | "duplicate" | "idempotency_key_in_flight" | "email_taken" | "cannot_deactivate_self" | "cannot_drop_own_admin" | "cannot_reset_own_password" | "last_admin" | "procedure_exists" | "open_draft_exists" | "version_not_editable" | "no_baseline_awaiting_adoption" | "baseline_not_adopted" | "no_named_author" | "transition_not_allowed" | "programme_closed" | "programme_not_active" | "programme_dates_fixed" | "not_newer" | "participant_not_active" | "effect_not_allowed" | "adept_already_paired" | "pair_ended" | "execution_open" | "execution_completed" | "execution_once_per_subject" | "execution_not_completed" | "execution_cancelled" | "correction_pending" | "correction_decided" | "step_already_recorded" | "record_superseded" | "subject_inactive" | "deviation_closed" | "actions_open" | "actions_not_closed" | "review_closed" | "action_not_reviewable" | "mail_not_retryable" | "risk_closed" | "organisation_name_taken" | "organisation_inactive" | "internship_outcome_recorded" | "audit_state" | "checklist_incomplete" | "findings_open" | "board_review_exists" | "document_open_version_exists" | "document_version_not_draft" | "document_version_empty" | "document_not_in_force" | "document_file_exists" | "procedure_version_not_in_force" | "version_mismatch" | "payload_too_large" | "unsupported_media_type" | "file_too_large" | "unsupported_file_type" | "survey_key_taken" | "survey_draft_exists" | "survey_not_in_force" | "survey_no_recipients" | "survey_already_asked" | "survey_handout_not_needed" | "survey_link_handed_out" | "survey_text_reviewed" | "attendance_not_recorded" | "attendance_reason_required" | "idempotency_key_reused" | "idempotency_key_not_supported" | "current_password_wrong" | "invalid_reference" | "constraint_violation" | "invalid_validity" | "invalid_leader" | "invalid_definition" | "key_mismatch" | "version_not_effective" | "consent_after_enrolment" | "date_before_enrolment" | "day_in_future" | "invalid_pair" | "matched_before_enrolment" | "end_before_match" | "procedure_not_in_plan" | "unknown_step" | "unknown_performer" | "unknown_subject" | "subject_mismatch" | "performed_in_future" | "unknown_execution" | "unknown_participant" | "internship_not_adept" | "unknown_organisation" | "internship_dates" | "detected_in_future" | "occurred_in_future" | "occurred_after_detection" | "detected_before_programme" | "target_before_detection" | "root_cause_required" | "corrective_action_required" | "unknown_deviation" | "unknown_owner" | "owner_cannot_act" | "due_in_past" | "due_too_far" | "effectiveness_too_early" | "target_out_of_range" | "due_before_cause" | "residual_incomplete" | "review_in_past" | "review_too_far" | "risk_owner_cannot_act" | "unknown_action" | "nothing_changed" | "unknown_attendee" | "effective_date_invalid" | "review_by_invalid" | "document_owner_cannot_act" | "auditor_not_independent" | "audit_team_role" | "unknown_procedure" | "unknown_programme" | "procedure_not_in_force" | "checklist_empty" | "audit_incomplete" | "sample_out_of_scope" | "unknown_checklist_item" | "finding_incomplete" | "unknown_source" | "objective_owner_cannot_act" | "deadline_in_past" | "period_invalid" | "survey_file_invalid" | "survey_audience_mismatch" | "survey_moment_invalid" | "unknown_survey" | "unknown_recipient" | "unknown_survey_question" | "survey_answer_invalid" | "if_match_required" | "too_many_attempts" | "too_many_link_attempts" | "headers_too_large" | "internal_error" | "database_busy";
            /**
             * @description The path of the request
             * @example /api/users
             */
            instance?: string;
            /** @description With validation_failed (and some 422 codes): each wrong field and what is wrong with it */
            errors?: components["schemas"]["FieldError"][];
            /** @description With too_many_attempts and database_busy: the same as the Retry-After header */
            retryAfterSeconds?: number;
            /** @description With internal_error: the request id the error was logged with */
            requestId?: string;
        } & {
            [key: string]: unknown;
        };
        FieldError: {
            /**
             * @description Path of the field in the request, e.g. `subject.participantId` or `steps[0].fields[1].key`; '' for the whole body
             * @example name
             */
            field: string;
            /**
             * @description What is wrong, said after the field name ("is required"), or a sentence of its own (starting with a capital)
             * @example is required
             */
            message: string;
            /**
             * @description The rule broken, to say it in another language (see x-field-rules); absent for checks of a use case of its own
             * @example required
             * @enum {string}
             */
            rule?: "required" | "string" | "email" | "uuid" | "uuid_list" | "array" | "integer" | "number" | "boolean" | "object" | "plain_json" | "date" | "timestamp" | "not_empty" | "not_blank" | "min_length" | "max_length" | "no_nul" | "pattern" | "procedure_key" | "min" | "max" | "one_of" | "only_values" | "no_repeats" | "min_items" | "max_items" | "unknown_property" | "json_object";
            /** @description What fills the rule's message, such as { max: 200 } for max_length or { values: [...] } for one_of */
            params?: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Entity type, e.g. user or procedure_version */
                entityType?: string;
                /** @description Entity id */
                entityId?: string;
                /** @description Only events by this user */
                actorId?: string;
                /** @description Action, e.g. user.create */
                action?: string;
                /** @description Events at or after this time */
                from?: string;
                /** @description Events before this time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description full (default): the whole chain; incremental: the events after the last verified checkpoint */
                mode?: "full" | "incremental";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerdictResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit events in sequence order, one JSON object per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description Wrong e-mail or password, or a deactivated account */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Part of the name or e-mail address, any case */
                q?: string;
                /** @description Only users with this role */
                role?: components["schemas"]["Role"];
                /** @description true: only active accounts; false: only deactivated ones */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOwnAccountRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current password is wrong (current_password_wrong) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong passwords from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UsersController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your own password: change it with POST /api/users/me/password (cannot_reset_own_password) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    StaffController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BaselineController_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaselineResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    BaselineController_adopt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdoptBaselineRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BaselineResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_list: {
        parameters: {
            query?: {
                /** @description true: only procedures whose version in force the caller must acknowledge and has not */
                toAcknowledge?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureSummaryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProcedureRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_createVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description open_draft_exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_effective: {
        parameters: {
            query?: {
                /** @description The moment asked about (default: now) */
                at?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the draft you last read */
                "If-Match": string;
            };
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDraftRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description version_not_editable: the version has left draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_acknowledgementList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureAcknowledgementsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureAcknowledgementResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProceduresController_diff: {
        parameters: {
            query: {
                /** @description The version number to compare against */
                against: number;
            };
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_list: {
        parameters: {
            query?: {
                status?: "planned" | "active" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgrammeRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_update: {
        parameters: {
            query?: never;
            header: {
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProgrammeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_list: {
        parameters: {
            query?: {
                role?: "adept" | "mentor";
                status?: "applicant" | "waiting_list" | "not_admitted" | "active" | "withdrawn" | "completed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateParticipantRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_registerApplicant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterApplicantRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawParticipantRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteParticipantRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParticipantResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_listPairs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ParticipantsController_createPair: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePairRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PairsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndPairRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TrainingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingRecordResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, auditor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TrainingController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTrainingRecordRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingRecordResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartExecutionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordStepRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                recordId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectStepRequest"];
            };
        };
        responses: {
            /** @description The correction is in force */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description Held for a quality manager's approval (see `corrections`); nothing changed yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_addMissingStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMissingStepRequest"];
            };
        };
        responses: {
            /** @description The step is in force */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description Held for a quality manager's approval (see `corrections`); nothing changed yet */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelExecutionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExecutionsController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectionsController_pending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingCorrectionResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectionsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                correctionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveCorrectionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectionsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                correctionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectCorrectionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ConformanceMatrixController_get: {
        parameters: {
            query?: {
                /** @description Draw the matrix as of this day, today or earlier (default: today in the programme time zone) */
                today?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConformanceMatrixResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RecurringActivitiesController_activities: {
        parameters: {
            query?: {
                /** @description A participant or pair of the programme; absent: the cohort (the programme's own activities) */
                subjectId?: string;
                /** @description As of this day, today or earlier (default: today in the programme time zone) */
                today?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecurringActivitiesResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RecurringActivitiesController_person: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonAttendanceResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RecurringActivitiesController_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionAttendanceResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RecurringActivitiesController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordAttendanceRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionAttendanceResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammesController_migrate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigratePlanRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                programmeId?: string;
                state?: "open" | "analysis" | "action_plan" | "in_progress" | "closed" | "cancelled";
                severity?: "minor" | "major" | "critical";
                source?: "manual" | "internal_audit" | "external_audit" | "participant_feedback" | "system";
                /** @description Procedure key */
                procedure?: string;
                /** @description true: only open deviations past their target date */
                overdue?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviationPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeviationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationsController_update: {
        parameters: {
            query?: never;
            header: {
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeviationRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationsController_transition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read: the move is refused (412) if the deviation changed since, so a signature binds what the signer saw */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviationTransitionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeviationScanController_scan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectiveActionsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                state?: "planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled";
                /** @description true: due date passed and not yet implemented */
                overdue?: boolean;
                /** @description true: actions that stand (not cancelled) and that the signed-in user has not reviewed as a board member yet */
                awaitingMyBoardReview?: boolean;
                /** @description true: open actions whose latest board review requests changes (waiting for a quality manager to act on them) */
                changesRequested?: boolean;
                ownerId?: string;
                deviationId?: string;
                /** @description Actions from this source (deviation: those answering deviations) */
                source?: "deviation" | "management_review" | "risk" | "internal_audit" | "objective" | "other";
                /** @description Actions addressing deviations of this programme (for a leader, a programme they do not lead matches nothing) */
                programmeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectiveActionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCorrectiveActionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectiveActionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectiveActionsController_transition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read: refused (412) if the action changed since, so a signature binds what the signer saw */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionTransitionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CorrectiveActionsController_boardReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read: refused (412) if the action changed since, so a signature binds what the signer saw */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoardReviewRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateManagementReviewRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_inputs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewInputsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDecisionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_note: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNoteRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ManagementReviewsController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag last read: refused (412) if a decision was minuted since, so the signature binds the minutes the signer read */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseReviewRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReviewResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_programme: {
        parameters: {
            query?: {
                /** @description Show counts of people under 5 as "<5" (always on for all but quality managers and the leaders of this programme) */
                suppressSmallCells?: boolean;
                /** @description Measure as of this day, today or earlier (default: today) */
                today?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_funnel: {
        parameters: {
            query?: {
                /** @description Show counts of people under 5 as "<5" (always on for all but quality managers and the leaders of this programme) */
                suppressSmallCells?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_list: {
        parameters: {
            query?: {
                /** @description A programme's objectives (and the organisation-wide ones, measured on it) */
                programmeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateObjectiveRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag last read (its version); 412 if it changed since, 428 without */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateObjectiveRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_planAction: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag last read (its version); 412 if it changed since, 428 without */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanObjectiveActionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    IndicatorsController_measure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectiveResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_evidencePdf: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
                /** @description Start of the period (default: programme start); deviations and actions detected from this day */
                from?: string;
                /** @description End of the period (default: programme end) */
                to?: string;
                /** @description Print participant names (quality managers and the leaders of this programme only; default false: pseudonymous codes) */
                includeNames?: boolean;
                /** @description Case files for this many subjects drawn at random (as an auditor samples), instead of every subject; the seed used is printed in the report */
                sample?: number;
                /** @description Seed of the random sample (with sample): the same seed draws the same subjects again; default a new random seed */
                seed?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_evidenceJson: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
                /** @description Start of the period (default: programme start); deviations and actions detected from this day */
                from?: string;
                /** @description End of the period (default: programme end) */
                to?: string;
                /** @description Print participant names (quality managers and the leaders of this programme only; default false: pseudonymous codes) */
                includeNames?: boolean;
                /** @description Case files for this many subjects drawn at random (as an auditor samples), instead of every subject; the seed used is printed in the report */
                sample?: number;
                /** @description Seed of the random sample (with sample): the same seed draws the same subjects again; default a new random seed */
                seed?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceJsonResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_bundle: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
                /** @description Start of the period (default: programme start); deviations and actions detected from this day */
                from?: string;
                /** @description End of the period (default: programme end) */
                to?: string;
                /** @description Print participant names (quality managers and the leaders of this programme only; default false: pseudonymous codes) */
                includeNames?: boolean;
                /** @description Case files for this many subjects drawn at random (as an auditor samples), instead of every subject; the seed used is printed in the report */
                sample?: number;
                /** @description Seed of the random sample (with sample): the same seed draws the same subjects again; default a new random seed */
                seed?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The evidence bundle: a tar archive of the report PDF, its model, the audit events in scope, the cited procedure versions and a manifest of their SHA-256 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_register: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
                state?: "planned" | "in_progress" | "implemented" | "effectiveness_check" | "closed" | "cancelled";
                /** @description Only actions past their due date and not implemented */
                overdue?: boolean;
                /** @description Only actions addressing deviations of this programme */
                programmeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_procedureDocument: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
            };
            header?: never;
            path: {
                key: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_reviewMinutes: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_riskRegister: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
                /** @description One programme's risks, with the organisation's; omit for every risk */
                programmeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, board_member, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReportsController_internalAuditReport: {
        parameters: {
            query?: {
                /** @description Language of the labels: en (default), sv or nb */
                lang?: "en" | "sv" | "nb";
                /** @description Generation time printed on the report (default: now); the same data and time give the same bytes */
                generatedAt?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description A programme's risks (with organisation=true, also the organisation's) */
                programmeId?: string;
                /** @description true: only risks of the whole organisation */
                organisation?: boolean;
                kind?: components["schemas"]["RiskKind"];
                /** @description Default: every status */
                status?: components["schemas"]["RiskStatus"];
                /** @description Risks this user owns */
                ownerId?: string;
                /** @description true: only open risks whose review date has passed */
                overdue?: boolean;
                /** @description Part of the reference, title, cause or consequence, any case */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_heatMap: {
        parameters: {
            query?: {
                /** @description A programme's open risks (and the organisation's); omit for all the caller sees */
                programmeId?: string;
                /** @description Default: risk */
                kind?: components["schemas"]["RiskKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeatMapResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskHistoryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_planAction: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the revision you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanRiskActionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RisksController_revise: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the revision you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseRiskRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: {
                kind?: components["schemas"]["DocumentKind"];
                /** @description Documents this user owns: `me` or a user id */
                owner?: string;
                /** @description true: only documents in force whose review-by day has passed */
                overdue?: boolean;
                /** @description true: only documents whose version in force the caller must acknowledge and has not */
                toAcknowledge?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentSummaryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDocumentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_createVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDocumentVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its media type and name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/png": string;
                    "image/jpeg": string;
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_removeFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveDocumentVersionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectDocumentVersionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireDocumentVersionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDocumentRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_acknowledgements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, auditor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DocumentsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcknowledgementResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_list: {
        parameters: {
            query?: {
                /** @description The year’s audit programme */
                year?: number;
                state?: components["schemas"]["AuditState"];
                /** @description true: planned audits whose month has come (this month or overdue) */
                due?: boolean;
                /** @description The audit whose finding opened this deviation */
                deviationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditListResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanAuditRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAuditRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartAuditRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_answer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The revision of the answer you last read ("0" for none) */
                "If-Match"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerItemRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistItemResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_recordFinding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFindingRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_signReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignReportRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternalAuditsController_close: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you last read */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseAuditRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ImprovementActionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImprovementActionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CorrectiveActionResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Part of the name or notes, any case */
                q?: string;
                sector?: components["schemas"]["OrganisationSector"];
                /** @description true: only active organisations; false: only inactive ones */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationHistoryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationsController_revise: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the revision you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseOrganisationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammeInternshipsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipList"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammeInternshipsController_place: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceInternshipRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ProgrammeInternshipsController_ofParticipant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                participantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipList"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    OrganisationInternshipsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipList"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternshipsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternshipsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipHistoryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternshipsController_recordOutcome: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the revision you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordInternshipOutcomeRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InternshipsController_revise: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the revision you last read */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseInternshipRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternshipResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MailAdminController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description One state; default: failed and uncertain together. queued: mails waiting to be sent or retried */
                state?: components["schemas"]["MailAttentionState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxPage"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MailAdminController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxMailResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    MailAdminController_deliver: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    NotificationPreferencesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    NotificationPreferencesController_put: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the preferences you last read */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RemindersController_scan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderScanResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: admin, quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySummaryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSurveyRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_importShipped: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyImportResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_createVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSurveyVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveSurveyVersionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveysController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectSurveyVersionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPlanEntryResponse"][];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_addPlanEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSurveyPlanEntryRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyPlanEntryResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendSurveyRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveySendResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_invitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyInvitationsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_handout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyHandoutResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveySendingController_scan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyScanResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyResultsController_results: {
        parameters: {
            query?: {
                /** @description Only this programme (cohort) */
                programmeId?: string;
                /** @description Only answers given on or after this day, the first day of a quarter (results by whole quarters) */
                from?: string;
                /** @description Only answers given on or before this day, the last day of a quarter, not before from */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResultsResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager, programme_leader, auditor, board_member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyResultsController_openDeviation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenSurveyDeviationRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyFindingResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyResultsController_openImprovement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenSurveyImprovementRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyFindingResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyResultsController_textAnswers: {
        parameters: {
            query?: {
                /** @description Default: pending */
                state?: components["schemas"]["SurveyTextReviewState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextAnswersResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyResultsController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewTextAnswerRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextAnswerResponse"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Requires one of the roles: quality_manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyInvitationsController_form: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyFormResponse"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyInvitationsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitSurveyAnswersRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyReplyResponse"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SurveyInvitationsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyReplyResponse"];
                };
            };
            /** @description An error: a problem document whose code is one of Problem.code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

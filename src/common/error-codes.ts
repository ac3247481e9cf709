/**
 * Every problem `code` the service answers, with the HTTP status it is always answered with and
 * what it means. Clients (the web console among them) branch on `code` and translate it; this list
 * is their contract, published in the OpenAPI document (`Problem.code`, `x-error-codes`) and in the
 * README (`npm run docs:error-codes`). The problem helpers accept only codes named here, and take
 * the status from here, so a code cannot be answered with another status.
 *
 * A new code: add it here with its status and a one-line meaning a person understands, throw it,
 * and regenerate the README table. `error-codes.spec.ts` fails for a code nobody throws.
 */
export interface ErrorCodeEntry {
  status: number;
  meaning: string;
}

export const ERROR_CODES = {
  // 400: the request cannot be read, or a field is invalid.
  validation_failed: {
    status: 400,
    meaning: 'A field of the request (body, query or path) is missing or invalid; `errors` names each field and what is wrong with it.',
  },
  bad_request: { status: 400, meaning: 'The request is not valid HTTP, or its body ended before its declared length.' },
  malformed_json: { status: 400, meaning: 'The request body is not valid JSON, or is a bare value instead of an object or array.' },
  body_too_deep: { status: 400, meaning: 'The JSON body is nested more than 64 levels deep.' },
  invalid_unicode: { status: 400, meaning: 'The JSON body contains a \\u escape of half a UTF-16 surrogate pair, which is not text.' },
  number_out_of_range: { status: 400, meaning: 'The JSON body contains a number too large to represent.' },
  invalid_value: {
    status: 400,
    meaning: 'The database refused a value as malformed, too long or out of range (a safety net behind the field checks).',
  },
  invalid_idempotency_key: { status: 400, meaning: 'The Idempotency-Key header is not 1 to 200 visible ASCII characters.' },

  // 401: who is calling is not established.
  unauthenticated: { status: 401, meaning: 'The route needs a signed-in user, and no bearer token was sent.' },
  invalid_credentials: { status: 401, meaning: 'Sign-in failed: the e-mail address or password is wrong, or the account is deactivated.' },
  invalid_token: { status: 401, meaning: 'The bearer token is malformed, not ours or expired; sign in again.' },
  token_revoked: { status: 401, meaning: 'The token was ended by a change of password or a deactivation; sign in again.' },
  account_inactive: { status: 401, meaning: 'The signed-in account has been deactivated or no longer exists.' },
  invalid_password: { status: 401, meaning: 'The password re-entered to sign electronically is wrong; nothing was signed.' },

  // 403: the caller is known but may not do this.
  password_change_required: {
    status: 403,
    meaning: 'The account has a temporary password: change it (POST /api/users/me/password) before doing anything else.',
  },
  forbidden_role: { status: 403, meaning: "None of the caller's roles allows this action." },
  no_policy: { status: 403, meaning: 'The route declares no access policy, so nobody may call it (a defect of the service).' },
  author_cannot_approve: {
    status: 403,
    meaning: 'The caller wrote part of this procedure version (created, edited or imported it), so someone else must approve it.',
  },
  names_not_allowed: {
    status: 403,
    meaning: 'Only a quality manager or a leader of the programme may include participant names in a report.',
  },
  not_attendee: { status: 403, meaning: 'Only a board member who attended the management review may sign its minutes.' },
  risk_not_allowed: {
    status: 403,
    meaning:
      'Only a quality manager records risks of the whole organisation; a programme leader records and revises those of their programmes, an owner those they own.',
  },
  past_scan_not_allowed: { status: 403, meaning: 'Only a quality manager may scan for overdue procedures as of a past day.' },
  system_finding_title: { status: 403, meaning: 'The title of a deviation the system detected states its finding and cannot be changed.' },
  system_finding_severity: {
    status: 403,
    meaning: 'Only a quality manager may change the severity of a deviation the system detected, and must give a reason.',
  },
  not_owner: { status: 403, meaning: 'Only the owner of the corrective action or a quality manager may take this step.' },
  requester_cannot_approve: {
    status: 403,
    meaning: 'The caller asked for this correction, so another quality manager must approve it.',
  },
  owner_cannot_verify: { status: 403, meaning: 'The owner of a corrective action cannot judge its effectiveness; someone else must.' },
  document_not_allowed: {
    status: 403,
    meaning: "Only a quality manager or the document's owner may draft, upload to, submit or review a controlled document.",
  },
  document_author_cannot_approve: {
    status: 403,
    meaning:
      'The caller wrote part of this document version (created it, edited it or uploaded one of its files), so another quality manager must approve it.',
  },
  acknowledgement_not_required: {
    status: 403,
    meaning:
      'The version of the document or procedure in force does not ask the caller to acknowledge it: they hold none of the roles it names.',
  },
  not_audit_team: { status: 403, meaning: 'Only the lead auditor and the audit team record answers and findings of an internal audit.' },
  not_lead_auditor: { status: 403, meaning: 'Only the lead auditor of an internal audit signs its report.' },
  audit_not_allowed: { status: 403, meaning: 'Only a quality manager or the lead auditor closes an internal audit.' },

  survey_author_cannot_approve: {
    status: 403,
    meaning: 'Nobody approves a survey version they wrote; another quality manager must approve it.',
  },

  // 404
  not_found: {
    status: 404,
    meaning: "The resource does not exist, or the caller may not see it (another leader's programme answers the same).",
  },

  // 408
  request_timeout: { status: 408, meaning: 'The request was not received completely in time.' },

  // 410: a link that once worked no longer does.
  survey_link_expired: { status: 410, meaning: 'The survey link has expired: its last day has passed.' },
  survey_link_used: {
    status: 410,
    meaning: 'The survey link has been used: the survey was answered or declined once, which is all a link allows.',
  },

  // 409: the request is valid, but the records are not in a state that allows it.
  concurrent_update: { status: 409, meaning: 'Another request changed the same records at the same moment; retry the request.' },
  duplicate: {
    status: 409,
    meaning: 'A record with the same unique value already exists (a safety net behind the specific codes).',
  },
  idempotency_key_in_flight: {
    status: 409,
    meaning: 'A request with the same Idempotency-Key is still being processed; retry in a moment.',
  },
  email_taken: { status: 409, meaning: 'A user with this e-mail address already exists.' },
  cannot_deactivate_self: { status: 409, meaning: 'Administrators cannot deactivate their own account.' },
  cannot_drop_own_admin: { status: 409, meaning: 'Administrators cannot remove the admin role from their own account.' },
  cannot_reset_own_password: {
    status: 409,
    meaning: 'Administrators change their own password with the current one (POST /api/users/me/password), not by a reset.',
  },
  last_admin: { status: 409, meaning: 'The change would leave no active administrator; appoint another one first.' },
  procedure_exists: { status: 409, meaning: 'A procedure with this key already exists; create a new version of it instead.' },
  open_draft_exists: {
    status: 409,
    meaning: 'The procedure already has a version in draft or under review; finish or reject it before starting another.',
  },
  version_not_editable: { status: 409, meaning: 'Only a draft version of a procedure can change; create the next version instead.' },
  no_baseline_awaiting_adoption: {
    status: 409,
    meaning: 'No shipped baseline awaits adoption: it was adopted already (by whom and when is said), or the library never had one.',
  },
  baseline_not_adopted: {
    status: 409,
    meaning:
      'The shipped procedures await adoption by a quality manager: until then no procedure is in force and nothing can be carried out.',
  },
  no_named_author: {
    status: 409,
    meaning: 'Nobody is named as author of the version, so nobody can be kept from approving their own work: take it over first.',
  },
  transition_not_allowed: {
    status: 409,
    meaning: 'The record cannot move to the requested state from the state it is in; `allowed` lists where it can move.',
  },
  programme_closed: {
    status: 409,
    meaning:
      'The programme is closed: nothing more is recorded in it, except procedures carried out after it closes (afterClose, an outcome follow-up).',
  },
  programme_not_active: { status: 409, meaning: 'The action needs an active programme, and the programme is planned or closed.' },
  programme_dates_fixed: { status: 409, meaning: 'Start and end dates can change only while the programme is planned.' },
  not_newer: { status: 409, meaning: 'The programme already follows this version of the procedure, or a newer one.' },
  participant_not_active: {
    status: 409,
    meaning: 'The participant is not active: an applicant not admitted yet, or someone who already withdrew or completed the programme.',
  },
  effect_not_allowed: {
    status: 409,
    meaning: "A recorded value's effect would change the subject's status in a way not allowed; the field is named, nothing changed.",
  },
  adept_already_paired: { status: 409, meaning: 'The adept is already in an active pair; end that pair first.' },
  pair_ended: { status: 409, meaning: 'The pair has already ended.' },
  execution_open: {
    status: 409,
    meaning: 'An open execution of this procedure already exists for the subject; continue it (`executionId`).',
  },
  execution_completed: {
    status: 409,
    meaning: 'The execution is completed: nothing more is recorded in it, but a recorded step can be corrected.',
  },
  execution_once_per_subject: {
    status: 409,
    meaning:
      'The procedure is carried out once per subject and was already carried out for this one (`executionId`); cancel that execution with a reason first.',
  },
  execution_not_completed: {
    status: 409,
    meaning: 'The execution is still open: record the step in it instead of adding it as a correction.',
  },
  execution_cancelled: { status: 409, meaning: 'The execution was cancelled: nothing more is recorded, corrected or cancelled in it.' },
  correction_pending: {
    status: 409,
    meaning: "A correction of this step awaits a quality manager's decision (`correctionId`); no other correction of it until then.",
  },
  correction_decided: { status: 409, meaning: 'The correction was already approved or rejected (`decision`).' },
  step_already_recorded: { status: 409, meaning: 'The step is already recorded in this execution; correct that record instead.' },
  record_superseded: {
    status: 409,
    meaning: 'The step record has already been corrected; correct the newest record (`currentRecordId`) instead.',
  },
  subject_inactive: {
    status: 409,
    meaning: 'The participant left, was not admitted or is not enrolled yet (for procedures of the enrolled), or the pair ended.',
  },
  deviation_closed: { status: 409, meaning: 'The deviation is closed or cancelled and cannot change.' },
  actions_open: { status: 409, meaning: 'The deviation has linked corrective actions still standing; cancel or finish them first.' },
  actions_not_closed: { status: 409, meaning: 'Every linked corrective action must be closed before the deviation can close.' },
  review_closed: { status: 409, meaning: 'The management review is closed and never changes.' },
  action_not_reviewable: { status: 409, meaning: 'The corrective action was cancelled: the board reviews only actions that stand.' },
  mail_not_retryable: {
    status: 409,
    meaning: 'Only a failed or uncertain mail can be sent again; this one is queued, being sent or sent.',
  },
  risk_closed: { status: 409, meaning: 'The risk is closed: reopen it (status open) before changing it.' },
  organisation_name_taken: {
    status: 409,
    meaning: 'The register already has an organisation with this name, whatever its case and spacing (`existing` names it).',
  },
  organisation_inactive: { status: 409, meaning: 'The organisation is inactive in the register and takes no new placements.' },
  internship_outcome_recorded: {
    status: 409,
    meaning: 'The outcome of the internship is already recorded; correct it with a revision and a reason.',
  },
  audit_state: {
    status: 409,
    meaning:
      'The internal audit is not in the state this needs: planned to change or start it, in progress to record or sign, reported to close.',
  },
  checklist_incomplete: { status: 409, meaning: 'The audit report cannot be signed while checklist items have no answer.' },
  findings_open: {
    status: 409,
    meaning: 'The internal audit cannot close while a finding is not handled (a deviation not yet past analysis and without an action).',
  },
  board_review_exists: {
    status: 409,
    meaning: 'The caller has already reviewed this corrective action; each board member reviews it once.',
  },
  document_open_version_exists: {
    status: 409,
    meaning: 'The document already has a version in draft or under review; finish or reject it before starting another.',
  },
  document_version_not_draft: { status: 409, meaning: 'Files and content of a document version change only while it is a draft.' },
  document_version_empty: { status: 409, meaning: 'A document version needs at least one file before it is submitted for review.' },
  document_not_in_force: { status: 409, meaning: 'No version of the document is in force, so there is nothing to review or acknowledge.' },
  document_file_exists: { status: 409, meaning: 'The draft already has a file with this name; remove it first or rename the new one.' },
  procedure_version_not_in_force: { status: 409, meaning: 'No version of the procedure is in force, so there is nothing to acknowledge.' },

  // 412, 413, 415
  version_mismatch: {
    status: 412,
    meaning: 'The resource changed since the caller read it (the If-Match ETag is stale); read it again and retry.',
  },
  payload_too_large: { status: 413, meaning: 'The request body is larger than the configured limit (BODY_LIMIT).' },
  unsupported_media_type: { status: 415, meaning: 'The request body is in an encoding or character set the service does not read.' },
  file_too_large: {
    status: 413,
    meaning: 'The uploaded file is larger than the configured limit (DOCUMENT_FILE_LIMIT_MB); `detail` names the file.',
  },
  unsupported_file_type: {
    status: 415,
    meaning:
      'The uploaded file is empty, not a PDF, DOCX, PNG or JPEG by its content, or not what its type or extension says; `detail` names it.',
  },

  survey_key_taken: { status: 409, meaning: 'A survey with this key exists already; write a new version of it instead.' },
  survey_draft_exists: { status: 409, meaning: 'The survey has a draft version still; approve or reject it before writing another.' },
  survey_not_in_force: { status: 409, meaning: 'No version of the survey is in force, so it cannot be sent; approve one first.' },
  survey_no_recipients: {
    status: 409,
    meaning: 'Nobody of the audience in the programme is left to ask: everyone was sent the survey already.',
  },
  survey_already_asked: {
    status: 409,
    meaning:
      'A named recipient was asked this survey already (answered, declined or link still open); ask again only once the link expired.',
  },
  survey_handout_not_needed: {
    status: 409,
    meaning: 'The invitation is mailed to the address on record; only a link of an invitation without an address is handed out.',
  },
  survey_link_handed_out: { status: 409, meaning: 'The link of the invitation was handed out already; a link is shown only once.' },
  survey_text_reviewed: {
    status: 409,
    meaning: 'The free-text answer has been reviewed already; a review is made once and never changed.',
  },

  // 422: the request is well-formed, but what it asks for breaks a rule of the domain.
  attendance_not_recorded: {
    status: 422,
    meaning: 'The execution is of a procedure that does not record attendance (only cohort procedures with attendance: true do).',
  },
  attendance_reason_required: {
    status: 422,
    meaning: 'An attendance entry changes what was recorded for a person: a correction needs a reason.',
  },
  idempotency_key_reused: { status: 422, meaning: 'The Idempotency-Key was already used for a different request.' },
  idempotency_key_not_supported: {
    status: 422,
    meaning:
      'An Idempotency-Key was sent with a file upload (multipart/form-data), whose content the key cannot be checked against; send the upload without one.',
  },
  current_password_wrong: { status: 422, meaning: 'The current password given with a new one is wrong; the password was not changed.' },
  invalid_reference: {
    status: 422,
    meaning: 'The request refers to a record that does not exist, or removes one still referred to (a safety net).',
  },
  constraint_violation: { status: 422, meaning: 'The request breaks a rule of the data model (a safety net behind the specific codes).' },
  invalid_validity: { status: 422, meaning: 'A training record cannot expire before it was completed.' },
  invalid_leader: { status: 422, meaning: 'A programme leader named is not an active user with the programme_leader role.' },
  invalid_definition: { status: 422, meaning: 'The procedure definition breaks the rules for definitions; `errors` lists each problem.' },
  key_mismatch: { status: 422, meaning: "The definition's key differs from the key of the procedure it is meant for." },
  version_not_effective: { status: 422, meaning: 'A programme can adopt only the effective version of a procedure.' },
  consent_after_enrolment: { status: 422, meaning: 'Consent to data processing must be recorded no later than enrolment.' },
  date_before_enrolment: { status: 422, meaning: 'A withdrawal or completion cannot be dated before the participant was enrolled.' },
  day_in_future: { status: 422, meaning: 'The date has not come yet in the programme (or organisation) time zone.' },
  invalid_pair: { status: 422, meaning: 'A pair needs an active mentor and an active adept of the same programme.' },
  matched_before_enrolment: { status: 422, meaning: 'A pair cannot be matched before both its members were enrolled.' },
  end_before_match: { status: 422, meaning: 'A pair cannot end before it was matched.' },
  procedure_not_in_plan: { status: 422, meaning: "The procedure is not in the programme's procedure plan." },
  unknown_step: { status: 422, meaning: 'The procedure version the execution follows has no step with this key.' },
  unknown_performer: { status: 422, meaning: 'The performer named is not an active user.' },
  unknown_subject: { status: 422, meaning: 'The participant or pair named as the subject of an execution is not in the programme.' },
  subject_mismatch: {
    status: 422,
    meaning: 'The procedure is carried out for another kind of subject (a mentor, an adept, a pair or the cohort).',
  },
  performed_in_future: { status: 422, meaning: 'A step cannot be recorded as performed at a moment still to come.' },
  unknown_execution: { status: 422, meaning: 'The execution named is not an execution of the programme.' },
  unknown_participant: { status: 422, meaning: 'The participant named is not a participant of the programme.' },
  internship_not_adept: { status: 422, meaning: 'Only an adept is placed in an internship; the participant named is a mentor.' },
  unknown_organisation: { status: 422, meaning: 'No organisation in the register has the id named.' },
  internship_dates: {
    status: 422,
    meaning: 'The dates of an internship do not fit its programme, or an outcome is dated outside the internship.',
  },
  detected_in_future: { status: 422, meaning: 'A deviation cannot be detected at a moment still to come.' },
  occurred_in_future: { status: 422, meaning: 'A nonconformity cannot have occurred at a moment still to come.' },
  occurred_after_detection: { status: 422, meaning: 'A nonconformity cannot have occurred after it was detected.' },
  detected_before_programme: { status: 422, meaning: "A deviation cannot be detected before the programme's preparation began." },
  target_before_detection: { status: 422, meaning: 'The target date of a deviation cannot be before the day it was detected.' },
  root_cause_required: { status: 422, meaning: 'The root cause of the deviation must be recorded before actions are planned.' },
  corrective_action_required: {
    status: 422,
    meaning: 'The deviation needs a linked corrective action (for a minor one, a justification of a correction alone will do).',
  },
  unknown_deviation: { status: 422, meaning: 'A deviation named does not exist.' },
  unknown_owner: { status: 422, meaning: 'The owner named (of a corrective action, a risk or a document) is not an active user.' },
  owner_cannot_act: {
    status: 422,
    meaning:
      'The owner named holds only read-only roles (auditor, board member, administrator): a quality manager or programme leader must own the action.',
  },
  due_in_past: { status: 422, meaning: 'A corrective action cannot be planned with a due date that has already passed.' },
  due_too_far: { status: 422, meaning: 'The due date of a corrective action is more than two years away.' },
  effectiveness_too_early: {
    status: 422,
    meaning:
      'The effectiveness of the action cannot be judged yet: the interval planned after its implementation has not passed (`checkFrom`).',
  },
  target_out_of_range: {
    status: 422,
    meaning: 'The target of a quality objective lies outside what its indicator can take (rates 0 to 1, counts and days 0 or more).',
  },
  due_before_cause: {
    status: 422,
    meaning: 'A corrective action cannot be due before the deviations it addresses were detected (or the review that decided it).',
  },
  residual_incomplete: {
    status: 422,
    meaning: 'The rating of a risk after treatment needs both likelihood and impact, or neither while it is not assessed.',
  },
  review_in_past: { status: 422, meaning: 'The next review of a risk cannot be planned on a day that has passed.' },
  review_too_far: { status: 422, meaning: 'The next review of a risk is more than two years away.' },
  risk_owner_cannot_act: {
    status: 422,
    meaning: 'The owner of a risk must be a quality manager, programme leader or board member: someone who can act on it.',
  },
  unknown_action: { status: 422, meaning: 'An action named does not exist.' },
  nothing_changed: {
    status: 422,
    meaning: 'The revision would change nothing; a review that finds nothing to change sets the next review date.',
  },
  unknown_attendee: { status: 422, meaning: 'An attendee named for the management review is not an active user.' },
  effective_date_invalid: {
    status: 422,
    meaning: 'A document version comes into force today or later, and not before a version of the same document approved earlier.',
  },
  review_by_invalid: {
    status: 422,
    meaning: 'A review-by day of a document lies after today and within five years; without a review interval it must be given.',
  },
  document_owner_cannot_act: {
    status: 422,
    meaning: 'The owner of a document must be a quality manager, programme leader or board member: someone who can act on it.',
  },
  auditor_not_independent: {
    status: 422,
    meaning: 'An auditor leads the audited programme, or wrote or approved an audited procedure version in force in the audited period.',
  },
  audit_team_role: { status: 422, meaning: 'An auditor must be an active quality manager, programme leader or board member.' },
  unknown_procedure: { status: 422, meaning: 'No procedure has the key named.' },
  unknown_programme: { status: 422, meaning: 'No programme has the id named.' },
  procedure_not_in_force: { status: 422, meaning: 'An audited procedure has no effective version to audit against.' },
  checklist_empty: { status: 422, meaning: 'An internal audit needs procedures or clauses to check: its checklist would be empty.' },
  audit_incomplete: {
    status: 422,
    meaning: 'An internal audit starts only with a lead auditor, a scope and the period whose records are audited.',
  },
  sample_out_of_scope: {
    status: 422,
    meaning: "A sampled execution lies outside the audit's scope (another programme, or a procedure not audited).",
  },
  unknown_checklist_item: { status: 422, meaning: "A finding names an item that is not on the audit's checklist." },
  finding_incomplete: {
    status: 422,
    meaning: 'A finding lacks what its kind needs (a nonconformity its grade, an opportunity its action), or has what it must not.',
  },
  unknown_source: {
    status: 422,
    meaning: 'The management review, risk or quality objective named as the source of an action without a deviation does not exist.',
  },
  objective_owner_cannot_act: {
    status: 422,
    meaning: 'The owner of a quality objective must be an active quality manager, programme leader or board member.',
  },
  deadline_in_past: { status: 422, meaning: 'The deadline of a quality objective cannot be a day that has passed.' },
  period_invalid: {
    status: 422,
    meaning:
      'The period a management review covers must start on or before its end, end on or before the day it is held, and span at most two years.',
  },

  survey_file_invalid: {
    status: 422,
    meaning:
      'A shipped survey file (procedures/surveys) is invalid; `errors` names the file, the path in it and the problem. Nothing was imported.',
  },
  survey_audience_mismatch: {
    status: 422,
    meaning: 'The survey is answered by another audience (adepts, mentors or host contacts) than the one named.',
  },
  survey_moment_invalid: { status: 422, meaning: 'A procedure is named with the moment procedure_completed, and only with it.' },
  unknown_survey: { status: 422, meaning: 'No survey has the key named.' },
  unknown_recipient: {
    status: 422,
    meaning: 'A recipient named is not a participant (or an internship) of the programme in the survey audience.',
  },
  unknown_survey_question: {
    status: 422,
    meaning: 'The question (or the free-text answer) named is not one of the survey in the programme.',
  },
  survey_answer_invalid: {
    status: 422,
    meaning: 'An answer does not fit its question (or a required one is missing); `errors` names each question.',
  },

  // 428, 429, 431
  if_match_required: { status: 428, meaning: 'The update needs an If-Match header with the ETag the caller last read.' },
  too_many_attempts: {
    status: 429,
    meaning: 'Too many wrong passwords from this address or for this account; wait for `Retry-After` seconds.',
  },
  too_many_link_attempts: {
    status: 429,
    meaning: 'Too many unknown survey links from this address; wait for `Retry-After` seconds.',
  },
  headers_too_large: { status: 431, meaning: 'The request line or headers are larger than the service accepts (16 KB).' },

  // 5xx: not the caller's fault.
  internal_error: { status: 500, meaning: 'An unexpected error, logged with the request id (`requestId`): a defect of the service.' },
  database_busy: {
    status: 503,
    meaning: 'No database connection came free in time; retry after `Retry-After` seconds (with an Idempotency-Key for safety).',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The registered codes answered with status `S`: `CodeFor<409>` is every conflict code. */
export type CodeFor<S extends number> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never }[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

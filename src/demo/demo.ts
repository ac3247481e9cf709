/**
 * `npm run demo`: loads a complete demonstration programme, modelled on a year-long mentoring
 * programme for immigrant job-seekers with academic backgrounds, through the application's own
 * use cases (each one transaction with its audit event; conformance judged, deviations detected
 * as in the service), then writes its evidence report as `npm run qms -- report evidence` does.
 *
 * Every record is entered on the day the demo runs, with the dates the work was done: the
 * deviations the system finds are detected that day, as when an organisation enters a year's
 * records into a new system.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { writeEvidenceReportFile } from '../reports/evidence-report-file.js';
import type { ReportLanguage } from '../reports/evidence-report-file.js';
import { DemoCalendar } from './demo-calendar.js';
import { demoServices } from './demo-context.js';
import type { Demo } from './demo-context.js';
import { DEMO_PASSWORD, STAFF } from './demo-people.js';
import type { Role } from '../common/roles.js';
import { END, START, runProgramme } from './demo-programme.js';
import { runQuality } from './demo-quality.js';
import { runRisks } from './demo-risks.js';
import { runInternships } from './demo-internships.js';
import type { DemoInternships } from './demo-internships.js';
import { runDocuments } from './demo-documents.js';
import { runProcedureAcknowledgements } from './demo-procedure-acknowledgements.js';
import type { ProcedureAcknowledgementSummary } from './demo-procedure-acknowledgements.js';
import { runAudits } from './demo-audits.js';
import { runObjectives } from './demo-objectives.js';
import { runApplicants } from './demo-applicants.js';
import { runPreviousYear } from './demo-previous-year.js';
import type { PreviousYear } from './demo-previous-year.js';
import { runYear } from './demo-meetings.js';
import { runSurveys } from './demo-surveys.js';
import type { DemoSurveys } from './demo-surveys.js';
import type { DemoYear } from './demo-meetings.js';
import { checkCompetences, createTeam, demoProgrammeName, ensureProcedures, refuseIfLoaded } from './demo-setup.js';

export const DEFAULT_DEMO_REPORT = 'demo-evidence-report.pdf';

export interface DemoOptions {
  /** Where the evidence report is written. */
  out: string;
  lang: ReportLanguage;
  onProgress?: (done: number, total: number) => void;
  /** Progress lines, as the loader goes. */
  log?: (line: string) => void;
}

export interface DemoSummary {
  programme: { id: string; name: string; startDate: string; endDate: string };
  procedures: 'present' | 'imported';
  accounts: { name: string; email: string; title: string; roles: Role[] }[];
  password: string;
  participants: { adepts: number; mentors: number; pairs: number; countries: number; withdrawn: number; completed: number };
  /** Applicants interviewed and not given a place: on the waiting list, not admitted. */
  applicants: { waitingList: number; notAdmitted: number };
  /** The closed programme of the year before, with its six-month outcome follow-ups. */
  previousYear: PreviousYear;
  /** Cells of the conformance matrix today, by status (one per subject and procedure). */
  conformance: Record<string, number>;
  deviations: { total: number; system: number; manual: number; open: number; closed: number };
  actions: { closed: string; inProgress: string; overdue: string; improvement: string | null };
  boardReviews: number;
  risks: { risks: number; opportunities: number };
  internships: DemoInternships;
  /** The satisfaction surveys sent and answered, and the improvement action opened from a complaint. */
  surveys: DemoSurveys;
  /** The year's recurring work: mentor meetings, seminars with attendance, job coaching, and the pair that went quiet. */
  year: DemoYear;
  documents: { documents: number; acknowledged: number; toAcknowledge: number };
  /** The shipped procedure the leaders are asked to read (null when the library was in force before the demo: it is left as it is). */
  procedureAcknowledgements: ProcedureAcknowledgementSummary | null;
  internalAudit: { reference: string; findings: number; deviation: string };
  objectives: { objectives: number; measurements: number };
  auditChain: { valid: boolean; events: number; headHash: string | null };
  report: { path: string; fingerprint: string };
  seconds: number;
}

export async function runDemo(app: INestApplicationContext, o: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const s = demoServices(app);
  const cal = new DemoCalendar(new Date());
  await refuseIfLoaded(s, demoProgrammeName(cal.year(START)));

  log('Staff accounts and their training records');
  const team = await createTeam(s, cal, DEMO_PASSWORD);
  const procedures = await ensureProcedures(s, cal, team, DEMO_PASSWORD);
  await checkCompetences(s);
  const d: Demo = { s, cal, team, password: DEMO_PASSWORD };
  // Before the new version of the intake interview: the year before ran under the versions then in force.
  log('The year before: a closed programme and its six-month outcome follow-ups');
  const previousYear = await runPreviousYear(d);
  let procedureAcknowledgements: ProcedureAcknowledgementSummary | null = null;
  if (procedures === 'imported') {
    log('A new version of the intake interview that the programme leaders read and acknowledge');
    procedureAcknowledgements = await runProcedureAcknowledgements(d);
  }

  log('The programme year: intake interviews, matching, introduction day, follow-ups, final evaluations');
  const run = await runProgramme(d);
  log('Applicants interviewed and placed on the waiting list or not admitted');
  const applicants = await runApplicants(d, run.programmeId);
  log('Mentor meetings, seminars with attendance and job coaching through the year');
  const year = await runYear(d, run);
  log('The risk register');
  const risks = await runRisks(d, run.programmeId);
  log('Host organisations and internships');
  const internships = await runInternships(d, run);
  log('Satisfaction surveys: the survey plan sends them, adepts, mentors and host organisations answer');
  const surveys = await runSurveys(d, run);
  log('The quality policy and the scope as controlled documents');
  const documents = await runDocuments(d);
  log('Internal audits');
  const internalAudit = await runAudits(
    d,
    run.programmeId,
    run.adepts.slice(0, 5).map((a) => a.intakeId),
  );
  log('Quality objectives with their measurements, and improvement actions without a deviation');
  const objectives = await runObjectives(d, run.programmeId);
  log('Deviations, corrective actions, board reviews, management review, overdue scan');
  const quality = await runQuality(d, run);

  const qm = team.quality.ctx;
  const matrix = await s.matrix.matrix(qm, run.programmeId);
  const deviations = (await s.deviationQueries.list(qm, { programmeId: run.programmeId, offset: 0, limit: 500 })).items.map(
    (i) => i.deviation,
  );
  const finished = (state: string) => state === 'closed' || state === 'cancelled';

  log('Evidence report');
  const report = await writeEvidenceReportFile(app, {
    programmeId: run.programmeId,
    out: o.out,
    lang: o.lang,
    as: STAFF.quality.email,
    onProgress: o.onProgress,
  });
  const chain = await s.audit.verify();
  return {
    programme: { id: run.programmeId, name: run.name, startDate: cal.day(START), endDate: cal.day(END) },
    procedures,
    accounts: Object.values(STAFF).map(({ name, email, title, roles }) => ({ name, email, title, roles })),
    password: DEMO_PASSWORD,
    participants: {
      adepts: run.adepts.length,
      mentors: run.adepts.length,
      pairs: run.adepts.length,
      countries: new Set(run.adepts.map((a) => a.data.country)).size,
      withdrawn: run.adepts.filter((a) => a.data.withdrawn).length,
      completed: run.adepts.filter((a) => a.finalId).length,
    },
    applicants,
    previousYear,
    conformance: Object.fromEntries(Object.entries(matrix.totals.byStatus).filter(([, n]) => n > 0)),
    deviations: {
      total: deviations.length,
      system: deviations.filter((x) => x.source === 'system').length,
      manual: deviations.filter((x) => x.source !== 'system').length,
      open: deviations.filter((x) => !finished(x.state)).length,
      closed: deviations.filter((x) => x.state === 'closed').length,
    },
    actions: quality.actions,
    risks,
    internships,
    surveys,
    year,
    documents,
    procedureAcknowledgements,
    internalAudit,
    objectives,
    boardReviews: quality.boardReviews,
    auditChain: { valid: chain.valid, events: chain.events, headHash: chain.headHash },
    report: { path: o.out, fingerprint: report.fingerprint },
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

/** What `npm run demo` prints at the end. */
export function describeDemo(r: DemoSummary): string {
  const p = r.participants;
  const c = r.conformance;
  const cells = Object.entries(c)
    .map(([status, n]) => `${n} ${status.replace(/_/g, ' ')}`)
    .join(', ');
  const width = Math.max(...r.accounts.map((a) => a.email.length));
  return [
    ``,
    `Demo programme "${r.programme.name}" (${r.programme.startDate} to ${r.programme.endDate}), id ${r.programme.id}`,
    `  procedures:           ${r.procedures === 'imported' ? 'the shipped procedures imported and in force' : 'already in force'}`,
    `  participants:         ${p.adepts} adepts from ${p.countries} countries, ${p.mentors} mentors, ${p.pairs} pairs; ${p.withdrawn} withdrawn, ${p.completed} completed`,
    `  applicants:           ${r.applicants.waitingList} on the waiting list, ${r.applicants.notAdmitted} not admitted (with the reasons they were told)`,
    `  conformance today:    ${cells}`,
    `  deviations:           ${r.deviations.total} (${r.deviations.system} detected by the system, ${r.deviations.manual} recorded by hand); ${r.deviations.closed} closed, ${r.deviations.open} open`,
    `  corrective actions:   ${r.actions.closed} closed (effective), ${r.actions.inProgress} in progress, ${r.actions.overdue} overdue` +
      (r.actions.improvement ? `; improvement ${r.actions.improvement} from the management review` : ''),
    `  board reviews:        ${r.boardReviews} signed; management review closed and signed`,
    `  the year:             ${r.year.meetings.occurrences} mentor meetings of ${r.year.meetings.pairs} pairs, ${r.year.seminars.held} of ${r.year.seminars.planned} seminars held, ${r.year.coaching.occurrences} job coaching sessions for ${r.year.coaching.adepts} adepts; attendance ${r.year.attendance.present} present, ${r.year.attendance.absent} absent in ${r.year.attendance.sessions} sessions; one pair quiet ${r.year.cadenceMissed.days} days (${r.year.cadenceMissed.from} to ${r.year.cadenceMissed.to}, cadence missed)`,
    `  risk register:        ${r.risks.risks} risks and ${r.risks.opportunities} opportunity, owned, rated before and after treatment`,
    `  internships:          ${r.internships.internships} placements with ${r.internships.organisations} host organisations of the register; ${r.internships.employed} led to employment`,
    `  surveys:              ${r.surveys.surveys.length} sent by the survey plan to ${r.surveys.invited} people: ${r.surveys.answered} answered, ${r.surveys.declined} declined, ${r.surveys.unanswered} not answered; a complaint reviewed and improvement ${r.surveys.improvement} opened, ${r.surveys.awaitingReview} free text awaiting review`,
    `  documents:            ${r.documents.documents} in force (the quality policy, the scope with its process map); ${r.documents.acknowledged} of ${r.documents.toAcknowledge} leaders acknowledged the policy`,
    ...(r.procedureAcknowledgements
      ? [
          `  read and understood:  ${r.procedureAcknowledgements.acknowledged} of ${r.procedureAcknowledgements.toAcknowledge} leaders acknowledged version ${r.procedureAcknowledgements.version} of the ${r.procedureAcknowledgements.procedure} procedure`,
        ]
      : []),
    `  internal audit:       ${r.internalAudit.reference}, report signed, ${r.internalAudit.findings} findings (a nonconformity opened ${r.internalAudit.deviation}); the next audit is due`,
    `  quality objectives:   ${r.objectives.objectives}, each with an owner, a deadline and ${r.objectives.measurements} measurements by quarter in all`,
    `  the year before:      "${r.previousYear.name}" (${r.previousYear.startDate} to ${r.previousYear.endDate}), closed, id ${r.previousYear.programmeId}; ` +
      `${r.previousYear.adepts} adepts, six-month follow-ups: ${r.previousYear.followedUp} recorded, ${r.previousYear.owed} overdue; the twelve-month follow-ups are due`,
    `  audit chain:          ${r.auditChain.valid ? 'verified' : 'INVALID'}, ${r.auditChain.events} events, head ${r.auditChain.headHash}`,
    `  loaded in:            ${r.seconds} s`,
    ``,
    `Evidence report: ${r.report.path}`,
    `  fingerprint ${r.report.fingerprint}`,
    ``,
    `Demo accounts, all with the password ${r.password}`,
    ...r.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.name}, ${a.title}`),
    ``,
    `Start the service (npm start), open http://127.0.0.1:3000/ and sign in with one of these accounts (the API is described at /docs).`,
    ``,
  ].join('\n');
}

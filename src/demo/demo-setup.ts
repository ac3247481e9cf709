/**
 * Before the programme: the refusal when a demo is already loaded, the staff accounts with their
 * training records, and the shipped procedures in force.
 */
import { LOADER, DemoRefused, actingAs } from './demo-context.js';
import type { DemoServices, StaffMember, Team } from './demo-context.js';
import type { DemoCalendar } from './demo-calendar.js';
import { MODULES, STAFF, TRAINING } from './demo-people.js';
import type { StaffKey } from './demo-people.js';

/** The scripted day the shipped procedures are approved on: before the intake of the year before (2024-10-09). */
const PROCEDURES_APPROVED = '2024-09-02';

/** The procedures the demo records work against (the shipped ones in procedures/). */
export const DEMO_PROCEDURES = [
  'information-meeting',
  'expression-of-interest',
  'intake-interview',
  'mentor-vetting',
  'introduction-day',
  'matching',
  'mid-point-follow-up',
  'final-evaluation',
  'mentor-meetings',
  'seminars',
  'job-coaching',
] as const;

/** The demo programme's name: the Swedish name of the programme, and the year it starts. */
export function demoProgrammeName(year: number): string {
  return `Mentorskap för arbete ${year}`;
}

/** Refuses, before anything is written, when a demo programme or a demo account already exists. */
export async function refuseIfLoaded(s: DemoServices, name: string): Promise<void> {
  const existing = (await s.programmes.list(LOADER)).find((v) => v.name === name);
  if (existing) {
    throw new DemoRefused(
      `This database already has the demo programme "${name}" (${existing.id}); nothing was loaded.\n` +
        `Run the demo on an empty database, e.g. DATA_DIR=$(mktemp -d) npm run demo, or write its report again with\n` +
        `  npm run qms -- report evidence --programme ${existing.id} --out demo-evidence-report.pdf`,
    );
  }
  const emails = new Set(Object.values(STAFF).map((p) => p.email));
  const taken = (await s.users.list()).filter((u) => emails.has(u.email)).map((u) => u.email);
  if (taken.length) {
    throw new DemoRefused(
      `The demo accounts ${taken.join(', ')} already exist (an earlier demo run stopped part-way?); nothing was loaded. Use an empty database.`,
    );
  }
}

/** The staff accounts (created as an administrator would), and their training records (entered by the quality manager). */
export async function createTeam(s: DemoServices, cal: DemoCalendar, password: string): Promise<Team> {
  const team = {} as Team;
  for (const key of Object.keys(STAFF) as StaffKey[]) {
    const person = STAFF[key];
    // Demonstration accounts are signed in with the printed password as they are: not temporary.
    const user = await s.users.create(
      LOADER,
      { email: person.email, name: person.name, password, roles: person.roles },
      { temporary: false },
    );
    team[key] = { ...person, id: user.id, ctx: actingAs(user) } satisfies StaffMember;
  }
  for (const t of TRAINING) {
    await s.training.add(team.quality.ctx, team[t.staff].id, {
      module: t.module,
      completedAt: cal.day(t.completedAt),
      validUntil: t.validUntil ? cal.day(t.validUntil) : undefined,
      evidence: t.evidence,
    });
  }
  return team;
}

/**
 * The shipped procedures in force: imported when missing. On an empty library the import loads
 * them as the baseline, in review, and the second quality manager adopts it with her signature
 * (meaning `baseline adoption`), as a new installation must; the same when the service's first
 * start loaded the baseline and nobody adopted it yet. A procedure added to an existing library is
 * approved by the second quality manager, as any new version is. Refuses when one still has no
 * effective version.
 */
export async function ensureProcedures(s: DemoServices, cal: DemoCalendar, team: Team, password: string): Promise<'present' | 'imported'> {
  const missing = await notInForce(s);
  if (missing.length === 0) return 'present';
  // In force before the programme's first intake interview, as they would have been: approved on
  // the day the quality managers prepared the year (the service's clock set to it for the import).
  // A library already in force stays as it is, and records older than it are judged before_effective.
  const before = s.config.clockToday;
  s.config.clockToday = cal.day(PROCEDURES_APPROVED);
  try {
    // Imported by the first quality manager: a procedure new to an existing library becomes her draft,
    // which the second approves (nobody approves what they wrote).
    const report = await s.procedureImport.importDirectory(s.config.proceduresDir, team.quality.ctx);
    for (const created of report.created.filter((c) => !c.baseline && missing.includes(c.key))) {
      await s.procedures.submit(team.quality.ctx, created.key, created.version);
      await s.procedures.approve(team.approver.ctx, created.key, created.version, password, 'Approved for the demonstration programme');
    }
    // The baseline (on an empty library, or loaded by the service's first start) is adopted on that day too.
    if ((await s.baseline.view()).state === 'awaiting_adoption') await s.baseline.adopt(team.approver.ctx, password);
  } finally {
    s.config.clockToday = before;
  }
  const still = await notInForce(s);
  if (still.length) {
    throw new DemoRefused(
      `These procedures have no effective version: ${still.join(', ')}. Approve them (or start from an empty database) before loading the demo.`,
    );
  }
  return 'imported';
}

async function notInForce(s: DemoServices): Promise<string[]> {
  const library = await s.library.list();
  return DEMO_PROCEDURES.filter((key) => !library.some((p) => p.procedure.key === key && p.versions.some((v) => v.status === 'effective')));
}

/** The procedures in force must name only the training modules the demo records, or every judgement would fail on competence. */
export async function checkCompetences(s: DemoServices): Promise<void> {
  const known = new Set<string>(Object.values(MODULES));
  const inForce = (await s.library.list()).flatMap((p) => p.versions.filter((v) => v.status === 'effective'));
  const named = new Set(inForce.flatMap((v) => v.definition.steps.map((st) => st.requiredCompetence).filter((c): c is string => !!c)));
  const unknown = [...named].filter((c) => !known.has(c));
  if (unknown.length) throw new DemoRefused(`The procedures in force require training the demo does not record: ${unknown.join('; ')}`);
}

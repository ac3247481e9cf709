/**
 * A programme of realistic size, seeded through the API only (every row with its audit event,
 * the chain valid): participants (adepts and mentors), pairs, some withdrawn and some ended, and
 * executions of every shipped procedure in the plan with their steps recorded: some completed
 * (conforming, or nonconforming for a missing step), some corrected after completion, some
 * completed twice, some left open, and many missing altogether.
 *
 * Recurring activities (issue 17): when the shipped plan has no recurring pair procedure, a bench
 * procedure `bench-mentor-meeting` (pairs meet at least every 30 days from their matching until the
 * programme ends) is put in force before the programme is activated, and a year of meetings is
 * recorded: most pairs about every four weeks, some with a quiet stretch, a few never.
 *
 * Requests run `concurrency` at a time; one execution (start, steps, complete) stays sequential.
 */
import { activeProgramme, adoptBaseline, createStaff, createUser, participantBody } from '../lib/client.js';
import type { Client, Reply, Staff } from '../lib/client.js';

export interface SeededProgramme {
  staff: Staff;
  programmeId: string;
  counts: {
    participants: number;
    adepts: number;
    mentors: number;
    withdrawn: number;
    pairs: number;
    endedPairs: number;
    executions: number;
    meetings: number;
    completed: number;
    stepRecords: number;
    corrections: number;
    requests: number;
    retries: number;
  };
  seconds: number;
}

interface Field {
  key: string;
  type: 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'scale' | 'multiselect' | 'checklist';
  required?: boolean;
  min?: number;
  max?: number;
  options?: { value: string }[];
  items?: { key: string }[];
  effects?: { when: { equals?: unknown; in?: unknown[] }; status: string }[];
}
interface Step {
  key: string;
  required?: boolean;
  fields: Field[];
}
interface Definition {
  key: string;
  subject: 'adept' | 'mentor' | 'pair' | 'cohort';
  steps: Step[];
}

/** Runs `fn` over `items`, at most `concurrency` at a time; the first failure stops the rest. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== undefined) throw failed instanceof Error ? failed : new Error('a seeding step failed', { cause: failed });
}

function valueFor(f: Field, i: number): unknown {
  switch (f.type) {
    case 'text':
      return `Recorded for subject ${i}`;
    case 'number':
      return f.min ?? 2;
    case 'boolean':
      return true;
    case 'date':
      return '2026-02-02';
    case 'enum': {
      // The seeded subjects are enrolled (active): a value whose effect would move them elsewhere is refused.
      const moves = (v: string) =>
        (f.effects ?? []).some((e) => e.status !== 'active' && (e.when.equals === v || (e.when.in ?? []).includes(v)));
      const allowed = f.options!.filter((o) => !moves(o.value));
      return allowed[i % allowed.length].value;
    }
    case 'multiselect':
      return [f.options![i % f.options!.length].value];
    case 'checklist':
      return (f.items ?? []).map((it) => it.key);
    case 'scale':
      return f.max ?? f.min ?? 3;
  }
}

function valuesFor(step: Step, i: number): Record<string, unknown> {
  return Object.fromEntries(step.fields.map((f) => [f.key, valueFor(f, i)]));
}

/** An instant on `day` at 09:00 Stockholm time plus `minutes`, never later than an hour ago. */
function instant(day: string, minutes: number): string {
  const t = new Date(`${day}T09:00:00+01:00`).getTime() + minutes * 60_000;
  return new Date(Math.min(t, Date.now() - 3_600_000)).toISOString();
}

export async function seedProgramme(
  url: string,
  participants: number,
  opts: { concurrency?: number; log?: (line: string) => void } = {},
): Promise<SeededProgramme> {
  const began = performance.now();
  const concurrency = opts.concurrency ?? 6;
  const log = opts.log ?? (() => {});
  let requests = 0;
  let retries = 0;
  // Concurrent writes on one programme may lose a race; the service rolls back and says retry.
  const mustRetrying = async (c: Client, args: Parameters<Client['must']>): Promise<Reply['body']> => {
    for (let attempt = 1; ; attempt++) {
      requests++;
      try {
        return await c.must(...args);
      } catch (e) {
        if (attempt >= 8 || !/got 409 .*concurrent_update/.test((e as Error).message)) throw e;
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  };
  const counting = (c: Client) =>
    new Proxy(c, {
      get(target, prop, receiver) {
        if (prop === 'must') return (...args: Parameters<Client['must']>) => mustRetrying(target, args);
        return Reflect.get(target, prop, receiver);
      },
    });

  const staff = await createStaff(url, 'bench');
  await adoptBaseline(staff);
  const meetingKey = await benchMeetingProcedure(url, staff);
  const programmeId = await activeProgramme(staff, 'Mentoring for work, benchmark cohort');
  const qm = counting(staff.qm);
  const leader = counting(staff.leader);
  // The leader holds every module the shipped procedures ask for, so completed work can conform.
  for (const module of [
    'Programme leader training, module 1: intake interviews',
    'Programme leader training, module 2: matching mentors and adepts',
    'Programme leader training, module 3: follow-up and evaluation',
  ]) {
    await qm.must(201, 'POST', `/api/users/${staff.ids.leader}/training-records`, {
      module,
      completedAt: '2025-09-01',
      evidence: 'Attendance list',
    });
  }

  // The plan's pinned versions, and their definitions.
  const empty = await qm.must(200, 'GET', `/api/programmes/${programmeId}/conformance`);
  const definitions = new Map<string, Definition>();
  for (const p of empty.procedures as { procedureKey: string; versionNumber: number }[]) {
    const v = await qm.must(200, 'GET', `/api/procedures/${p.procedureKey}/versions/${p.versionNumber}`);
    definitions.set(p.procedureKey, v.definition as Definition);
  }
  const def = (key: string) => {
    const d = definitions.get(key);
    if (!d) throw new Error(`the plan has no ${key}`);
    return d;
  };

  // Participants: even numbers adepts, odd numbers mentors.
  const ids: string[] = new Array(participants);
  await pool([...Array(participants).keys()], concurrency, async (i) => {
    ids[i] = (await leader.must(201, 'POST', `/api/programmes/${programmeId}/participants`, participantBody(i))).id;
  });
  log(`  ${participants} participants enrolled`);
  const adepts = ids.filter((_, i) => i % 2 === 0);
  const mentors = ids.filter((_, i) => i % 2 === 1);

  // Every 50th adept withdraws before matching; the others are paired with a mentor.
  const withdrawn = adepts.filter((_, a) => a % 50 === 49);
  await pool(withdrawn, concurrency, async (id) => {
    await leader.must(200, 'POST', `/api/programmes/${programmeId}/participants/${id}/withdraw`, {
      date: '2026-02-01',
      reason: 'Moved to another city',
    });
  });
  const pairing = adepts.map((id, a) => ({ adept: id, mentor: mentors[a], a })).filter((x) => x.a % 50 !== 49 && x.mentor);
  const pairs: string[] = new Array(pairing.length);
  await pool(pairing, concurrency, async (x, p) => {
    pairs[p] = (
      await leader.must(201, 'POST', `/api/programmes/${programmeId}/pairs`, {
        mentorId: x.mentor,
        adeptId: x.adept,
        matchedAt: '2026-01-05',
        rationale: 'Same profession',
      })
    ).id;
  });
  log(`  ${pairs.length} pairs matched, ${withdrawn.length} adepts withdrawn`);

  let executions = 0;
  let completed = 0;
  let stepRecords = 0;
  let corrections = 0;
  /** One execution: start, record `steps` of the definition's steps (in order), optionally complete and correct. */
  const execute = async (
    key: string,
    subject: Record<string, unknown>,
    i: number,
    day: string,
    o: { steps?: number; complete?: boolean; correct?: boolean },
  ) => {
    const d = def(key);
    const e = await leader.must(201, 'POST', `/api/programmes/${programmeId}/executions`, { procedureKey: key, subject });
    executions++;
    const steps = d.steps.slice(0, o.steps ?? d.steps.length);
    let first: string | undefined;
    for (const [n, step] of steps.entries()) {
      const r = await leader.must(201, 'POST', `/api/executions/${e.id}/steps`, {
        stepKey: step.key,
        values: valuesFor(step, i),
        performedAt: instant(day, n * 30),
      });
      first ??= (r.steps as { id: string; stepKey: string }[]).find((s) => s.stepKey === step.key)!.id;
      stepRecords++;
    }
    if (o.complete) {
      await leader.must(200, 'POST', `/api/executions/${e.id}/complete`);
      completed++;
    }
    if (o.correct && first) {
      await leader.must(201, 'POST', `/api/executions/${e.id}/steps/${first}/corrections`, {
        values: valuesFor(steps[0], i + 1),
        reason: 'Typing error',
        performedAt: instant(day, -60),
      });
      corrections++;
    }
  };

  const jobs: (() => Promise<void>)[] = [];
  const has = (key: string) => definitions.has(key);
  adepts.forEach((id, a) => {
    if (a % 50 === 49) return; // withdrawn: nothing recorded, owes nothing more
    if (has('intake-interview')) {
      const r = a % 10;
      if (r === 1) jobs.push(() => execute('intake-interview', { participantId: id }, a, '2025-11-10', { steps: 2 }));
      else if (r === 2)
        jobs.push(() =>
          execute('intake-interview', { participantId: id }, a, '2025-11-10', {
            steps: def('intake-interview').steps.length - 1,
            complete: true,
          }),
        );
      else if (r !== 0)
        // Once per subject: a second intake interview would be refused while the first stands.
        jobs.push(() => execute('intake-interview', { participantId: id }, a, '2025-11-03', { complete: true, correct: a % 25 === 3 }));
    }
    if (has('final-evaluation')) {
      if (a % 5 === 0) jobs.push(() => execute('final-evaluation', { participantId: id }, a, '2026-11-20', { complete: true }));
      else if (a % 5 === 1) jobs.push(() => execute('final-evaluation', { participantId: id }, a, '2026-11-20', { steps: 1 }));
    }
  });
  pairs.forEach((id, p) => {
    if (has('matching')) {
      const r = p % 10;
      if (r === 2) jobs.push(() => execute('matching', { pairId: id }, p, '2025-12-01', { steps: 2 }));
      else if (r >= 3)
        // Once per subject: matching a pair a second time would be refused while the first stands.
        jobs.push(() => execute('matching', { pairId: id }, p, '2025-12-01', { complete: true }));
    }
    if (has('mid-point-follow-up')) {
      if (p % 2 === 0)
        jobs.push(() => execute('mid-point-follow-up', { pairId: id }, p, p % 8 === 0 ? '2026-08-20' : '2026-06-10', { complete: true }));
      else if (p % 6 === 1) jobs.push(() => execute('mid-point-follow-up', { pairId: id }, p, '2026-06-10', { steps: 2 }));
    }
  });
  if (has('introduction-day')) jobs.push(() => execute('introduction-day', { cohort: true }, 0, '2026-01-12', { complete: true }));
  await pool(jobs, concurrency, (job) => job());

  // A year of mentor meetings: about every 28 days from the matching; every 7th pair is quiet for
  // ten weeks in spring, every 13th never meets, every 9th leaves its latest meeting open.
  let meetings = 0;
  if (meetingKey && has(meetingKey)) {
    // One job per pair: its meetings one after the other (a second open occurrence would be refused).
    const meetingJobs: (() => Promise<void>)[] = [];
    pairs.forEach((id, p) => {
      if (p % 13 === 12) return;
      const days: string[] = [];
      for (let day = addDays('2025-12-01', 3 + (p % 20)), n = 0; day < '2026-12-01'; day = addDays(day, 24 + ((p + n) % 7)), n++) {
        if (!(p % 7 === 6 && day >= '2026-04-01' && day < '2026-06-10')) days.push(day);
      }
      meetings += days.length;
      meetingJobs.push(async () => {
        for (const [n, day] of days.entries()) {
          const open = p % 9 === 8 && n === days.length - 1;
          await execute(meetingKey, { pairId: id }, n, day, { complete: !open });
        }
      });
    });
    await pool(meetingJobs, concurrency, (job) => job());
    log(`  ${meetings} mentor meetings recorded`);
  }

  // Every 40th pair ends after its matching was recorded.
  const ended = pairs.filter((_, p) => p % 40 === 39);
  await pool(ended, concurrency, async (id) => {
    await leader.must(200, 'POST', `/api/pairs/${id}/end`, { date: '2026-04-01', reason: 'Rematched' });
  });
  const seconds = (performance.now() - began) / 1000;
  log(
    `  ${executions} executions (${completed} completed, ${stepRecords} step records, ${corrections} corrections), ${requests} requests (${retries} retried after a concurrent update) in ${seconds.toFixed(0)} s`,
  );
  return {
    staff,
    programmeId,
    counts: {
      participants,
      adepts: adepts.length,
      mentors: mentors.length,
      withdrawn: withdrawn.length,
      pairs: pairs.length,
      endedPairs: ended.length,
      executions,
      meetings,
      completed,
      stepRecords,
      corrections,
      requests,
      retries,
    },
    seconds,
  };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The recurring pair procedure the matrix is measured with: the shipped one when the baseline has
 * one, else `bench-mentor-meeting` put in force now (written by the quality manager, approved by a
 * second one). Null when the service cannot take it (a language without `recurring`).
 */
async function benchMeetingProcedure(url: string, staff: Staff): Promise<string | null> {
  const key = 'bench-mentor-meeting';
  const definition = {
    key,
    title: { en: 'Mentor meeting (benchmark)' },
    purpose: { en: 'The pair meets at least every 30 days from its matching until the programme ends.' },
    subject: 'pair',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'procedure_completed', procedure: 'matching', fromDays: 0, toDays: 730, until: { anchor: 'programme_end', days: 0 } },
    ordered: false,
    recurring: { cadenceDays: 30 },
    steps: [
      {
        key: 'meeting',
        title: { en: 'Meeting' },
        required: true,
        fields: [
          { key: 'duration', label: { en: 'Duration' }, type: 'number', required: true, min: 15, max: 600, unit: { en: 'minutes' } },
          { key: 'topics', label: { en: 'Topics' }, type: 'text', required: true },
        ],
      },
    ],
  };
  const created = await staff.qm.request('POST', '/api/procedures', { definition });
  if (created.status !== 201) return null;
  await staff.qm.must(200, 'POST', `/api/procedures/${key}/versions/1/submit`);
  const approver = await createUser(staff.admin, {
    email: 'approver.bench@hardening.test',
    name: 'Astrid Approver',
    password: 'quality_manager-password-for-approval',
    roles: ['quality_manager'],
  });
  await approver.client.must(200, 'POST', `/api/procedures/${key}/versions/1/approve`, {
    password: 'quality_manager-password-for-approval',
    comment: 'Reviewed and approved',
  });
  return key;
}

/**
 * Recurring activities in the console: a leader records two mentor meetings of a pair with a long
 * gap between them (the execution forms, from "Record a meeting" on the pair's timeline) and finds
 * the gap said in words on the timeline and "Cadence missed" in the matrix; records a seminar's
 * attendance per person on a phone (375 px), one person by keyboard alone, corrects an entry and sees
 * the counts and the history; an auditor sees the timeline and the attendance list without a way to
 * record. Axe on every page.
 */
import type { Page } from '@playwright/test';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
let programmeId: string;
let meetingsTitle: string;
let seminarsTitle: string;
let seminarId: string;
const people: Record<string, { id: string; code: string }> = {};
const pairs: { id: string; mentor: string; adept: string }[] = [];

const duration = { key: 'duration_minutes', label: 'Duration', type: 'number', min: 1, max: 600, unit: 'minutes', required: true };

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  const tag = unique();
  // Small recurring procedures of their own (the shipped ones may not be in force): a pair's mentor
  // meetings at least every 30 days, and a cohort's series of four seminars that records attendance.
  meetingsTitle = `Mentor meetings ${tag}`;
  seminarsTitle = `Seminars ${tag}`;
  const period = { anchor: 'programme_start', fromDays: 0, toDays: 400, until: { anchor: 'programme_end', days: 0 } };
  const definitions = [
    {
      key: `meetings-${tag}`,
      title: meetingsTitle,
      purpose: 'The pair meets regularly.',
      subject: 'pair',
      responsibleRoles: ['programme_leader'],
      recurring: { cadenceDays: 30 },
      window: period,
      steps: [{ key: 'meeting', title: 'Meeting', fields: [duration, { key: 'topics', label: 'Topics', type: 'text', required: false }] }],
    },
    {
      key: `seminars-${tag}`,
      title: seminarsTitle,
      purpose: 'The cohort meets for a seminar.',
      subject: 'cohort',
      responsibleRoles: ['programme_leader'],
      recurring: { cadenceDays: 35, sessions: 4 },
      attendance: true,
      window: period,
      steps: [{ key: 'seminar', title: 'Seminar', fields: [duration] }],
    },
  ];
  for (const definition of definitions) {
    await world.qm.api.post('/api/procedures', { definition });
    await world.qm.api.post(`/api/procedures/${definition.key}/versions/1/submit`);
    await world.qm2.api.post(`/api/procedures/${definition.key}/versions/1/approve`, { password: PASSWORD, comment: 'Approved' });
  }
  const programme = await world.qm.api.post<{ id: string }>('/api/programmes', {
    name: `Recurring ${tag}`,
    description: 'A programme under way, with mentor meetings and seminars.',
    targetGroup: 'Job-seekers with a degree from abroad',
    startDate: day(-100),
    endDate: day(200),
    leaderIds: [world.leader.id],
  });
  programmeId = programme.id;
  await world.qm.api.post(`/api/programmes/${programmeId}/activate`);
  for (const [role, fullName] of [
    ['adept', 'Amina Haddad'],
    ['mentor', 'Erik Holm'],
    ['adept', 'Tomás Rivera'],
    ['mentor', 'Lena Berg'],
  ] as const) {
    const p = await world.leader.api.post<{ id: string; code: string }>(`/api/programmes/${programmeId}/participants`, {
      role,
      fullName,
      gender: 'undisclosed',
      profession: 'Engineer',
      enrolledAt: day(-100),
      consentRecordedAt: day(-100),
    });
    people[fullName] = p;
  }
  for (const [mentor, adept] of [
    ['Erik Holm', 'Amina Haddad'],
    ['Lena Berg', 'Tomás Rivera'],
  ]) {
    const pair = await world.leader.api.post<{ id: string }>(`/api/programmes/${programmeId}/pairs`, {
      mentorId: people[mentor].id,
      adeptId: people[adept].id,
      matchedAt: day(-95),
      rationale: 'Same profession',
    });
    pairs.push({ id: pair.id, mentor, adept });
  }
  // The second pair has met once (what the auditor looks at), and the cohort has held a seminar.
  const meeting = await world.leader.api.post<{ id: string }>(`/api/programmes/${programmeId}/executions`, {
    procedureKey: `meetings-${tag}`,
    subject: { pairId: pairs[1].id },
  });
  await world.leader.api.post(`/api/executions/${meeting.id}/steps`, {
    stepKey: 'meeting',
    values: { duration_minutes: 45 },
    performedAt: `${day(-10)}T10:00:00Z`,
  });
  await world.leader.api.post(`/api/executions/${meeting.id}/complete`);
  const seminar = await world.leader.api.post<{ id: string }>(`/api/programmes/${programmeId}/executions`, {
    procedureKey: `seminars-${tag}`,
    subject: { cohort: true },
  });
  seminarId = seminar.id;
  await world.leader.api.post(`/api/executions/${seminarId}/steps`, {
    stepKey: 'seminar',
    values: { duration_minutes: 120 },
    performedAt: `${day(-20)}T13:00:00Z`,
  });
  await world.leader.api.post(`/api/executions/${seminarId}/complete`);
});

const label = (name: string) => `${name} (${people[name].code})`;

async function noSidewaysScrolling(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(sizes.scroll, `the width of ${what}`).toBeLessThanOrEqual(sizes.client + 1);
}

/** From the pair's timeline: start a meeting, record its step on the day given, complete it, and return to the timeline. */
async function recordMeeting(page: Page, on: string, minutes: string): Promise<void> {
  // The shipped mentor meetings are on the timeline too: the button of this test's own procedure.
  await page.getByRole('region', { name: meetingsTitle }).getByRole('button', { name: 'Record a meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start an execution' });
  await expect(dialog).toContainText(meetingsTitle);
  await dialog.getByRole('button', { name: 'Start' }).click();
  const form = page.getByRole('form', { name: 'Record: Meeting' });
  await form.getByLabel('Duration (minutes)').fill(minutes);
  await form.getByLabel('Performed at').fill(`${on}T17:00`);
  await form.getByRole('button', { name: 'Record step' }).click();
  await expect(form).toHaveCount(0);
  await expectAccessible(page, 'a meeting being recorded');
  await page.getByRole('button', { name: 'Complete execution' }).click();
  await expect(page.getByRole('button', { name: 'Complete execution' })).toHaveCount(0);
  await page.getByRole('link', { name: 'All meetings of this pair' }).click();
}

test('a leader records two meetings a long gap apart and finds the gap on the timeline and in the matrix', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${programmeId}/conformance`);
  const matrix = page.getByRole('table', { name: /Conformance matrix/ });
  const pairName = `${label('Erik Holm')} / ${label('Amina Haddad')}`;
  // The matrix cell of a recurring procedure opens the pair's timeline.
  await matrix.getByRole('link', { name: new RegExp(`: ${meetingsTitle}, ${literal(pairName)}\\. 0 held`) }).click();
  await expect(page.getByRole('tab', { name: 'Recurring activities', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: pairName })).toBeVisible();
  const activity = page.getByRole('region', { name: meetingsTitle });
  await expect(activity.getByText('No meetings recorded yet.')).toBeVisible();
  await expectAccessible(page, "a pair's timeline before any meeting");

  await recordMeeting(page, day(-85), '60');
  await recordMeeting(page, day(-35), '90');

  const timeline = activity.getByRole('list', { name: `${meetingsTitle}: timeline, newest first` });
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(timeline.getByRole('link', { name: /^Meeting on / })).toHaveCount(2);
  await expect(timeline).toContainText('Duration: 90 minutes');
  await expect(timeline).toContainText(`Recorded by ${world.leader.name}`);
  // Each meeting is judged as any execution is: performed before this procedure came into force, so nonconforming.
  await expect(timeline.getByText('Nonconforming')).toHaveCount(2);
  // The gap between the meetings, longer than the cadence, in words; and the one still growing to today.
  await expect(timeline).toContainText(/50 days without a meeting \(.+ – .+\) — the cadence is at most every 30 days/);
  await expect(timeline).toContainText(/35 days without a meeting so far, since .+, still growing — the cadence is at most every 30 days/);
  await expect(timeline).toContainText('15 days after the period began');
  await expect(activity).toContainText('Cadence missed');
  await expectAccessible(page, "a pair's timeline with two meetings and the gaps");

  await page.getByRole('tab', { name: 'Conformance' }).click();
  const cell = page
    .getByRole('table', { name: /Conformance matrix/ })
    .getByRole('link', { name: new RegExp(`^Cadence missed: ${meetingsTitle}, ${literal(pairName)}\\. 2 held · last `) });
  await expect(cell).toBeVisible();
  await expect(cell).toContainText('2 held');
  await expectAccessible(page, 'the conformance matrix with a recurring activity');

  // The tab lists every subject's recurring activities, problems first.
  await page.getByRole('tab', { name: 'Recurring activities' }).click();
  const overview = page.getByRole('table', { name: /Recurring activities of the programme/ });
  await expect(overview.getByRole('row', { name: new RegExp(literal(pairName)) }).first()).toContainText('Cadence missed');
  await expectAccessible(page, "the programme's recurring activities");
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("a leader records a seminar's attendance per person, corrects an entry, and sees the counts", async ({ page }) => {
    await signIn(page, world.leader.email, PASSWORD);
    await page.goto(`/programmes/${programmeId}/recurring?subject=cohort`);
    const activity = page.getByRole('region', { name: seminarsTitle });
    await expect(activity).toContainText('1 of 4 sessions held');
    await expect(activity.getByRole('group', { name: 'Attendance' })).toContainText('4 not recorded');
    await noSidewaysScrolling(page, "the cohort's seminars");
    await expectAccessible(page, "the cohort's seminars at 375 px");
    await activity.getByRole('link', { name: /^Attendance on / }).click();

    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Attendance: ${seminarsTitle}`) })).toBeVisible();
    const form = page.getByRole('form', { name: 'Record attendance' });
    await form
      .getByRole('radiogroup', { name: label('Amina Haddad') })
      .getByRole('radio', { name: 'Present' })
      .check();
    await form
      .getByRole('radiogroup', { name: label('Erik Holm') })
      .getByRole('radio', { name: 'Absent' })
      .check();
    await form.getByLabel(`Reason for the absence of ${label('Erik Holm')} (optional)`).fill('At a job interview');
    await noSidewaysScrolling(page, 'the attendance form');
    await expectAccessible(page, 'the attendance form at 375 px');
    await form.getByRole('button', { name: 'Save attendance (2 people)' }).click();
    await expect(page.getByText('The attendance is recorded.')).toBeVisible();
    const counts = page.getByRole('group', { name: 'Attendance' }).first();
    await expect(counts).toContainText('1 present');
    await expect(counts).toContainText('1 absent');
    await expect(counts).toContainText('2 not recorded');
    const list = page.getByRole('table', { name: /^Attendance at / });
    await expect(list.getByRole('row', { name: new RegExp(literal(label('Erik Holm'))) })).toContainText('Reason: At a job interview');

    // A correction needs a reason and stays in the history.
    await form
      .getByRole('radiogroup', { name: label('Erik Holm') })
      .getByRole('radio', { name: 'Present' })
      .check();
    await form.getByLabel('Why are recorded entries corrected?').fill('He came after the interview');
    await form.getByRole('button', { name: 'Save attendance (one person)' }).click();
    await expect(counts).toContainText('2 present');
    const erik = list.getByRole('row', { name: new RegExp(literal(label('Erik Holm'))) });
    await expect(erik).toContainText('Corrected to Present');
    await expect(erik).toContainText('(why: He came after the interview)');
    await expect(erik).toContainText('(replaced)');

    // By keyboard alone: Tomás is absent, with a reason, and Enter saves.
    const tomas = form.getByRole('radiogroup', { name: label('Tomás Rivera') });
    await tomas.getByRole('radio', { name: 'Present' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(tomas.getByRole('radio', { name: 'Absent' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByLabel(`Reason for the absence of ${label('Tomás Rivera')} (optional)`)).toBeFocused();
    await page.keyboard.type('Ill');
    await page.keyboard.press('Enter');
    await expect(counts).toContainText('1 absent');
    await expect(counts).toContainText('1 not recorded');
    await noSidewaysScrolling(page, 'the attendance list');
    await expectAccessible(page, 'the attendance list with a correction at 375 px');

    // A participant's attendance across sessions.
    await list.getByRole('link', { name: `Attendance of ${label('Amina Haddad')} at every session` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Attendance: ${label('Amina Haddad')}` })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Sessions of / }).getByRole('row', { name: new RegExp(seminarsTitle) })).toContainText(
      'Present',
    );
    await expectAccessible(page, "a participant's attendance at 375 px");
  });
});

test('an auditor sees a timeline and an attendance list, and no way to record', async ({ page }) => {
  await signIn(page, world.auditor.email, PASSWORD);
  await page.goto(`/programmes/${programmeId}/recurring?subject=${pairs[1].id}`);
  const activity = page.getByRole('region', { name: meetingsTitle });
  await expect(activity.getByRole('link', { name: /^Meeting on / })).toHaveCount(1);
  await expect(activity).toContainText('Duration: 45 minutes');
  await expect(page.getByRole('button', { name: 'Record a meeting' })).toHaveCount(0);
  await expectAccessible(page, "a pair's timeline for an auditor");

  await page.goto(`/executions/${seminarId}/attendance`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Attendance: ${seminarsTitle}`) })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Attendance at / }).getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('form', { name: 'Record attendance' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expectAccessible(page, 'an attendance list for an auditor');
});

function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

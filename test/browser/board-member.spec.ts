/**
 * A board member's work: the actions awaiting their review on the home page, a review signed with
 * a decision and a comment, and a management review created, its inputs read as figures and
 * charts, decisions recorded (one becoming an action), closed with a signature, and its minutes
 * downloaded.
 */
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
let action: { id: string; reference: string };
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  const d = await world.leader.api.post<{ id: string }>('/api/deviations', {
    programmeId: world.programme.id,
    title: 'Introduction day started late',
    description: 'The room was double-booked.',
    severity: 'minor',
    source: 'manual',
    detectedAt: new Date().toISOString(),
  });
  await world.qm.api.post(`/api/deviations/${d.id}/transitions`, { to: 'analysis', comment: 'Looking into it' });
  action = await world.qm.api.post<{ id: string; reference: string }>('/api/corrective-actions', {
    deviationIds: [d.id],
    type: 'corrective',
    description: 'Book the room through the facilities desk with a confirmation.',
    ownerId: world.leader.id,
    dueDate: day(30),
    effectivenessCriterion: 'No double booking for a term.',
  });
});

test('home lists the actions awaiting the review; a review is signed with a decision and a comment', async ({ page }) => {
  await signIn(page, world.board.email, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Management reviews' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  const queue = page.getByRole('table', { name: 'Corrective actions you have not reviewed' });
  await expect(queue.getByRole('link', { name: action.reference })).toBeVisible();
  await expectAccessible(page, "a board member's home");

  await queue.getByRole('link', { name: action.reference }).click();
  const card = page.getByRole('region', { name: 'Your board review' });
  // A reader of the action: no transition is offered.
  await expect(page.getByRole('region', { name: 'Next steps' })).toHaveCount(0);
  await card.getByRole('radio', { name: 'Changes requested' }).check();
  await card.getByLabel('Comment').fill('Ask the facilities desk for a written confirmation too.');
  await expectAccessible(page, 'the board review form');
  if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/images/console-board-review.png' });
  await card.getByRole('button', { name: 'Continue to signature' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText('Board review: Changes requested');
  await expect(sign).toContainText(action.reference);
  await expect(sign).toContainText(world.board.name);
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(card.getByRole('status')).toContainText('You reviewed this action: Changes requested');
  await expect(page.getByRole('region', { name: 'Board reviews' })).toContainText(
    'Ask the facilities desk for a written confirmation too.',
  );
  const stored = await world.qm.api.get<{ boardReviews: { decision: string; reviewerId: string }[] }>(
    `/api/corrective-actions/${action.id}`,
  );
  expect(stored.boardReviews).toEqual([expect.objectContaining({ decision: 'changes_requested', reviewerId: world.board.id })]);

  // Off this board member's queue (actions of other tests may still wait there).
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: /Actions awaiting your review/ })).toBeVisible();
  await expect(page.getByRole('link', { name: action.reference })).toHaveCount(0);
});

test('a management review: created, inputs as figures and charts, decisions, closed with a signature, minutes', async ({ page }) => {
  await signIn(page, world.board.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Management reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Management reviews' })).toBeVisible();
  await expectAccessible(page, 'the management reviews');
  await page.getByRole('button', { name: 'New management review' }).click();
  const dialog = page.getByRole('dialog', { name: 'New management review' });
  const title = `Management review ${day(0)} ${world.board.name}`;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Held on').fill(day(0));
  await dialog.getByRole('checkbox', { name: world.board.name }).check();
  await expectAccessible(page, 'the new management review dialog');
  await dialog.getByRole('button', { name: 'Create review' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const inputs = page.getByRole('region', { name: 'Inputs' });
  await expect(inputs.getByText('Open deviations', { exact: true })).toBeVisible();
  await expect(inputs.getByRole('img', { name: /Open deviations by severity/ })).toBeVisible();
  await expect(inputs.getByRole('img', { name: /Corrective actions by state/ })).toBeVisible();
  await expect(page.getByText(/\{|\}/)).toHaveCount(0);
  // Every ISO 9001 9.3.2 item is a named section of the inputs; the period reviewed is stated.
  await expect(page.getByText(/^Period reviewed: /)).toBeVisible();
  for (const item of [
    'Changes in external and internal issues',
    'Participant satisfaction and feedback (final evaluations)',
    'Quality objectives',
    'Process performance and conformity (against the period before)',
    'Nonconformities in the period',
    'Monitoring and measurement results',
    'Internal audit results',
    'Performance of external providers (mentors)',
    'Adequacy of resources',
    'Effectiveness of actions on risks and opportunities',
    'Opportunities for improvement',
  ])
    await expect(inputs.getByRole('heading', { name: item, exact: true })).toBeVisible();
  await expect(inputs.getByText('No internal audits recorded for the period.')).toBeVisible();
  const notes = page.getByRole('region', { name: 'Issues and resources' });
  await notes.getByLabel('Topic').selectOption('issues');
  await notes.getByLabel('What the review notes').fill('A new co-financier requires participants to be registered job-seekers.');
  await notes.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(notes.getByRole('listitem').filter({ hasText: 'co-financier' })).toBeVisible();
  await expect(inputs.getByRole('listitem').filter({ hasText: 'co-financier' })).toBeVisible();

  const decisions = page.getByRole('region', { name: 'Decisions' });
  await decisions.getByRole('textbox', { name: 'Decision', exact: true }).fill('Rooms are booked through the facilities desk from now on.');
  await decisions.getByLabel('Category').selectOption('qms_change');
  await decisions.getByRole('button', { name: 'Record decision' }).click();
  await expect(
    decisions.getByRole('listitem').filter({ hasText: 'Rooms are booked' }).filter({ hasText: 'Change to the quality management system' }),
  ).toBeVisible();
  await decisions.getByRole('textbox', { name: 'Decision', exact: true }).fill('Train new leaders in booking rooms.');
  await decisions.getByLabel('Track an action for this decision').check();
  await decisions.getByLabel('Owner of the action').selectOption(world.qm.id);
  await decisions.getByLabel('Due date').fill(day(60));
  await decisions.getByLabel('What is to be done').fill('Add room booking to the leader training, module 1.');
  await decisions.getByRole('button', { name: 'Record decision' }).click();
  await expect(decisions.getByRole('listitem').filter({ hasText: 'Train new leaders' }).getByRole('link', { name: /^CA-/ })).toBeVisible();
  await expectAccessible(page, 'a management review with decisions');

  // Closing measures every quality objective for the quarter the period ends in.
  const objective = `Open deviations stay few ${day(0)} ${world.board.name}`;
  await world.qm.api.post('/api/quality-objectives', { indicator: 'open_deviations', comparator: '<=', target: 50, title: objective });
  await page.getByRole('button', { name: 'Close and sign' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText(title);
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByRole('button', { name: 'Close and sign' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record decision' })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText(`Signed by ${world.board.name}`);
  const measured = page
    .getByRole('region', { name: 'Quality objectives measured at closing' })
    .getByRole('table', { name: 'Quality objectives measured at closing' })
    .getByRole('row')
    .filter({ hasText: objective });
  await expect(measured).toContainText('at closing');
  await expect(measured.getByRole('cell', { name: /^\d{4}-Q[1-4]$/ })).toBeVisible();
  const [minutes] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download minutes (PDF)' }).click(),
  ]);
  expect(minutes.suggestedFilename()).toMatch(/\.pdf$/);
  await expectAccessible(page, 'a closed management review');
});

/**
 * The same console on the embedded database: signing in, and one execution started from the
 * conformance matrix and recorded.
 */
import { makeWorld, PASSWORD } from './support/world.js';
import type { World } from './support/world.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_EMBEDDED!);
});

test('a programme leader signs in and records a step of an introduction day on the embedded database', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
  await page.getByRole('link', { name: world.programme.name }).click();
  await page.getByRole('tab', { name: 'Conformance' }).click();
  await page.getByRole('button', { name: /^Due: Introduction day, The cohort/ }).click();
  await page.getByRole('dialog', { name: 'Start an execution' }).getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Introduction day: The cohort' })).toBeVisible();

  const attendance = page.getByRole('region', { name: 'Attendance recorded' });
  await attendance.getByLabel('Number of adepts present').fill('3');
  await attendance.getByLabel('Number of mentors present').fill('2');
  await attendance
    .getByLabel('Absent participants and how they will be informed')
    .fill('One mentor was ill; the leader calls her on Monday.');
  await attendance.getByRole('button', { name: 'Record step' }).click();
  await expect(attendance.getByText('Recorded', { exact: true })).toBeVisible();
  await expect(attendance).toContainText('One mentor was ill');
  await expectAccessible(page, 'the execution page on the embedded database');
});

/**
 * E-mail in the console: a programme leader on a phone chooses a weekly digest and switches a kind
 * of reminder off from the user menu; an administrator opens the mail failures page, which other
 * roles do not see.
 */
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { day, unique } from './support/api.js';
import { makeWorld, PASSWORD, person } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('a programme leader chooses a weekly digest and switches risk reviews off', async ({ page }) => {
    await signIn(page, world.leader.email, PASSWORD);
    await page.getByRole('button', { name: world.leader.name }).click();
    await page.getByRole('menuitem', { name: 'Reminders by e-mail' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reminders by e-mail' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'One e-mail per reminder, as it comes up' })).toBeChecked();
    await expectAccessible(page, 'the reminder settings at 375 px');

    await page.getByRole('radio', { name: 'One e-mail a week with all of them' }).check();
    await page.getByRole('checkbox', { name: 'A risk I own due for review' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Your reminder settings are saved.')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('radio', { name: 'One e-mail a week with all of them' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'A risk I own due for review' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'A corrective action I own nearing its target date' })).toBeChecked();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // Not an administrator: no mail failures in the menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail failures' })).toHaveCount(0);
  });
});

/**
 * A reminder to an account deactivated after the reminder's cause was recorded cannot be sent
 * (failed at once, no retries): the administrator finds it with its reason and error.
 */
test('an administrator finds a mail that failed, with its recipient, reason and error', async ({ page }) => {
  const gone = await person(world.admin, ['programme_leader'], 'Gone Leader');
  const risk = await world.qm.api.post<{ id: string }>('/api/risks', {
    kind: 'risk',
    title: `Owner leaves ${unique()}`,
    cause: 'The owner changes jobs',
    consequence: 'Nobody reviews the risk',
    likelihood: 2,
    impact: 2,
    ownerId: gone.id,
    nextReviewOn: day(1),
  });
  // Queued while the owner still had an account; deactivated before the worker sends it.
  await world.qm.api.post('/api/reminders/scan');
  const account = await world.admin.get<{ version: number }>(`/api/users/${gone.id}`);
  const res = await fetch(`${world.admin.baseUrl}/api/users/${gone.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${world.admin.token}`, 'If-Match': `"${account.version}"` },
    body: JSON.stringify({ active: false }),
  });
  expect(res.status).toBe(200);
  await world.admin.post('/api/admin/mail/deliver');

  await signIn(page, process.env.QMS_ADMIN_EMAIL!, process.env.QMS_ADMIN_PASSWORD!);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail failures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail failures' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `reminder:risk_review:${risk.id}` });
  await expect(row).toContainText(gone.email);
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('the recipient account is deactivated');
  await expect(row.getByRole('button', { name: /^Send again/ })).toBeVisible();
  await expectAccessible(page, 'the mail failures page');
  await page.getByText('Waiting for a retry').click();
  await expect(page.getByRole('row').filter({ hasText: `reminder:risk_review:${risk.id}` })).toHaveCount(0);
});

/**
 * Administrators manage accounts (create with a temporary password, roles, deactivate, set a
 * temporary password); quality managers record training per user. Filters are in the URL.
 */
import { PASSWORD, TEMPORARY_PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { Api, day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

test('an administrator creates an account, changes its roles, deactivates it and sets a temporary password', async ({
  page,
  serviceUrl,
}) => {
  const tag = unique();
  const name = `Tove Newhire ${tag}`;
  const email = `tove.${tag}@browser.test`;
  await signIn(page, process.env.QMS_ADMIN_EMAIL!, process.env.QMS_ADMIN_PASSWORD!);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expectAccessible(page, 'the user list');

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Temporary password').fill('short');
  await dialog.getByRole('checkbox', { name: 'auditor' }).check();
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByLabel('Temporary password')).toHaveAccessibleDescription(/Write at least 12 characters\./);
  await dialog.getByLabel('Temporary password').fill(TEMPORARY_PASSWORD);
  await expectAccessible(page, 'the new user dialog');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByLabel('Name or email').fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('auditor');
  await expect(row).toContainText('Active · must change the password');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await edit.getByRole('checkbox', { name: 'board member' }).check();
  await edit.getByLabel('Active account').uncheck();
  await expectAccessible(page, 'the edit user dialog');
  await edit.getByRole('button', { name: 'Save roles and state' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('auditor, board member');
  await expect(row).toContainText('Deactivated');
  await page.getByLabel('State').selectOption('inactive');
  await expect(page).toHaveURL(/state=inactive/);
  await expect(row).toBeVisible();
  // The service filters: a link with the filters (here, the reloaded page) shows the same list and its count.
  await page.reload();
  await expect(page.getByLabel('Name or email')).toHaveValue(tag);
  await expect(page.getByLabel('State')).toHaveValue('inactive');
  await expect(page.getByRole('table', { name: 'One user' })).toBeVisible();
  await expect(row).toBeVisible();
  // A deactivated account cannot sign in.
  await expect(new Api(serviceUrl).as(email, TEMPORARY_PASSWORD)).rejects.toThrow(/401/);

  // Someone who forgot their password gets a temporary one.
  await page.getByLabel('State').selectOption('');
  await page.getByLabel('Name or email').fill(world.auditor.email);
  const auditorRow = page.getByRole('row', { name: new RegExp(world.auditor.email.replace(/\./g, '\\.')) });
  await auditorRow.getByRole('button', { name: `Edit ${world.auditor.name}` }).click();
  const reset = page.getByRole('dialog', { name: `Edit ${world.auditor.name}` });
  await reset.getByLabel('New temporary password').fill('a temporary one for the auditor');
  await reset.getByRole('button', { name: 'Set temporary password' }).click();
  await expect(page.getByText('The temporary password was set; the user changes it at the next sign-in.')).toBeVisible();
  const after = await new Api(serviceUrl).request<{ mustChangePassword: boolean }>('POST', '/api/auth/login', {
    email: world.auditor.email,
    password: 'a temporary one for the auditor',
  });
  expect(after.mustChangePassword).toBe(true);
});

test('a quality manager records training for a user; the chosen user is in the URL', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training records' })).toBeVisible();
  await page.getByLabel('Person', { exact: true }).selectOption(world.leader.id);
  await expect(page).toHaveURL(new RegExp(`user=${world.leader.id}`));
  const table = page.getByRole('table', { name: `Training of ${world.leader.name}` });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Module').fill('Safeguarding in mentoring');
  await page.getByLabel('Completed on').fill(day(-3));
  await page.getByLabel('Evidence').fill('Certificate 2026-114');
  await expectAccessible(page, 'the training records of a user');
  await page.getByRole('button', { name: 'Record training' }).click();
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table).toContainText('Safeguarding in mentoring');
  await expect(table).toContainText('Certificate 2026-114');
});

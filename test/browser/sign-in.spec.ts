/**
 * Everyone: signing in and out, the Main navigation, the language, an ended session.
 */
import { PASSWORD, TEMPORARY_PASSWORD, makeWorld, person } from './support/world.js';
import type { World } from './support/world.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

test('the sign-in page has its fields, its language choice and no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const language = page.getByLabel('Language');
  await expect(language.getByRole('option')).toHaveText(['English', 'Svenska', 'Norsk bokmål']);
  await expectAccessible(page, 'the sign-in page');

  await language.selectOption({ label: 'Svenska' });
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByLabel('Language').selectOption({ label: 'Norsk bokmål' });
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
  await page.getByLabel('Language').selectOption({ label: 'English' });
});

test('a wrong password is said in plain words and signs nobody in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(world.leader.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is wrong.');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('signing in shows the Main navigation; signing out returns to the sign-in page and forgets the token', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Home', 'Programmes', 'Deviations', 'Corrective actions', 'Procedures']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // The token is held for this tab only: never in localStorage, never in a cookie.
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), cookies: document.cookie }));
  expect(stored.local).not.toMatch(/eyJ/);
  expect(stored.cookies).toBe('');
  await expectAccessible(page, 'the home page');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await page.evaluate(() => sessionStorage.getItem('qms.session'))).toBeNull();
  await page.goto('/programmes');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprogrammes/);
});

test('a reload keeps the session of this tab', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('an ended session returns to sign-in with a message, and back to the page after', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deviations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deviations' })).toBeVisible();
  // The service no longer accepts the token (as when it has expired).
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('qms.session')!) as { token: string };
    s.token = s.token.slice(0, -4) + 'AAAA';
    sessionStorage.setItem('qms.session', JSON.stringify(s));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired&next=%2Fdeviations/);
  await expect(page.getByRole('status')).toHaveText('Your session has ended. Sign in again to continue where you were.');
  await page.getByLabel('Email').fill(world.leader.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/deviations$/);
});

test('the language is taken from the browser, and the choice is remembered for the user', async ({ browser }) => {
  // A user who never chose: the browser's language (Swedish) decides, before and after signing in.
  const newcomer = await person(world.admin, ['quality_manager'], 'Sara Språk');
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('E-post').fill(newcomer.email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Avvikelser' })).toBeVisible();
  await expectAccessible(page, 'the home page in Swedish');
  // The user chooses Norwegian: it is kept on the account.
  await page.getByLabel('Language').selectOption({ label: 'Norsk bokmål' });
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await expect.poll(async () => (await newcomer.api.get<{ language: string }>('/api/users/me')).language).toBe('nb');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await context.close();

  // Another browser, in English, that never saw this user: Norwegian after signing in.
  const other = await browser.newContext({ locale: 'en-GB' });
  const second = await other.newPage();
  await second.goto('/sign-in');
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await second.getByLabel('Email').fill(newcomer.email);
  await second.getByLabel('Password').fill(PASSWORD);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();
  await expect(second.locator('html')).toHaveAttribute('lang', 'nb');
  // And after a reload of that tab.
  await second.reload();
  await expect(second.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();
  await other.close();
});

test('at 375 px the navigation opens from the Menu button and reaches every page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Procedures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Procedures' })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'the procedures page at 375 px');
});

test('a user with a temporary password from an administrator must choose their own before anything else', async ({ page }) => {
  const newcomer = await person(world.admin, ['programme_leader'], 'Nora Newcomer', { temporary: true });
  await page.goto('/programmes');
  await page.getByLabel('Email').fill(newcomer.email);
  await page.getByLabel('Password').fill(TEMPORARY_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Straight to the change of password, whatever page was asked for; nothing else is offered.
  await expect(page).toHaveURL(/\/account\/password\?next=%2Fprogrammes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'set by an administrator' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.goto('/deviations');
  await expect(page).toHaveURL(/\/account\/password\?next=%2Fdeviations$/);
  // The service's rules, in sentences.
  const rules = page.getByRole('region', { name: 'The new password must be:' });
  await expect(rules.getByRole('listitem')).toHaveText([
    'At least 12 and at most 256 characters long. A phrase of a few words is easy to remember and hard to guess.',
    'Not one of the most commonly used passwords, which attackers try first.',
    'Not your e-mail address or your name, and not one character repeated.',
    'Different from your current password.',
    'There are no rules about digits, capital letters or symbols.',
  ]);
  await expectAccessible(page, 'the forced change of password');

  const current = page.getByLabel('Current password', { exact: true });
  const chosen = page.getByLabel('New password', { exact: true });
  const repeat = page.getByLabel('Repeat new password', { exact: true });
  const submit = page.getByRole('button', { name: 'Change password' });

  // Checked in the browser: too short, and two different new passwords.
  await current.fill(TEMPORARY_PASSWORD);
  await chosen.fill('short');
  await repeat.fill('shorter');
  await submit.click();
  await expect(chosen).toHaveAccessibleDescription(/The new password must be at least 12 characters long; it has 5\./);
  await expect(repeat).toHaveAccessibleDescription('The two new passwords are not the same. Type the new password again.');
  // Refused by the service, shown on its field: the account's own name, a wrong current password.
  await chosen.fill('Nora Newcomer');
  await repeat.fill('Nora Newcomer');
  await submit.click();
  await expect(chosen).toHaveAccessibleDescription(/The password must not be your e-mail address or your name\./);
  await current.fill('not-the-temporary-password');
  await chosen.fill('a long phrase of my own choosing');
  await repeat.fill('a long phrase of my own choosing');
  await submit.click();
  await expect(current).toHaveAccessibleDescription('The current password is wrong.');
  await expectAccessible(page, 'the change of password with errors');

  await current.fill(TEMPORARY_PASSWORD);
  await submit.click();
  // Back to the page last asked for.
  await expect(page).toHaveURL(/\/deviations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Deviations' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // The temporary password no longer works; the chosen one does, with no detour.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(newcomer.email);
  await page.getByLabel('Password').fill(TEMPORARY_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The notification that the password was changed may still be shown beside the form's alert.
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is wrong.' })).toBeVisible();
  await signIn(page, newcomer.email, 'a long phrase of my own choosing');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('the change of password is in the user menu at any time, in the user’s language', async ({ page }) => {
  const someone = await person(world.admin, ['auditor'], 'Ola Menu');
  await signIn(page, someone.email, PASSWORD);
  await page.getByLabel('Language').selectOption({ label: 'Norsk bokmål' });
  await page.getByRole('button', { name: someone.name }).click();
  await page.getByRole('menuitem', { name: 'Bytt passord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bytt passordet ditt' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'administrator' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Det nye passordet må være:' }).getByRole('listitem').first()).toHaveText(
    'Minst 12 og høyst 256 tegn langt. En setning med noen få ord er lett å huske og vanskelig å gjette.',
  );
  await page.getByLabel('Nåværende passord', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Nytt passord', { exact: true }).fill('another phrase that is mine');
  await page.getByLabel('Gjenta nytt passord', { exact: true }).fill('another phrase that is mine');
  await page.getByRole('button', { name: 'Bytt passord' }).click();
  await expect(page.getByText('Passordet ditt er byttet.')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  // The session goes on with the new token: pages still load.
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Avvik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avvik' })).toBeVisible();
  await page.getByLabel('Language').selectOption({ label: 'English' });
});

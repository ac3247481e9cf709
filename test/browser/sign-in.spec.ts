/**
 * Everyone: signing in and out, the Main navigation, the language, an ended session.
 */
import { PASSWORD, makeWorld } from './support/world.js';
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
  const context = await browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('E-post').fill(world.qm.email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Avvikelser' })).toBeVisible();
  await expectAccessible(page, 'the home page in Swedish');
  await page.getByLabel('Language').selectOption({ label: 'Norsk bokmål' });
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  // Next time, in a fresh tab of this browser, this user gets Norwegian back after signing in.
  await page.getByLabel('Language').selectOption({ label: 'English' });
  await page.getByLabel('Email').fill(world.qm.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();
  await context.close();
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

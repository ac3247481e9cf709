/**
 * "Read and understood" of a procedure in the console: a quality manager names the programme
 * leaders on the draft, another quality manager approves it into force, a programme leader finds
 * it on their home page and acknowledges it, and the quality manager sees the count change. An
 * auditor sees who has not, without a button to acknowledge.
 */
import { unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

function definition(key: string, title: string) {
  return {
    key,
    title: { en: title, sv: title, nb: title },
    purpose: { en: 'Call each adept a month after enrolment.' },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'enrolment', fromDays: 20, toDays: 40 },
    steps: [
      {
        key: 'call',
        title: { en: 'The call' },
        performerRoles: ['programme_leader'],
        fields: [{ key: 'reached', label: { en: 'Reached the adept' }, type: 'boolean' }],
      },
    ],
  };
}

test('a leader acknowledges the procedure in force on the console, and the quality manager sees the count change', async ({ page }) => {
  test.setTimeout(180_000);
  const key = `welcome-call-${unique()}`;
  const title = `Welcome call ${key.slice(-6)}`;
  await world.qm.api.post('/api/procedures', { definition: definition(key, title) });

  // The quality manager names who must read it, on the draft.
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/procedures/${key}/draft`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${title}: draft 1`) })).toBeVisible();
  await page.getByLabel('What changed and why').fill('First issue');
  await expect(page.getByText('Must be read and acknowledged by', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'programme leader' }).check();
  await expectAccessible(page, 'the draft with the roles that acknowledge it');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Must be read and acknowledged by: programme leader.')).toBeVisible();
  await world.qm.api.post(`/api/procedures/${key}/versions/1/submit`);
  await world.qm2.api.post(`/api/procedures/${key}/versions/1/approve`, { password: PASSWORD, comment: 'Approved' });

  await page.reload();
  const who = page.getByRole('region', { name: 'Read and understood' });
  await expect(who).toContainText(/0 of \d+ have acknowledged version 1/);
  await expect(who.getByRole('row', { name: new RegExp(world.leader.name) })).toContainText('Not yet acknowledged');
  // Quality managers are not asked here: no button for them.
  await expect(page.getByRole('button', { name: 'I have read and understood' })).toHaveCount(0);
  await expectAccessible(page, 'a procedure in force with nobody having acknowledged it');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The leader finds it on the home page and acknowledges it.
  await signIn(page, world.leader.email, PASSWORD);
  const toRead = page.getByRole('region', { name: 'Procedures and documents to read and acknowledge' });
  await expect(toRead).toContainText(`Procedure: ${title}`);
  await expectAccessible(page, 'the home page with a procedure to acknowledge');
  await toRead.getByRole('link', { name: `Procedure: ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Read and understood' })).toHaveCount(0);
  await expectAccessible(page, 'a procedure asking the leader to acknowledge it');
  await page.getByRole('button', { name: 'I have read and understood' }).click();
  await expect(page.getByText(/You acknowledged version 1 on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'I have read and understood' })).toHaveCount(0);
  await expectAccessible(page, 'an acknowledged procedure');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What needs me' })).toBeVisible();
  await expect(page.getByText(`Procedure: ${title}`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();

  // The quality manager sees the count change.
  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(`/procedures/${key}`);
  const after = page.getByRole('region', { name: 'Read and understood' });
  await expect(after).toContainText(/1 of \d+ have acknowledged version 1/);
  await expect(after.getByRole('row', { name: new RegExp(world.leader.name) })).toContainText('Acknowledged');
  await expectAccessible(page, 'who has acknowledged the procedure');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // An auditor reads who has, and acknowledges nothing.
  await signIn(page, world.auditor.email, PASSWORD);
  await page.goto(`/procedures/${key}`);
  await expect(page.getByRole('region', { name: 'Read and understood' })).toContainText(/1 of \d+ have acknowledged version 1/);
  await expect(page.getByRole('button', { name: 'I have read and understood' })).toHaveCount(0);
  await expectAccessible(page, 'who has acknowledged, for an auditor');
});

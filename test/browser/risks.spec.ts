/**
 * The risk register in the console: a quality manager records a risk for a programme, sees it on
 * the heat map, records a review and a revision, and reads the history; the owner finds the
 * an auditor reads the register without any control to change it.
 */
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD } from './support/world.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

test('a quality manager records a risk, sees it on the heat map, reviews and revises it, and reads its history', async ({ page }) => {
  const title = `Mentor drop-out ${unique()}`;
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks and opportunities' })).toBeVisible();
  await expectAccessible(page, 'the risk register');

  await page.getByRole('link', { name: 'New risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New risk' })).toBeVisible();
  await page.getByLabel('Applies to').selectOption({ label: world.programme.name });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Cause').fill('Mentors are volunteers whose jobs change');
  await page.getByLabel('Consequence').fill('Adepts without a mentor in the middle of the year');
  await page.getByRole('combobox', { name: 'Likelihood', exact: true }).selectOption('4');
  await page.getByRole('combobox', { name: 'Impact', exact: true }).selectOption('4');
  await page.getByRole('textbox', { name: 'Treatment', exact: true }).fill('Keep two reserve mentors per profession');
  // Half a rating after treatment is refused, next to the field, in words.
  await page.getByLabel('Likelihood after treatment').selectOption('2');
  await page.getByLabel('Owner').selectOption({ label: world.board.name });
  await expectAccessible(page, 'the new risk form');
  await page.getByRole('button', { name: 'Record the risk' }).click();
  await expect(page.getByLabel('Impact after treatment')).toHaveAccessibleDescription(/required/);
  await page.getByLabel('Impact after treatment').selectOption('3');
  await page.getByRole('button', { name: 'Record the risk' }).click();

  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  await expect(page.getByText('likelihood 4 × impact 4 = 16')).toBeVisible();
  await expect(page.getByText('High', { exact: true })).toBeVisible();
  await expectAccessible(page, 'a risk');

  await page.getByRole('button', { name: 'Record a review' }).click();
  await page.getByLabel('Next review').fill(day(60));
  await page.getByLabel('What the review found').fill('Reserve mentors found for every profession');
  await page.getByRole('button', { name: 'Record the review' }).click();
  await expect(page.getByText('The review is recorded.')).toBeVisible();
  // Notifications stay while a pointer rests on one; dismissed one at a time (each goes at once: reduced motion).
  const dismissAll = async () => {
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    // A notification may close by itself between the count and the click: then there is nothing to click.
    while ((await dismiss.count()) > 0)
      await dismiss
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
    await expect(dismiss).toHaveCount(0);
  };
  await dismissAll();

  await page.getByRole('button', { name: 'Revise' }).click();
  await page.getByRole('combobox', { name: 'Likelihood', exact: true }).selectOption('2');
  await page.getByLabel('Why it changes').fill('Two mentor associations joined');
  await expectAccessible(page, 'the revision form');
  await page.getByRole('button', { name: 'Save the revision' }).click();
  await expect(page.getByText('likelihood 2 × impact 4 = 8')).toBeVisible();
  await dismissAll();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history).toContainText('Revision 2: reviewed by');
  await expect(history).toContainText('Reserve mentors found for every profession');
  await expect(history).toContainText('Rating 16 → 8');

  // An action carries out the treatment: planned here, with its own life cycle, linked to the risk.
  await page.getByRole('button', { name: 'Plan an action' }).click();
  await page.getByLabel('What will be done').fill('Recruit two reserve mentors per large profession');
  await page.getByLabel('Owner').selectOption({ label: world.leader.name });
  await page.getByLabel('Due date').fill(day(45));
  await page.getByLabel('Effectiveness criterion').fill('No adept waits more than two weeks for a new mentor');
  await expectAccessible(page, 'the action form of a risk');
  await page.getByRole('button', { name: 'Plan the action' }).click();
  await expect(page.getByText('The action is planned and linked to the risk.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^CA-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(4);

  // The register lists it with its programme, and the heat map counts it after treatment.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Risks and opportunities' }).click();
  await page.getByLabel('Search').fill(title);
  await expect(page).toHaveURL(/q=/);
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(world.programme.name);
  await expect(row).toContainText('Medium');
  await page.getByLabel('Applies to').selectOption({ label: world.programme.name });
  const residual = page.getByRole('table', { name: 'After treatment' });
  await expect(
    residual
      .getByRole('row', { name: /Likelihood 2/ })
      .getByRole('cell')
      .nth(2),
  ).toContainText('1');
});

test('an auditor reads the register and a risk without any control to change them', async ({ page }) => {
  const risk = await world.qm.api.post<{ id: string; title: string }>('/api/risks', {
    kind: 'opportunity',
    title: `Employers ask for interns ${unique()}`,
    cause: 'Engineers are scarce',
    consequence: 'Internships for adepts',
    likelihood: 3,
    impact: 3,
    ownerId: world.qm.id,
    nextReviewOn: day(30),
  });
  await signIn(page, world.auditor.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks and opportunities' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New risk' })).toHaveCount(0);
  await page
    .getByRole('link', { name: new RegExp(`^RISK-`) })
    .first()
    .waitFor();
  await page.goto(`/risks/${risk.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(risk.title) })).toBeVisible();
  for (const name of ['Record a review', 'Revise', 'Close', 'Reopen']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expectAccessible(page, 'a risk, read-only');
  // The register as a PDF, from the Reports page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const section = page.getByRole('region', { name: 'Register of risks and opportunities' });
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download the risk register (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^risk-register-.*\.pdf$/);
});

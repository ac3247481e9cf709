/**
 * A programme leader's day: participants and pairs of their programme, the conformance matrix,
 * and an intake interview recorded step by step in a form generated from the pinned procedure.
 */
import { mkdirSync } from 'node:fs';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
});

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : undefined;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

test('participants and pairs: names for the leader, enrol, match and end', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' }).click();
  await page.getByRole('link', { name: world.programme.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: world.programme.name })).toBeVisible();
  await expectAccessible(page, 'the programme overview');

  await page.getByRole('tab', { name: 'Participants' }).click();
  const table = page.getByRole('table', { name: 'Participants' });
  await expect(table.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Amina Haddad/ })).toBeVisible();
  await expectAccessible(page, 'the participants tab');

  await page.getByRole('button', { name: 'Enrol participant' }).click();
  const enrol = page.getByRole('dialog', { name: 'Enrol a participant' });
  await expectAccessible(page, 'the enrol dialog');
  await enrol.getByLabel('Name').fill('Fatima Noor');
  await enrol.getByLabel('Profession').fill('Pharmacist');
  await enrol.getByLabel('Country of origin').fill('Sudan');
  await enrol.getByRole('button', { name: 'Enrol' }).click();
  await expect(enrol).toBeHidden();
  await expect(table.getByRole('row', { name: /Fatima Noor/ })).toContainText('Pharmacist');

  // Filters live in the URL: a filtered list survives a reload and can be shared.
  const filter = page.getByRole('search', { name: 'Filter participants' });
  await filter.getByLabel('Code, name or profession').fill('pharmac');
  await expect(table.getByRole('row', { name: /Fatima Noor/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Amina Haddad/ })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]q=pharmac/);
  await page.reload();
  await expect(filter.getByLabel('Code, name or profession')).toHaveValue('pharmac');
  await expect(table.getByRole('row', { name: /Amina Haddad/ })).toHaveCount(0);
  await filter.getByLabel('Status').selectOption({ label: 'Withdrawn' });
  await expect(page.getByRole('status').filter({ hasText: 'No participant matches these filters.' })).toBeVisible();
  await expectAccessible(page, 'the participants tab, filtered');
  await filter.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('row', { name: /Amina Haddad/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Pairs' }).click();
  await page.getByRole('button', { name: 'Match a pair' }).click();
  const match = page.getByRole('dialog', { name: 'Match a mentor and an adept' });
  await match.getByLabel('Adept').selectOption({ label: `Olena Kovalenko (${world.adepts[2].code}) · Teacher` });
  await match.getByLabel('Mentor').selectOption({ label: `Nils Ek (${world.mentors[2].code}) · Teacher` });
  await match.getByLabel('Rationale').fill('Both teachers; Nils taught at upper secondary level for twenty years.');
  await match.getByRole('button', { name: 'Match' }).click();
  await expect(match).toBeHidden();
  const pairs = page.getByRole('table', { name: 'Mentor–adept pairs' });
  const olena = pairs.getByRole('row', { name: /Olena Kovalenko/ });
  await expect(olena).toContainText('Both teachers');
  await olena.getByRole('button', { name: /^End/ }).click();
  const end = page.getByRole('dialog', { name: 'End the pair' });
  await end.getByLabel('Reason').fill('The adept moved to another city.');
  await end.getByRole('button', { name: 'End pair' }).click();
  await expect(olena).toContainText('Ended');
  await expectAccessible(page, 'the pairs tab');
  await page.getByRole('search', { name: 'Filter pairs' }).getByLabel('State').selectOption({ label: 'Ended' });
  await expect(page).toHaveURL(/[?&]state=ended/);
  await expect(olena).toBeVisible();
  await expect(pairs.getByRole('row', { name: /Active/ })).toHaveCount(0);
});

test('the conformance matrix starts an intake interview, recorded, corrected and judged in plain words', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/conformance`);
  const matrix = page.getByRole('table', { name: /Conformance matrix/ });
  await expect(matrix.getByRole('columnheader', { name: /Intake interview/ })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: /^Amina Haddad/ })).toBeVisible();
  await expectAccessible(page, 'the conformance matrix');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-matrix.png`, fullPage: true });

  await matrix.getByRole('button', { name: /^Overdue: Intake interview, Amina Haddad/ }).click();
  const start = page.getByRole('dialog', { name: 'Start an execution' });
  await expect(start).toContainText('Intake interview');
  await start.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Intake interview: Amina Haddad/ })).toBeVisible();

  // The form comes from the pinned definition: labels, help text, allowed values, required marks.
  const preparation = page.getByRole('region', { name: 'Preparation' });
  await expect(preparation.getByRole('radiogroup', { name: /Application and CV read/ })).toBeVisible();
  const interview = page.getByRole('region', { name: 'Interview', exact: true });
  const language = interview.getByLabel(/Level in the host country's language/);
  await expect(language.getByRole('option')).toContainText(['Choose…', 'A1 (beginner)', 'A2 (elementary)']);
  await expect(language).toHaveJSProperty('required', true);
  await expect(interview.getByText("Record it when English matters in the applicant's profession.")).toBeVisible();
  await expectAccessible(page, 'the execution page with step forms');

  // Nothing answered: the service's field errors land on their fields.
  await preparation.getByRole('button', { name: 'Record step' }).click();
  await expect(preparation.getByText('This field is required.')).toHaveCount(2);
  await expectAccessible(page, 'a step form with field errors');

  await preparation
    .getByRole('radiogroup', { name: /Application and CV read/ })
    .getByLabel('Yes')
    .check();
  await preparation
    .getByRole('radiogroup', { name: /Admission criteria met/ })
    .getByLabel('Yes')
    .check();
  await preparation.getByRole('button', { name: 'Record step' }).click();
  await expect(preparation.getByText('Recorded', { exact: true })).toBeVisible();
  await expect(preparation).toContainText(`by ${world.leader.name}`);

  await page.setViewportSize({ width: 375, height: 800 });
  await interview.getByLabel(/Level in the host country's language/).selectOption('b1');
  await interview.getByLabel(/professional background/).fill('Civil engineer, eight years of bridge design in Aleppo.');
  await expect(interview.getByRole('button', { name: 'Record step' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page, 'a step form at 375 px');
  if (SHOTS) {
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
    await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
    await interview.screenshot({ path: `${SHOTS}/console-step-form.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await preparation.getByRole('button', { name: 'Correct' }).click();
  await preparation
    .getByRole('radiogroup', { name: /Admission criteria met/ })
    .getByLabel('No')
    .check();
  await preparation.getByLabel('Reason for the correction').fill('The criteria were checked again: the degree is not yet recognised.');
  await preparation.getByRole('button', { name: 'Save correction' }).click();
  await expect(preparation.getByText('One earlier record')).toBeVisible();
  await expect(preparation).toContainText('corrected: The criteria were checked again');

  await page.getByRole('button', { name: 'Complete execution' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Nonconforming' });
  await expect(verdict).toContainText('Nonconforming: the procedure was not followed');
  await expect(verdict).toContainText('The required step “Interview” was not recorded.');
  await expect(verdict).toContainText('The required step “Consent to data processing” was not recorded.');
  await expectAccessible(page, 'a judged execution');

  // A deviation noticed during the execution is recorded against it.
  await page.getByRole('link', { name: 'Record a deviation found in this execution' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Applicant arrived without the CV');
  await page.getByRole('textbox', { name: 'Description' }).fill('The CV was sent by e-mail the day after.');
  await page.getByRole('button', { name: 'Record deviation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Applicant arrived without the CV/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /intake-interview v1/ })).toBeVisible();
});

test('the keyboard alone reaches the programme tabs and a matrix cell', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}`);
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/conformance$/);
  const cell = page
    .getByRole('table', { name: /Conformance matrix/ })
    .getByRole('button')
    .first();
  await expect(cell).toBeVisible();
  for (let i = 0; i < 40 && !(await cell.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Start an execution' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('records a deviation, sees why only a quality manager moves it, and carries out the corrective action it owns', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/deviations/new?programmeId=${world.programme.id}`);
  await page.getByRole('textbox', { name: 'Title' }).fill('Interpreter did not come');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('The interpreter for the intake interview did not come; the interview was held in English.');
  await page.getByLabel('Containment').fill('A new interview with an interpreter is booked.');
  await page.getByRole('button', { name: 'Record deviation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Interpreter did not come/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start analysis' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Start analysis' })).toHaveAccessibleDescription(
    'Only a quality manager may move a deviation to its next state.',
  );
  await expectAccessible(page, 'a deviation seen by a programme leader');

  // A quality manager plans an action owned by the leader (through the API).
  const deviationId = page.url().split('/').pop()!;
  await world.qm.api.post(`/api/deviations/${deviationId}/transitions`, { to: 'analysis', comment: 'Looking into it' });
  const action = await world.qm.api.post<{ id: string; reference: string }>('/api/corrective-actions', {
    deviationIds: [deviationId],
    type: 'corrective',
    description: 'Book interpreters through the municipal service with a confirmation call the day before.',
    ownerId: world.leader.id,
    dueDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    effectivenessCriterion: 'No interview without its interpreter for three months.',
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Corrective actions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corrective actions' })).toBeVisible();
  await page.getByLabel('Only mine').click();
  await expect(page.getByLabel('Only mine')).toBeChecked();
  await expect(page).toHaveURL(/mine=true/);
  await page.getByRole('link', { name: action.reference }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  let dialog = page.getByRole('dialog', { name: 'Start' });
  await dialog.getByLabel('Comment').fill('Called the municipal service.');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Record as implemented' }).click();
  dialog = page.getByRole('dialog', { name: 'Record as implemented' });
  await dialog.getByLabel('Evidence').fill('Agreement with the interpreter service, filed in the programme folder.');
  await dialog.getByLabel('Comment').fill('In place from this week.');
  await dialog.getByRole('button', { name: 'Record as implemented' }).click();
  await page.getByRole('button', { name: 'Start effectiveness check' }).click();
  dialog = page.getByRole('dialog', { name: 'Start effectiveness check' });
  await dialog.getByLabel('Comment').fill('Ready to be checked.');
  await dialog.getByRole('button', { name: 'Start effectiveness check' }).click();
  // The owner is never offered the effectiveness verdict.
  await expect(page.getByText('You own this action, so someone else checks whether it was effective.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Effective|Not effective/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Evidence: Agreement with the interpreter service');
  await expectAccessible(page, 'a corrective action seen by its owner');
});

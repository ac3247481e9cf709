/**
 * Applicants in the console: a programme leader registers an expression of interest on the
 * programme's Applicants tab (the funnel counts it), records the intake interview's decision
 * "admitted", and sees the applicant enrolled as an active participant. Each page is checked with
 * axe; the applicants tab fits a phone (375 px).
 */
import type { Page } from '@playwright/test';
import { makeWorld, PASSWORD } from './support/world.js';
import type { World } from './support/world.js';
import { day } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
const name = 'Yasmin Applicant';

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

async function noSidewaysScrolling(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(sizes.scroll, `the width of ${what}`).toBeLessThanOrEqual(sizes.client + 1);
}

test('a leader registers an applicant, records the intake decision "admitted" and sees them enrolled', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/applicants`);
  await expect(page.getByRole('tab', { name: 'Applicants', selected: true })).toBeVisible();
  const funnel = page.getByRole('region', { name: 'Applicant funnel' });
  await expect(funnel.getByRole('list', { name: 'Adepts' })).toContainText('Interested: 0');
  await expect(page.getByText('No applicants are registered yet.')).toBeVisible();
  await expectAccessible(page, 'the applicants tab, empty');

  await page.getByRole('button', { name: 'Register applicant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register an applicant' });
  await dialog.getByLabel('Role').selectOption({ label: 'Adept' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Profession').fill('Pharmacist');
  await dialog.getByLabel('Country of origin').fill('Iraq');
  // A consent day to come is refused next to the field.
  await dialog.getByLabel('Consent to process the application recorded').fill(day(3));
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog.getByLabel('Consent to process the application recorded')).toHaveAccessibleDescription(/must not be after today/);
  await dialog.getByLabel('Consent to process the application recorded').fill(day(-2));
  await expectAccessible(page, 'the register-applicant form');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('The applicant was registered.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Applicant');
  await expect(funnel.getByRole('list', { name: 'Adepts' })).toContainText('Interested: 1');
  await expectAccessible(page, 'the applicants tab with an applicant');

  // The interview itself, recorded through the API; the decision in the console.
  const [applicant] = await world.leader.api.get<{ id: string; fullName: string }[]>(
    `/api/programmes/${world.programme.id}/participants?status=applicant`,
  );
  const e = await world.leader.api.post<{ id: string }>(`/api/programmes/${world.programme.id}/executions`, {
    procedureKey: 'intake-interview',
    subject: { participantId: applicant.id },
  });
  const at = `${day(-1)}T10:00:00Z`;
  const record = (stepKey: string, values: Record<string, unknown>) =>
    world.leader.api.post(`/api/executions/${e.id}/steps`, { stepKey, values, performedAt: at });
  await record('preparation', { application_reviewed: true, admission_criteria_met: true });
  await record('interview', {
    language_level: 'b1',
    professional_background: 'Pharmacist, six years in Baghdad',
    profession: 'Pharmacist',
    professional_goal: 'Work as a pharmacist',
    motivation: 'Wants to use her degree',
  });
  await record('consent', { data_processing_consent: true });

  await page.goto(`/executions/${e.id}`);
  const decision = page.getByRole('region', { name: 'Summary and decision' });
  await decision.getByLabel(/Summary of the interview/).fill('Strong profile; a mentor in a hospital pharmacy would fit.');
  await decision.getByLabel(/^Decision/).selectOption({ label: 'Admitted to the programme' });
  await decision.getByRole('button', { name: 'Record step' }).click();
  await expect(decision.getByText('Recorded', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Complete execution' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /conforming/i })
      .first(),
  ).toBeVisible();
  await expectAccessible(page, 'the completed intake interview');

  await page.goto(`/programmes/${world.programme.id}/participants?status=active`);
  const enrolled = page.getByRole('row', { name: new RegExp(name) });
  await expect(enrolled).toContainText('Active');
  await expect(enrolled).toContainText(/\d/);
  await expectAccessible(page, 'the participants list with the admitted applicant');
  await page.goto(`/programmes/${world.programme.id}/applicants`);
  await expect(page.getByRole('region', { name: 'Applicant funnel' }).getByRole('list', { name: 'Adepts' })).toContainText('Admitted: 1');
});

test('withdrawing asks for the outcome, and leaving for a job is offered as one', async ({ page }) => {
  const adept = await world.leader.api.post<{ id: string }>(`/api/programmes/${world.programme.id}/participants`, {
    role: 'adept',
    fullName: 'Karim Leaver',
    gender: 'male',
    profession: 'Architect',
    enrolledAt: day(-20),
    consentRecordedAt: day(-20),
  });
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${world.programme.id}/participants`);
  await page.getByRole('button', { name: 'Withdraw Karim Leaver' }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw Karim Leaver' });
  await dialog.getByLabel('Outcome').selectOption({ label: 'Left early for a job' });
  await expect(dialog.getByLabel('Outcome')).toHaveAccessibleDescription(/counts as an outcome, not a dropout/);
  await dialog.getByLabel('Reason').fill('Hired by an architecture firm');
  await expectAccessible(page, 'the withdraw dialog with its outcome');
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('row', { name: /Karim Leaver/ })).toContainText('Left early for a job');
  expect(adept.id).toBeTruthy();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  test('the applicants tab fits 375 px', async ({ page }) => {
    await world.leader.api.post(`/api/programmes/${world.programme.id}/applicants`, {
      role: 'mentor',
      fullName: 'Margareta Candidate-Lindqvist',
      gender: 'female',
      profession: 'Hospital pharmacist and head of a regional medicines unit',
      applicationConsentAt: day(-1),
    });
    await signIn(page, world.leader.email, PASSWORD);
    await page.goto(`/programmes/${world.programme.id}/applicants`);
    await expect(page.getByRole('row', { name: /Margareta/ })).toBeVisible();
    await noSidewaysScrolling(page, 'the applicants tab');
    await expectAccessible(page, 'the applicants tab at 375 px');
  });
});

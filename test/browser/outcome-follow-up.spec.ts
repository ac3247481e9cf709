/**
 * The outcome follow-up after the programme has closed, in the console: the closed programme's
 * matrix offers to start the 6-month follow-up (and nothing else), the step form records it, and
 * it is judged conforming; each page is checked with axe.
 */
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD } from './support/world.js';

let world: World;
let programmeId: string;
const adeptName = 'Tesfaye Girma';

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  // Ended 182 days ago: the 6-month follow-up is due today; closed since.
  const programme = await world.qm.api.post<{ id: string }>('/api/programmes', {
    name: `Follow-up ${unique()}`,
    description: 'A programme that has closed, made by the browser tests.',
    targetGroup: 'Job-seekers with a degree from abroad',
    startDate: day(-520),
    endDate: day(-182),
    leaderIds: [world.leader.id],
  });
  programmeId = programme.id;
  await world.qm.api.post(`/api/programmes/${programmeId}/activate`);
  const adept = await world.leader.api.post<{ id: string }>(`/api/programmes/${programmeId}/participants`, {
    role: 'adept',
    fullName: adeptName,
    gender: 'male',
    profession: 'Pharmacist',
    enrolledAt: day(-540),
    consentRecordedAt: day(-540),
  });
  await world.leader.api.post(`/api/programmes/${programmeId}/participants/${adept.id}/complete`, { date: day(-182) });
  await world.qm.api.post(`/api/programmes/${programmeId}/close`);
});

test('a leader records the 6-month outcome follow-up in the closed programme', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.goto(`/programmes/${programmeId}/conformance`);
  const matrix = page.getByRole('table', { name: /Conformance matrix/ });
  await expect(matrix.getByRole('rowheader', { name: new RegExp(`^${adeptName}`) })).toBeVisible();
  // Only the follow-up can still be started; the intake interview cannot, the programme being closed.
  await expect(matrix.getByRole('button', { name: /Intake interview/ })).toHaveCount(0);
  await expect(matrix.getByText(/Intake interview/).first()).toBeVisible();
  await expectAccessible(page, 'the matrix of a closed programme');

  await matrix.getByRole('button', { name: new RegExp(`^Due: Outcome follow-up after 6 months, ${adeptName}`) }).click();
  const start = page.getByRole('dialog', { name: 'Start an execution' });
  await expect(start).toContainText('Outcome follow-up after 6 months');
  await start.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Outcome follow-up after 6 months: ${adeptName}`) })).toBeVisible();

  const contact = page.getByRole('region', { name: 'Follow-up contact' });
  await contact
    .getByRole('radiogroup', { name: /Contact made/ })
    .getByLabel('Yes')
    .check();
  await contact.getByLabel(/Situation today/).selectOption('employed_own_profession');
  await contact.getByLabel(/In this situation since/).fill(day(-90));
  await contact
    .getByRole('radiogroup', { name: /Consents to be contacted again/ })
    .getByLabel('Yes')
    .check();
  await expectAccessible(page, 'the follow-up step form');
  await contact.getByRole('button', { name: 'Record step' }).click();
  await expect(contact.getByText('Recorded', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Complete execution' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Conforming' }).first()).toBeVisible();
  await expectAccessible(page, 'a judged follow-up');
});

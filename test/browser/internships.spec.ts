/**
 * Internships in the console: a programme leader finds a host in the organisation register,
 * places an adept of their programme there, and records how it ended; each page is checked with
 * axe, and the programme's internships list fits a phone (375 px) without sideways scrolling.
 */
import type { Page } from '@playwright/test';
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD } from './support/world.js';

let world: World;
let programmeId: string;
let host: { id: string; name: string };
let adept: { id: string; code: string };
const adeptName = 'Amina Haddad';
const NOTHING_CHANGED = 'Nothing would change: change at least one value, then save.';

test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  // A programme under way, so that an internship can have ended by today.
  const programme = await world.qm.api.post<{ id: string }>('/api/programmes', {
    name: `Internships ${unique()}`,
    description: 'A programme with internships, made by the browser tests.',
    targetGroup: 'Job-seekers with a degree from abroad',
    startDate: day(-150),
    endDate: day(150),
    leaderIds: [world.leader.id],
  });
  programmeId = programme.id;
  await world.qm.api.post(`/api/programmes/${programmeId}/activate`);
  adept = await world.leader.api.post<{ id: string; code: string }>(`/api/programmes/${programmeId}/participants`, {
    role: 'adept',
    fullName: adeptName,
    gender: 'female',
    profession: 'Civil engineer',
    enrolledAt: day(-150),
    consentRecordedAt: day(-150),
  });
  host = await world.qm.api.post<{ id: string; name: string }>('/api/organisations', {
    name: `Brightline Engineering ${unique()}`,
    sector: 'private',
    contactName: 'Johan Ek',
  });
});

async function noSidewaysScrolling(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(sizes.scroll, `the width of ${what}`).toBeLessThanOrEqual(sizes.client + 1);
}

test('a leader finds the host in the register, places an adept and records the outcome', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await page.getByLabel('Name or notes').fill(host.name);
  await expect(page).toHaveURL(/q=/);
  await expectAccessible(page, 'the organisation register');
  await page.getByRole('link', { name: host.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: host.name })).toBeVisible();
  await expect(page.getByText('Sector: Private sector')).toBeVisible();
  await expectAccessible(page, 'an organisation');

  await page.goto(`/programmes/${programmeId}/internships`);
  await expect(page.getByRole('tab', { name: 'Internships', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Place an adept' }).click();
  const dialog = page.getByRole('dialog', { name: 'Place an adept in an internship' });
  await dialog.getByLabel('Adept').selectOption({ label: `${adeptName} (${adept.code}) · Civil engineer` });
  await dialog.getByLabel('Host organisation').selectOption({ label: host.name });
  await dialog.getByLabel('Supervisor’s name').fill('Erik Sandberg');
  await dialog.getByLabel('Supervisor’s role at the host').fill('Head of bridge design');
  await dialog.getByLabel('Start date').fill(day(-120));
  // An end before the start is refused next to the field.
  await dialog.getByLabel('End date').fill(day(-130));
  await dialog.getByRole('button', { name: 'Place' }).click();
  await expect(dialog.getByLabel('End date')).toHaveAccessibleDescription(/on or after the start/);
  await dialog.getByLabel('End date').fill(day(-10));
  await expectAccessible(page, 'the placement form');
  await dialog.getByRole('button', { name: 'Place' }).click();
  await expect(page.getByText('The internship is recorded.')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(adeptName) });
  await expect(row).toContainText(host.name);
  await expect(row).toContainText('Awaiting outcome');
  await expectAccessible(page, "the programme's internships");

  await row.getByRole('button', { name: `Record the outcome for ${adeptName}`, exact: false }).click();
  const outcome = page.getByRole('dialog', { name: /Outcome of the internship/ });
  await outcome.getByLabel('Outcome').selectOption({ label: 'Led to employment' });
  await outcome.getByLabel('Note').fill('Hired as structural engineer');
  await expectAccessible(page, 'the outcome form');
  await outcome.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByText('The outcome is recorded.')).toBeVisible();
  await expect(row).toContainText('Led to employment');
  await expect(row.getByRole('button', { name: /Record the outcome/ })).toHaveCount(0);

  // A correction is a new revision with a reason; the history keeps what it replaced.
  await row.getByRole('button', { name: `History of the internship of ${adeptName}`, exact: false }).click();
  const history = page.getByRole('dialog', { name: /history/ });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row', { name: /Outcome recorded/ })).toContainText('Led to employment');
  await history.getByRole('button', { name: 'Change or correct' }).click();
  const correct = page.getByRole('dialog', { name: /Change or correct the internship/ });
  // A revision that changes nothing is refused in words, and nothing is recorded.
  await correct.getByLabel('Reason for the change').fill('The host extended the placement by five days');
  await correct.getByRole('button', { name: 'Save the revision' }).click();
  await expect(correct.getByRole('alert')).toContainText(NOTHING_CHANGED);
  await correct.getByLabel('End date').fill(day(-5));
  await expectAccessible(page, 'the correction form');
  await correct.getByRole('button', { name: 'Save the revision' }).click();
  await expect(page.getByText('The revision is recorded.')).toBeVisible();
  await row.getByRole('button', { name: `History of the internship of ${adeptName}`, exact: false }).click();
  const revised = page.getByRole('dialog', { name: /history/ });
  const change = revised.getByRole('row', { name: /Corrected/ });
  await expect(change).toContainText('The host extended the placement by five days');
  await expect(change).toContainText(/End date: .+ → .+/);
  await expectAccessible(page, "an internship's history");
  await revised.getByRole('button', { name: 'Close', exact: true }).last().click();

  // The organisation's page lists the placement.
  await row.getByRole('link', { name: host.name }).click();
  const placements = page.getByRole('region', { name: 'Internships with this organisation' });
  await expect(placements.getByRole('row', { name: new RegExp(adeptName) })).toContainText('Led to employment');
  await expectAccessible(page, 'an organisation with its placements');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  test("the programme's internships list fits 375 px", async ({ page }) => {
    await world.leader.api.post(`/api/programmes/${programmeId}/internships`, {
      participantId: adept.id,
      organisationId: host.id,
      supervisorName: 'Lina Berg',
      supervisorRole: 'Project manager for bridges and tunnels in the western region',
      startDate: day(-20),
      endDate: day(60),
    });
    await signIn(page, world.leader.email, PASSWORD);
    await page.goto(`/programmes/${programmeId}/internships`);
    await expect(page.getByText('Ongoing')).toBeVisible();
    await noSidewaysScrolling(page, "the programme's internships");
    await expectAccessible(page, "the programme's internships at 375 px");
  });
});

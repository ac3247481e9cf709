/**
 * "What needs me", per role: a programme leader's due and overdue executions and waiting
 * deviations; a quality manager's corrective actions to judge and procedure versions to approve;
 * an auditor, who records nothing. Also the procedure library, in Swedish.
 */
import { mkdirSync } from 'node:fs';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
let draftVersion: number;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
  await world.leader.api.post('/api/deviations', {
    programmeId: world.programme.id,
    title: 'Consent form missing a signature',
    description: 'One consent form was not signed.',
    severity: 'major',
    source: 'manual',
    detectedAt: new Date().toISOString(),
  });
  // A new version of a procedure, submitted for approval.
  const v1 = await world.qm.api.get<{ definition: Record<string, unknown> }>('/api/procedures/final-evaluation/versions/1');
  const drafts = await world.qm.api.get<{ versions: { number: number; status: string }[] }>('/api/procedures/final-evaluation');
  const open = drafts.versions.find((v) => v.status === 'draft' || v.status === 'in_review');
  if (open) draftVersion = open.number;
  else {
    const draft = await world.qm.api.post<{ number: number }>('/api/procedures/final-evaluation/versions', {
      definition: { ...v1.definition, purpose: { en: 'Record where each adept stands at the end, as the basis for improvement.' } },
      changeSummary: 'Purpose shortened',
    });
    await world.qm.api.post(`/api/procedures/final-evaluation/versions/${draft.number}/submit`);
    draftVersion = draft.number;
  }
});

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : undefined;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

test("a programme leader's home lists what is due in the programme and the deviations waiting", async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  const executions = page.getByRole('table', { name: 'Procedures due, overdue or in progress in your programmes' });
  await expect(executions.getByRole('row', { name: new RegExp(`Intake interview ${world.adepts[0].code}.*Overdue`) })).toBeVisible();
  await expect(executions.getByRole('row', { name: /Introduction day The cohort.*Due/ })).toBeVisible();
  const deviations = page.getByRole('table', { name: 'Open deviations, overdue first' });
  await expect(deviations.getByRole('row', { name: /Consent form missing a signature/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Procedure versions awaiting approval' })).toHaveCount(0);
  await expectAccessible(page, "a programme leader's home");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/console-home.png`, fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(page, "a programme leader's home at 375 px");
  await executions.getByRole('link', { name: 'Intake interview' }).first().click();
  await expect(page).toHaveURL(/\/conformance$/);
});

test("a quality manager's home adds procedure versions awaiting approval", async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  const approvals = page.getByRole('region', { name: 'Procedure versions awaiting approval' });
  await expect(approvals.getByRole('link', { name: 'Final evaluation' })).toBeVisible();
  await expect(approvals).toContainText(`version ${draftVersion}`);
  await expect(page.getByRole('region', { name: 'Deviations waiting for you' })).toContainText('Consent form missing a signature');
  await expectAccessible(page, "a quality manager's home");
  await approvals.getByRole('link', { name: 'Final evaluation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Final evaluation' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versions' })).toContainText('In review');
});

test("an auditor's home says the role reads, and the procedure library reads in Swedish", async ({ page }) => {
  await signIn(page, world.auditor.email, PASSWORD);
  await expect(page.getByText('Your role reads the records')).toBeVisible();
  await page.getByLabel('Language').selectOption({ label: 'Svenska' });
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Rutiner' }).click();
  const library = page.getByRole('table', { name: 'Rutiner' });
  await expect(library.getByRole('link', { name: 'Intagssamtal' })).toBeVisible();
  await expectAccessible(page, 'the procedure library in Swedish');
  await library.getByRole('link', { name: 'Intagssamtal' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Förberedelse' })).toBeVisible();
  await expectAccessible(page, 'a procedure in Swedish');
  // The auditor sees participants by code only: the API leaves the names out.
  await page.goto(`/programmes/${world.programme.id}/participants`);
  const table = page.getByRole('table', { name: 'Deltagare' });
  await expect(table.getByRole('row', { name: new RegExp(world.adepts[0].code) })).toBeVisible();
  await expect(table).not.toContainText('Amina Haddad');
  await expect(table.getByRole('columnheader', { name: 'Namn' })).toHaveCount(0);
});

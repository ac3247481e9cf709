/**
 * Procedure authoring by quality managers: a new procedure written in the YAML editor, checked
 * against the schema as it is typed and by the service on saving (each problem on its line),
 * submitted, approved by another quality manager with a signature, then a second version drafted
 * and compared side by side with the first; the procedure document downloaded.
 */
import type { Page } from '@playwright/test';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

function definition(key: string, opts: { subject?: string; toDays?: number; purpose?: string } = {}): string {
  return [
    `key: ${key}`,
    'title:',
    '  en: Follow-up call',
    '  sv: Uppföljningssamtal',
    '  nb: Oppfølgingssamtale',
    'purpose:',
    `  en: ${opts.purpose ?? 'Check in with each adept a month after enrolment.'}`,
    `subject: ${opts.subject ?? 'adept'}`,
    'responsibleRoles: [programme_leader]',
    'window:',
    '  anchor: enrolment',
    '  fromDays: 20',
    `  toDays: ${opts.toDays ?? 40}`,
    'steps:',
    '  - key: call',
    '    title:',
    '      en: The call',
    '    performerRoles: [programme_leader]',
    '    fields:',
    '      - key: reached',
    '        label:',
    '          en: Reached the adept',
    '        type: boolean',
  ].join('\n');
}

async function replaceDefinition(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Procedure definition (YAML)' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('a quality manager writes a new procedure, another approves it, and two versions are compared', async ({ page }) => {
  test.setTimeout(240_000);
  const key = `follow-up-${unique()}`;
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Procedures' }).click();
  await page.getByRole('link', { name: 'New procedure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New procedure' })).toBeVisible();
  await expect(page.getByText('The definition follows the procedure schema.')).toBeVisible();
  await expectAccessible(page, 'the YAML editor');

  // The schema, as it is typed: a subject that does not exist, on its line; saving is not offered.
  await replaceDefinition(page, definition(key, { subject: 'alien' }));
  const problems = page.locator('#yaml-problems');
  await expect(problems).toContainText(/Line 8: subject: /);
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expectAccessible(page, 'the YAML editor with a problem');

  // The service's own rule (a window that ends before it starts), shown on its line after saving.
  await replaceDefinition(page, definition(key, { toDays: 5 }));
  await expect(page.getByText('The definition follows the procedure schema.')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(problems).toContainText('Line 13: window.toDays: must not be earlier than fromDays (20); the window would be empty');

  await replaceDefinition(page, definition(key));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/procedures/${key}\\?version=1$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up call' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  const submit = page.getByRole('dialog', { name: 'Submit for approval' });
  await submit.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('In review', { exact: true }).first()).toBeVisible();
  // The author may not approve it.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByText('You wrote this version, so someone else must approve it.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.qm2.email, PASSWORD);
  await page.goto(`/procedures/${key}`);
  await page.getByRole('button', { name: 'Approve' }).click();
  const approve = page.getByRole('dialog', { name: 'Approve' });
  await approve.getByLabel('Comment').fill('Reviewed with the leaders.');
  await approve.getByRole('button', { name: 'Continue to signature' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText('Approved: version 1 is in force');
  await expect(sign).toContainText('Follow-up call, version 1');
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText(new RegExp(`Signed by ${world.qm2.name} \\(`))).toBeVisible();

  // A second version: the purpose reworded, with a summary.
  await page.getByRole('link', { name: 'New draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up call: new draft' })).toBeVisible();
  await page.getByLabel('What changed and why').fill('Purpose says what the call is for');
  await replaceDefinition(page, definition(key, { purpose: 'Hear how the first month went, and act on what the adept needs.' }));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/procedures/${key}\\?version=2$`));

  await page.getByRole('link', { name: 'Compare versions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up call: compare versions' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'differ' })).toHaveText(
    /1 line|One line|\d+ lines differ between version 1 and version 2\./,
  );
  const diff = page.getByRole('table', { name: 'Version 1 and version 2 side by side' });
  await expect(diff.getByRole('cell', { name: /− removed: .*Check in with each adept/ })).toBeVisible();
  await expect(diff.getByRole('cell', { name: /\+ added: .*Hear how the first month went/ })).toBeVisible();
  await expect(page.getByText('Change summary: Purpose says what the call is for')).toBeVisible();
  await expectAccessible(page, 'the comparison of two versions');
  if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/images/console-procedure-diff.png', fullPage: true });
  await page.getByLabel('Only changed lines').check();
  await expect(page).toHaveURL(/changes=only/);
  await expect(diff.getByRole('row')).toHaveCount(2);

  await page.goto(`/procedures/${key}?version=1`);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download version 1 as PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

  // Withdrawn from use again, signed (so that programmes activated later do not pin it).
  await page.getByRole('button', { name: 'Retire' }).click();
  const retire = page.getByRole('dialog', { name: 'Retire' });
  await retire.getByLabel('Why the procedure is withdrawn').fill('Written by a browser test.');
  await retire.getByRole('button', { name: 'Continue to signature' }).click();
  const signRetire = page.getByRole('dialog', { name: 'Sign' });
  await expect(signRetire).toContainText('Retired: version 1 is withdrawn from use');
  await signRetire.getByLabel('Password').fill(PASSWORD);
  await signRetire.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText('Retired', { exact: true }).first()).toBeVisible();
});

test('everyone else reads the library without authoring controls', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Procedures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Procedures' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New procedure' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Intake interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intake interview' })).toBeVisible();
  await expect(page.getByRole('link', { name: /New draft|Edit draft/ })).toHaveCount(0);
  for (const name of ['Submit for approval', 'Approve', 'Reject', 'Retire'])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Download version \d+ as PDF/ })).toBeVisible();
  await expectAccessible(page, 'a procedure read by a programme leader');
});

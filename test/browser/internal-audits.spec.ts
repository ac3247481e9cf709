/**
 * Internal audits in the console: a quality manager plans an audit in the year's programme, finds
 * it due on her home and starts it; the lead auditor answers the checklist, records a
 * nonconformity (its deviation appears) and an opportunity for improvement (its action appears),
 * signs the report and, once the deviation is analysed, closes the audit; an auditor reads it
 * without any control to change it.
 */
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day, unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD } from './support/world.js';

let world: World;
let title: string;
let auditPath: string;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
  title = `Document control ${unique()}`;
});

test('a quality manager plans an audit, finds it due on her home and starts it', async ({ page }) => {
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Internal audits' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Internal audits' })).toBeVisible();
  await expectAccessible(page, 'the audit programme');

  await page.getByRole('button', { name: 'Plan an audit' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Processes audited').fill('Document control, Internal audit');
  await page.getByLabel('Scope').fill('Documents and audit records of the organisation');
  await page.getByLabel('ISO 9001 clauses (criteria)').fill('9.2, 7.5');
  await page.getByLabel('Records from').fill(day(-90));
  await page.getByLabel('Records to').fill(day(-1));
  await page.getByLabel('Lead auditor').selectOption({ label: world.board.name });
  await expectAccessible(page, 'the plan form');
  await page.getByRole('button', { name: 'Plan the audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  auditPath = new URL(page.url()).pathname;
  await expectAccessible(page, 'a planned audit');

  // Planned for this month: due on the quality manager's home.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  const due = page.getByRole('region', { name: 'Internal audits due' });
  await due.getByRole('link', { name: new RegExp(title) }).click();
  await page.getByRole('button', { name: 'Start the audit' }).click();
  await expect(page.getByRole('heading', { name: 'Checklist: 0 of 2 answered' })).toBeVisible();
  // The quality manager is not on the team: no answer form.
  await expect(page.getByRole('button', { name: /^Save answer/ })).toHaveCount(0);
});

test('the lead auditor answers the checklist, records findings, signs the report and closes the audit', async ({ page }) => {
  await signIn(page, world.board.email, PASSWORD);
  await page.goto(auditPath);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  await expectAccessible(page, 'an audit to answer');
  // Item 1 (7.5, in the standard's order) by keyboard: the radio group takes arrow keys.
  const first = page.getByRole('form', { name: /Answer 1\./ });
  await first.getByRole('radio', { name: 'Nonconforming' }).check();
  await first.getByLabel('Evidence notes').fill('Two forms in use without a version');
  await first.getByRole('button', { name: 'Save answer 1' }).click();
  await expect(page.getByText('Item 1 answered')).toBeVisible();
  const second = page.getByRole('form', { name: /Answer 2\./ });
  await second.getByRole('radio', { name: 'Conforming', exact: true }).focus();
  await page.keyboard.press('Space');
  await second.getByRole('button', { name: 'Save answer 2' }).click();
  await expect(page.getByRole('heading', { name: 'Checklist: 2 of 2 answered' })).toBeVisible();

  // A nonconformity opens a deviation in the programme named.
  const finding = page.getByRole('region', { name: 'Record a finding' });
  await finding.getByLabel('Kind of finding').selectOption('nonconformity');
  await finding.getByRole('textbox', { name: 'Finding', exact: true }).fill('Forms without a version');
  await finding.getByLabel('Description').fill('Two intake forms in use carry no version or approval');
  await finding.getByRole('checkbox', { name: /^1\./ }).check();
  await finding.getByLabel('Programme of the deviation').selectOption({ label: world.programme.name });
  await expectAccessible(page, 'the finding form');
  await finding.getByRole('button', { name: 'Record the finding' }).click();
  const findings = page.getByRole('region', { name: /^Findings/ });
  await expect(findings.getByRole('link', { name: /^DEV-\d{4}-\d{4}$/ })).toBeVisible();
  // The form is emptied for the next finding.
  await expect(finding.getByRole('textbox', { name: 'Finding', exact: true })).toHaveValue('');

  // An opportunity for improvement opens an improvement action.
  await finding.getByLabel('Kind of finding').selectOption('opportunity');
  await finding.getByRole('textbox', { name: 'Finding', exact: true }).fill('One forms register');
  await finding.getByLabel('Description').fill('A register of forms would keep their versions together');
  await finding.getByRole('checkbox', { name: /^1\./ }).check();
  await finding.getByLabel('Owner').selectOption({ label: world.qm.name });
  await finding.getByLabel('Due date').fill(day(60));
  await finding.getByLabel('Effectiveness criterion').fill('Every form in use is in the register');
  await finding.getByRole('button', { name: 'Record the finding' }).click();
  await expect(findings.getByRole('link', { name: /^CA-\d{4}-\d{4}$/ })).toBeVisible();

  // The lead auditor signs the report (the notifications, dimmed under the dialog, dismissed first).
  // They also close by themselves, so each is dismissed while it is there.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await expect(async () => {
    if (await dismiss.count()) await dismiss.first().click({ timeout: 1000 });
    await expect(dismiss).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await page.getByLabel('Conclusion').fill('Document control works apart from unversioned forms');
  await page.getByRole('button', { name: 'Sign the report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign' });
  await dialog.getByLabel('Password').fill(PASSWORD);
  await expectAccessible(page, 'the signature dialog');
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText(/^Signed by Birgit Board/)).toBeVisible();

  // The deviation is still open: closing is refused, in words.
  await page.getByRole('button', { name: 'Close the audit' }).click();
  await expect(page.getByText(/The audit cannot close yet/)).toBeVisible();
  const deviationId = (await findings.getByRole('link', { name: /^DEV-/ }).getAttribute('href'))!.split('/').pop()!;
  await world.qm.api.post(`/api/deviations/${deviationId}/transitions`, { to: 'analysis', comment: 'Audit finding' });
  await world.qm.api.post(`/api/deviations/${deviationId}/transitions`, {
    to: 'action_plan',
    comment: 'Plan agreed',
    rootCause: 'Forms were never put under document control',
  });
  await page.reload();
  await page.getByRole('button', { name: 'Close the audit' }).click();
  await expect(page.getByText('Audit closed')).toBeVisible();
  await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
  await expectAccessible(page, 'a closed audit');
});

test('an auditor reads the audit and its report without any control to change it', async ({ page }) => {
  await signIn(page, world.auditor.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Internal audits' }).click();
  await expect(page.getByRole('button', { name: 'Plan an audit' })).toHaveCount(0);
  await page
    .getByRole('row', { name: new RegExp(title) })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  for (const name of ['Start the audit', 'Record the finding', 'Sign the report', 'Close the audit']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: /^Save answer/ })).toHaveCount(0);
  await expectAccessible(page, 'an audit, read-only');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (PDF)' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^internal-audit-ia-\d{4}-\d{4}-.*\.pdf$/);
  // The deviation the nonconformity opened leads back to the audit.
  await page.getByRole('link', { name: /^DEV-\d{4}-\d{4}$/ }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^IA-\\d{4}-\\d{4}: ${title}$`) })).toBeVisible();
  await expectAccessible(page, 'a deviation from an internal audit');
});

test('the lead auditor answers on a phone: the audit page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, world.board.email, PASSWORD);
  await page.goto(auditPath);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'an audit at phone width');
});

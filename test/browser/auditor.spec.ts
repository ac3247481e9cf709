/**
 * An auditor reads everything and changes nothing: every page is walked and no write control may
 * be rendered (not even disabled). The audit trail filters by record, actor and period through the
 * URL and verifies the chain; the reports page downloads the documents an audit takes away.
 */
import type { Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { PASSWORD, makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { day } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { makeSurvey } from './support/surveys.js';
import type { TestSurvey } from './support/surveys.js';

let world: World;
let survey: TestSurvey;
let deviationId: string;
let actionId: string;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!);
  const d = await world.leader.api.post<{ id: string }>('/api/deviations', {
    programmeId: world.programme.id,
    title: 'Intake interview held without an interpreter',
    description: 'The interpreter did not come.',
    severity: 'major',
    source: 'manual',
    detectedAt: new Date().toISOString(),
  });
  deviationId = d.id;
  await world.qm.api.post(`/api/deviations/${deviationId}/transitions`, { to: 'analysis', comment: 'Looking into it' });
  const a = await world.qm.api.post<{ id: string }>('/api/corrective-actions', {
    deviationIds: [deviationId],
    type: 'corrective',
    description: 'Book interpreters with a confirmation call the day before.',
    ownerId: world.leader.id,
    dueDate: day(20),
    effectivenessCriterion: 'No interview without its interpreter for three months.',
  });
  actionId = a.id;
  // A survey in force, sent to the programme: its pages and the programme's Surveys tab are read only.
  survey = await makeSurvey(world, 'adept');
  await world.leader.api.post(`/api/programmes/${world.programme.id}/survey-sends`, { surveyKey: survey.key, audience: 'adept' });
  // An objective on the programme: its card must show no Edit or Record control to an auditor.
  await world.qm.api.post('/api/quality-objectives', {
    programmeId: world.programme.id,
    indicator: 'completion_rate',
    comparator: '>=',
    target: 0.8,
    title: 'Most adepts complete the programme',
  });
});

// Controls that only read, navigate, filter or download. Anything else is a write control.
const READ_ONLY_BUTTONS = [
  /^Sign out$/,
  /^Menu$/,
  /^Maria Auditor/,
  /^Clear filters$/,
  /^Load more$/,
  /^Verify chain$/,
  /^Copy sequence and hash$/,
  /^Copied$/,
  /^Download /,
  /^Show what you typed$/,
  /^Try again$/,
  /^Reload$/,
  /^Show as a table$/,
  /^Show version$/,
  /^Compare/,
  /^Dismiss$/,
];
// A write link starts with what it does ("Record a meeting", "New deviation"); a procedure named
// "Mentor end evaluation" is not one.
const WRITE_WORDS =
  /^\s*(new|create|record|enrol|match|end|withdraw|complete|start|activate|migrate|plan|edit|save|submit|approve|reject|retire|sign|close|cancel|delete|deactivate|reset|correct|analy[sz]e|implement|verify effectiveness|review)\b/i;

async function expectNoWriteControl(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading…' })).toHaveCount(0);
  const buttons = await page
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ')));
  const bad = buttons.filter((name) => !READ_ONLY_BUTTONS.some((r) => r.test(name)));
  expect(bad, `write controls (buttons) on ${what}`).toEqual([]);
  const links = await page.getByRole('link').allInnerTexts();
  expect(
    links.filter((l) => WRITE_WORDS.test(l) && !/^Download/.test(l)),
    `write controls (links) on ${what}`,
  ).toEqual([]);
  // Form fields only to filter, choose a language or a document: inside a search form, or named so.
  const fields = await page
    .locator('input:not([type=hidden]), textarea, select, [contenteditable=true]')
    .evaluateAll((els) =>
      els
        .filter((e) => !e.closest('form[role=search]'))
        .map((e) => (e as HTMLInputElement).labels?.[0]?.innerText.trim() ?? e.getAttribute('aria-label') ?? e.tagName),
    );
  expect(
    fields.filter(
      (f) => !/^(Language|Language of the document|Programme|Show version|Case files: sample size|Sample seed|Read the texts in)$/.test(f),
    ),
    `write controls (fields) on ${what}`,
  ).toEqual([]);
  await expectAccessible(page, what);
}

test('an auditor walks every page and finds no write control', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, world.auditor.email, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of [
    'Home',
    'Programmes',
    'Deviations',
    'Corrective actions',
    'Procedures',
    'Management reviews',
    'Reports',
    'Audit trail',
  ]) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await expectNoWriteControl(page, 'the home page');
  await nav.getByRole('link', { name: 'Programmes' }).click();
  await expectNoWriteControl(page, 'the programme list');
  await page.getByRole('link', { name: world.programme.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: world.programme.name })).toBeVisible();
  await expectNoWriteControl(page, 'the programme overview');
  for (const tab of [
    'Participants',
    'Pairs',
    'Conformance',
    'Recurring activities',
    'Applicants',
    'Internships',
    'Indicators',
    'Surveys',
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    if (tab === 'Indicators') await expect(page.getByRole('region', { name: 'Most adepts complete the programme' })).toBeVisible();
    await expectNoWriteControl(page, `the programme's ${tab.toLowerCase()} tab`);
  }
  await nav.getByRole('link', { name: 'Deviations' }).click();
  await expectNoWriteControl(page, 'the deviation list');
  await page.goto(`/deviations/${deviationId}`);
  await expectNoWriteControl(page, 'a deviation');
  await nav.getByRole('link', { name: 'Corrective actions' }).click();
  await expectNoWriteControl(page, 'the corrective-action list');
  await page.goto(`/corrective-actions/${actionId}`);
  await expectNoWriteControl(page, 'a corrective action');
  await nav.getByRole('link', { name: 'Procedures' }).click();
  await expectNoWriteControl(page, 'the procedure library');
  await page.getByRole('link', { name: 'Intake interview' }).click();
  await expectNoWriteControl(page, 'a procedure');
  await nav.getByRole('link', { name: 'Surveys' }).click();
  await expectNoWriteControl(page, 'the survey library');
  await page.getByRole('link', { name: survey.titleEn }).click();
  await expectNoWriteControl(page, 'a survey');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${survey.titleEn}` })).toBeVisible();
  await expectNoWriteControl(page, 'the results of a survey');
  await nav.getByRole('link', { name: 'Management reviews' }).click();
  await expectNoWriteControl(page, 'the management reviews');
  await nav.getByRole('link', { name: 'Internal audits' }).click();
  await expectNoWriteControl(page, 'the audit programme');
  await nav.getByRole('link', { name: 'Reports' }).click();
  await expectNoWriteControl(page, 'the reports page');
  await nav.getByRole('link', { name: 'Training records' }).click();
  await page.getByLabel('Person', { exact: true }).selectOption(world.leader.id);
  await expect(page.getByRole('table', { name: `Training of ${world.leader.name}` })).toBeVisible();
  await expectNoWriteControl(page, 'the training records');
  await nav.getByRole('link', { name: 'Audit trail' }).click();
  await expectNoWriteControl(page, 'the audit trail');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The chain is intact' })).toBeVisible();
  await expectNoWriteControl(page, 'the audit trail after verification');
});

test('the audit trail filters by record, actor and period in the URL, reads changes, and verifies the chain', async ({ page }) => {
  await signIn(page, world.auditor.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await page.getByLabel('Record type').selectOption({ label: 'Deviation' });
  await page.getByLabel('Actor').selectOption(world.qm.id);
  await page.getByLabel('From (date)').fill(day(-1));
  await page.getByLabel('To (date)').fill(day(1));
  await expect(page).toHaveURL(new RegExp(`entityType=deviation.*actorId=${world.qm.id}.*from=${day(-1)}.*to=${day(1)}`));
  const table = page.getByRole('table', { name: /event/ });
  // The quality manager moved this deviation to analysis: the change reads as before → after.
  const row = table.getByRole('row').filter({ hasText: deviationId });
  await expect(row.first()).toContainText('state: open → analysis');
  await expect(row.first()).toContainText(world.qm.name);
  for (const r of await table.getByRole('row').all()) {
    if ((await r.getByRole('cell').count()) > 0) await expect(r).toContainText(world.qm.name);
  }
  await expectAccessible(page, 'the filtered audit trail');

  // The link can be shared: a fresh page with the same address shows the same filters.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel('Record type')).toHaveValue('deviation');
  await expect(page.getByLabel('Actor')).toHaveValue(world.qm.id);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'The chain is intact' });
  await expect(verdict).toBeVisible();
  const head = await world.auditor.api.get<{ toSeq: number; headHash: string }>('/api/audit-events/verify');
  await expect(verdict).toContainText(/Head sequence\s*\d+/);
  await expect(verdict.locator('code')).toHaveText(/^[0-9a-f]{64}$/);
  expect(head.headHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(verdict.getByRole('button', { name: 'Copy sequence and hash' })).toBeVisible();
  await expectAccessible(page, 'the audit trail with the verification');
  if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/images/console-audit-verify.png', fullPage: false });
});

test('the reports page downloads the evidence report in a chosen language and the register', async ({ page }) => {
  await signIn(page, world.auditor.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const evidence = page.getByRole('region', { name: 'Evidence report per programme' });
  await evidence.getByLabel('Programme').selectOption({ label: world.programme.name });
  await evidence.getByLabel('Language of the document').selectOption({ label: 'Svenska' });
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    evidence.getByRole('button', { name: 'Download evidence report (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await pdf.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(evidence.getByRole('status')).toContainText('Saved as');
  // Case files for a sample of subjects, as an auditor samples: the seed repeats a draw.
  await expect(evidence.getByLabel('Sample seed')).toBeDisabled();
  await evidence.getByLabel('Case files: sample size').fill('1');
  await evidence.getByLabel('Sample seed').fill('7');
  const [sampled] = await Promise.all([
    page.waitForEvent('download'),
    evidence.getByRole('button', { name: 'Download evidence report (PDF)' }).click(),
  ]);
  const sampledBytes = await sampled.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  const parser = new PDFParse({ data: new Uint8Array(sampledBytes) });
  const sampledText = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  expect(sampledText).toMatch(/Slumpmässigt urval av 1 av \d+ subjekt, draget med fröet 7/);
  await expect(evidence.getByText('npm run qms -- verify evidence.tar')).toBeVisible();
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    evidence.getByRole('button', { name: 'Download evidence bundle' }).click(),
  ]);
  expect(bundle.suggestedFilename()).toMatch(/\.tar$/);
  const register = page.getByRole('region', { name: 'Corrective-action register' });
  const [reg] = await Promise.all([
    page.waitForEvent('download'),
    register.getByRole('button', { name: 'Download register (PDF)' }).click(),
  ]);
  expect(reg.suggestedFilename()).toMatch(/\.pdf$/);
  const docs = page.getByRole('region', { name: 'Procedure documents' });
  const [doc] = await Promise.all([
    page.waitForEvent('download'),
    docs.getByRole('button', { name: /Download Intake interview, version \d+ \(PDF\)/ }).click(),
  ]);
  expect(doc.suggestedFilename()).toMatch(/\.pdf$/);
  await expectAccessible(page, 'the reports page');
});

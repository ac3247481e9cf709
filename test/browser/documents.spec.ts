/**
 * Controlled documents in the console: a quality manager creates the quality policy, uploads its
 * PDF and submits it; another quality manager approves it with a signature and it is in force; a
 * programme leader finds it on their home page and acknowledges it; the quality manager sees who has
 * not. An auditor reads the library and a document without any control to change them.
 */
import type { Page } from '@playwright/test';
import { makeWorld } from './support/world.js';
import type { World } from './support/world.js';
import { unique } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { PASSWORD } from './support/world.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_POSTGRES!, { participants: false });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% quality policy\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('the quality policy is written, signed into force, acknowledged by a leader, and the quality manager sees who has not', async ({
  page,
}) => {
  const title = `Quality policy ${unique()}`;
  await signIn(page, world.qm.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expectAccessible(page, 'the document library');

  await page.getByRole('button', { name: 'New document' }).click();
  const create = page.getByRole('dialog', { name: 'New document' });
  await create.getByLabel('Kind').selectOption({ label: 'Quality policy' });
  await create.getByLabel('Title').fill(title);
  await create.getByRole('checkbox', { name: 'programme leader' }).check();
  await expectAccessible(page, 'the new document form');
  await create.getByRole('button', { name: 'Create the document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();

  await page.getByLabel('File to upload').setInputFiles({ name: 'quality-policy.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'quality-policy.pdf', exact: true })).toBeVisible();
  await expectAccessible(page, 'a draft with its file');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('In review', { exact: true })).toBeVisible();
  // Who wrote the version is told why approval is not theirs to give.
  await expect(page.getByText('You wrote part of this version, so another quality manager approves it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  const url = page.url();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.qm2.email, PASSWORD);
  await page.goto(url);
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog').getByLabel('Comment').fill('Agreed by the management team');
  await page.getByRole('dialog').getByRole('button', { name: 'Continue to signature' }).click();
  const sign = page.getByRole('dialog', { name: 'Sign' });
  await expect(sign).toContainText(title);
  await expectAccessible(page, 'the signature dialog');
  await sign.getByLabel('Password').fill(PASSWORD);
  await sign.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByText('Effective', { exact: true })).toBeVisible();
  await expect(page.getByText(/Signed by Johan Second \(approved\)/)).toBeVisible();
  await expect(page.getByText(/0 of \d+ have acknowledged version 1/)).toBeVisible();
  await expectAccessible(page, 'a document in force');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.leader.email, PASSWORD);
  const toRead = page.getByRole('region', { name: 'Documents to read and acknowledge' });
  await expect(toRead).toContainText(title);
  await expectAccessible(page, 'the home page with a document to acknowledge');
  await toRead.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page.getByRole('button', { name: 'Download quality-policy.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'I have read and understood' }).click();
  await expect(page.getByText(/You acknowledged version 1 on/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New version' })).toHaveCount(0);
  await expectAccessible(page, 'an acknowledged document');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, world.qm.email, PASSWORD);
  await page.goto(url);
  const who = page.getByRole('region', { name: 'Read and understood' });
  await expect(who.getByRole('row', { name: new RegExp(world.leader.name) })).toContainText('Acknowledged');
  await expect(who).toContainText(/1 of \d+ have acknowledged version 1/);
  await expectAccessible(page, 'who has acknowledged');
});

test('an auditor reads the library and a document without any control to change them', async ({ page }) => {
  const doc = await world.qm.api.post<{ id: string; title: string }>('/api/documents', {
    kind: 'scope',
    title: `Scope of the management system ${unique()}`,
    ownerId: world.qm.id,
    reviewIntervalMonths: 12,
  });
  await signIn(page, world.auditor.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New document' })).toHaveCount(0);
  await expectAccessible(page, 'the document library for an auditor');
  await page.getByRole('link', { name: /^DOC-/ }).first().waitFor();
  await page.goto(`/documents/${doc.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(doc.title) })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  for (const name of [
    'New version',
    'Reviewed, no change',
    'Upload',
    'Submit for review',
    'Approve',
    'Reject',
    'Retire',
    'I have read and understood',
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByLabel('File to upload')).toHaveCount(0);
  await expectAccessible(page, 'a document for an auditor');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  /** The page itself does not scroll sideways (a table may, inside its own box). */
  async function expectNoOverflow(page: Page, what: string): Promise<void> {
    await expect(page.getByRole('status', { name: /Loading/ })).toHaveCount(0);
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(sizes.scrollWidth, `the width of ${what}`).toBeLessThanOrEqual(sizes.clientWidth + 1);
  }

  test('the library and a document with its files fit a phone', async ({ page }) => {
    const doc = await world.qm.api.post<{ id: string; title: string }>('/api/documents', {
      kind: 'handbook',
      title: `Mentor handbook ${unique()}`,
      ownerId: world.qm.id,
      reviewIntervalMonths: 24,
      acknowledgementRoles: ['programme_leader'],
    });
    await signIn(page, world.qm.email, PASSWORD);
    await page.goto('/documents');
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await expectNoOverflow(page, 'the document library');
    await page.goto(`/documents/${doc.id}`);
    await page
      .getByLabel('File to upload')
      .setInputFiles({ name: 'mentor-handbook-with-a-long-name-2026.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByRole('cell', { name: 'mentor-handbook-with-a-long-name-2026.pdf', exact: true })).toBeVisible();
    await expectNoOverflow(page, 'a document with a file');
    await expectAccessible(page, 'a document on a phone');
  });
});

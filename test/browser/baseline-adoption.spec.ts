/**
 * Adopting the shipped baseline in the console (issue 15, item 4). Runs on a service of its own,
 * started here on a fresh database: the run's shared services have their baseline adopted by the
 * first world made on them. A programme leader sees that the baseline awaits adoption and who
 * can adopt it; a quality manager adopts it with a signature over the procedures and their hashes.
 */
import { Service, freshDatabase } from '../../bench/lib/service.js';
import { Api } from './support/api.js';
import { expect, expectAccessible, signIn, test } from './support/fixtures.js';
import { SERVER } from './support/global-setup.js';
import { PASSWORD, person } from './support/world.js';
import type { Person } from './support/world.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, JWT_SECRET } from '../../bench/lib/service.js';

interface Fresh {
  service: Service;
  database: { url: string; drop(): Promise<void> };
  qm: Person;
  leader: Person;
}

// Started once, on first use (the page's fixtures need its address before any hook has run).
let started: Promise<Fresh> | undefined;
function fresh(): Promise<Fresh> {
  started ??= (async () => {
    const database = await freshDatabase(SERVER);
    const service = await Service.start({ JWT_SECRET, TIME_ZONE: 'Europe/Stockholm', LOG_LEVEL: 'warn', DATABASE_URL: database.url });
    const admin = await new Api(service.url).as(ADMIN_EMAIL, ADMIN_PASSWORD);
    const qm = await person(admin, ['quality_manager'], 'Karin Quality');
    const leader = await person(admin, ['programme_leader'], 'Sara Leader');
    return { service, database, qm, leader };
  })();
  return started;
}

test.afterAll(async () => {
  if (!started) return;
  const { service, database } = await started;
  await service.stop();
  await database.drop();
  expect(service.loggedErrors(), 'errors the baseline service logged').toEqual([]);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter
test.use({ serviceUrl: async ({}, use) => use((await fresh()).service.url) });

test('a programme leader sees that the baseline awaits adoption, and cannot adopt it', async ({ page }) => {
  const { leader } = await fresh();
  await signIn(page, leader.email, PASSWORD);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Procedures' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Shipped baseline' })).toBeVisible();
  await expect(page.getByText('The shipped procedures await adoption.')).toBeVisible();
  await expect(page.getByText('Only a quality manager can adopt the baseline.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Adopt the baseline' })).toHaveCount(0);
  await expectAccessible(page, 'the procedure library awaiting adoption, as a programme leader');
});

test('a quality manager adopts the baseline with a signature over the procedures and their content hashes', async ({ page }) => {
  const { qm } = await fresh();
  const before = await qm.api.get<{ procedures: { key: string; contentHash: string }[]; baselineHash: string }>(
    '/api/procedures/baseline/adoption',
  );
  expect(before.procedures.length).toBeGreaterThan(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, qm.email, PASSWORD);
  await page.goto('/procedures');
  const panel = page.getByRole('table', { name: 'Procedures in the baseline' });
  for (const p of before.procedures) await expect(panel.getByText(p.contentHash)).toBeVisible();
  await expect(page.getByText(`Baseline hash: ${before.baselineHash}`)).toBeVisible();
  await expectAccessible(page, 'the procedure library awaiting adoption, as a quality manager');

  await page.getByRole('button', { name: 'Adopt the baseline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign' });
  await expect(dialog.getByText('Baseline adoption', { exact: true })).toBeVisible();
  await expect(dialog.getByText(`${before.procedures.length} procedures, baseline hash ${before.baselineHash}`)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Procedures in the baseline' }).getByText(before.procedures[0].contentHash)).toBeVisible();
  await expectAccessible(page, 'the signature dialog of the baseline adoption');

  await dialog.getByLabel('Password').fill('not-my-password');
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  expect((await qm.api.get<{ state: string }>('/api/procedures/baseline/adoption')).state).toBe('awaiting_adoption');

  await dialog.getByLabel('Password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Baseline adopted by Karin Quality on .* \(baseline adoption\)\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Adopt the baseline' })).toHaveCount(0);
  await expectAccessible(page, 'the procedure library after the adoption');

  const after = await qm.api.get<{ state: string; adoptedBy: { id: string }; baselineHash: string }>('/api/procedures/baseline/adoption');
  expect(after).toMatchObject({ state: 'adopted', adoptedBy: { id: qm.id }, baselineHash: before.baselineHash });
});

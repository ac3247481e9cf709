/**
 * The same console on the embedded database: signing in.
 */
import { makeWorld, PASSWORD } from './support/world.js';
import type { World } from './support/world.js';
import { expect, signIn, test } from './support/fixtures.js';

let world: World;
test.beforeAll(async () => {
  world = await makeWorld(process.env.QMS_URL_EMBEDDED!);
});

test('a programme leader signs in on the embedded database', async ({ page }) => {
  await signIn(page, world.leader.email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programmes' })).toBeVisible();
});

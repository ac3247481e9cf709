/**
 * An expired survey link is refused with a page that says so (issue 18). The service's today comes
 * from its clock, so this test runs two services of its own on one fresh database: the first (on
 * the real today) sends the survey with a link open for 30 days; the second, whose CLOCK_TODAY is
 * 45 days later, is where the recipient opens the link. Same secret, same links.
 */
import { JWT_SECRET, Service, freshDatabase } from '../../bench/lib/service.js';
import { day } from './support/api.js';
import { expect, expectAccessible, test } from './support/fixtures.js';
import { SERVER } from './support/global-setup.js';
import { makeSurvey, sendAndHandOut } from './support/surveys.js';
import type { HandedOutLink } from './support/surveys.js';
import { makeWorld } from './support/world.js';

interface Setup {
  now: Service;
  later: Service;
  database: { url: string; drop(): Promise<void> };
  link: HandedOutLink;
}

let started: Promise<Setup> | undefined;
function setup(): Promise<Setup> {
  started ??= (async () => {
    const database = await freshDatabase(SERVER);
    const common = { JWT_SECRET, TIME_ZONE: 'Europe/Stockholm', LOG_LEVEL: 'warn', DATABASE_URL: database.url };
    const now = await Service.start(common);
    const world = await makeWorld(now.url);
    const survey = await makeSurvey(world, 'adept');
    const [link] = await sendAndHandOut(world.leader.api, world.programme.id, survey, 'adept', [world.adepts[0].id], 'sv');
    const later = await Service.start({ ...common, CLOCK_TODAY: day(45) });
    return { now, later, database, link };
  })();
  return started;
}

test.afterAll(async () => {
  if (!started) return;
  const { now, later, database } = await started;
  await Promise.all([now.stop(), later.stop()]);
  await database.drop();
  expect([...now.loggedErrors(), ...later.loggedErrors()], 'errors the services of this test logged').toEqual([]);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter
test.use({ serviceUrl: async ({}, use) => use((await setup()).later.url), viewport: { width: 375, height: 812 }, locale: 'sv-SE' });

test('a link whose last day has passed is refused with a page that says it has expired and whom to ask', async ({ page }) => {
  const { link, now } = await setup();
  // Still open on the day it was sent.
  const open = await fetch(`${now.url}/api/survey-invitations/${link.token}`);
  expect(open.status).toBe(200);

  await page.goto(new URL(link.link).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Länken har gått ut' })).toBeVisible();
  await expect(page.getByText('Tiden för att svara på enkäten är slut.')).toBeVisible();
  await expect(page.getByText('kontakta den person i programmet som skickade länken till dig')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Skicka mina svar' })).toHaveCount(0);
  await expectAccessible(page, 'the page of an expired link at 375 px in Swedish');
});

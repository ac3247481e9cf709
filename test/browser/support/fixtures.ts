/**
 * The browser tests' fixtures: the service of this project (PostgreSQL or embedded), a page that
 * fails the test on any browser console error or uncaught page error, sign-in through the form,
 * and the accessibility check (axe-core: no serious or critical WCAG 2.1 AA violation).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';

// A 4xx answer to a fetch is logged by Chromium as "Failed to load resource"; the console handles
// those answers (a problem document shown to the user), so they are not errors of the page.
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of 4\d\d/;

export interface Fixtures {
  serviceUrl: string;
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter
  serviceUrl: async ({}, use, testInfo) => {
    const kind = testInfo.project.metadata.database === 'embedded' ? 'EMBEDDED' : 'POSTGRES';
    const url = process.env[`QMS_URL_${kind}`];
    if (!url) throw new Error(`QMS_URL_${kind} is not set: run through npm run test:browser`);
    await use(url);
  },
  baseURL: async ({ serviceUrl }, use) => {
    await use(serviceUrl);
  },
  // eslint-disable-next-line no-empty-pattern
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleErrors }, use) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !EXPECTED_CONSOLE.test(m.text())) consoleErrors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
    // TRACE_API=1 prints every API answer, for finding out why a test fails.
    if (process.env.TRACE_API === '1') {
      page.on('response', (r) => {
        if (r.url().includes('/api/'))
          void r
            .text()
            .then((body) => console.log(r.request().method(), r.url(), r.status(), process.env.TRACE_FULL ? body : body.slice(0, 300)));
      });
    }
    await use(page);
    expect(consoleErrors, 'errors in the browser console').toEqual([]);
  },
});

export { expect };

/** Fails with the list of serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Let finite transitions end first (a notification fading in has, for a moment, too little contrast).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(bad, `accessibility of ${what}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

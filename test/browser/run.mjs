// `npm run test:browser`: the browser tests drive Debian's Chromium (Playwright's own browser
// download cannot work on these machines). Without it, say how to get it and fail: never skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `The browser tests need Chromium at ${chromium}, and it is not there.\n` +
      `Install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome executable. (Do not run "playwright install".)`,
  );
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
const build = run(process.execPath, ['scripts/build.mjs']);
if (build.status !== 0) process.exit(build.status ?? 1);
const test = run(process.execPath, [
  'node_modules/@playwright/test/cli.js',
  'test',
  '-c',
  'test/browser/playwright.config.ts',
  ...process.argv.slice(2),
]);
process.exit(test.status ?? 1);

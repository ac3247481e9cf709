// Measures the web console against a running service (README, "Web console"): the JavaScript
// shipped on first load (bytes as served and gzip-compressed), and the time from navigation to a
// usable programme page (its heading and the conformance matrix shown) for a signed-in user.
//   node scripts/measure-console.mjs URL EMAIL PASSWORD [RUNS]
// Uses Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium); prints medians of RUNS (default 5).
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:3000', email, password, runsArg = '5'] = process.argv.slice(2);
if (!email || !password) throw new Error('usage: node scripts/measure-console.mjs URL EMAIL PASSWORD [RUNS]');
const runs = Number(runsArg);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function scripts(page, action, ready) {
  const seen = new Map();
  const listener = async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const body = await response.body().catch(() => new Uint8Array(0));
    const sizes = await response
      .request()
      .sizes()
      .catch(() => ({ responseBodySize: body.length }));
    seen.set(response.url(), { type, raw: body.length, gzip: gzipSync(body).length, sent: sizes.responseBodySize });
  };
  page.on('response', listener);
  await action();
  await ready();
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  return [...seen.values()];
}

const kb = (n) => (n / 1024).toFixed(1);
const sum = (xs, type, key) => xs.filter((x) => x.type === type).reduce((a, x) => a + x[key], 0);

// First load: a new browser profile opens the sign-in page.
const context = await browser.newContext();
const page = await context.newPage();
const first = await scripts(
  page,
  () => page.goto(`${url}/sign-in`),
  () => page.getByRole('button', { name: 'Sign in' }).waitFor(),
);
console.log(
  `first load (sign-in page): JS ${kb(sum(first, 'script', 'raw'))} KB, ${kb(sum(first, 'script', 'gzip'))} KB gzip (${kb(sum(first, 'script', 'sent'))} KB sent) in ${first.filter((x) => x.type === 'script').length} files; CSS ${kb(sum(first, 'stylesheet', 'gzip'))} KB gzip (${kb(sum(first, 'stylesheet', 'sent'))} KB sent)`,
);
await page.getByLabel('Email').fill(email);
await page.getByLabel('Password').fill(password);
const home = await scripts(
  page,
  () => page.getByRole('button', { name: 'Sign in' }).click(),
  () => page.getByRole('button', { name: 'Sign out' }).waitFor(),
);
console.log(
  `after signing in (home page): JS ${kb(sum(home, 'script', 'gzip'))} KB gzip more in ${home.filter((x) => x.type === 'script').length} files`,
);

const programmes = await (
  await page.request.get(`${url}/api/programmes`, {
    headers: { Authorization: `Bearer ${JSON.parse(await page.evaluate(() => globalThis.sessionStorage.getItem('qms.session'))).token}` },
  })
).json();
const target = programmes.find((p) => p.status === 'active') ?? programmes[0];
const times = [];
for (let i = 0; i < runs; i++) {
  // A reload of the programme's conformance page: session restored from this tab, files from cache.
  const started = Date.now();
  await page.goto(`${url}/programmes/${target.id}/conformance`);
  await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
  await page
    .getByRole('table', { name: /Conformance matrix/ })
    .getByRole('row')
    .nth(2)
    .waitFor();
  times.push(Date.now() - started);
}
const cold = await browser.newContext();
const coldPage = await cold.newPage();
const coldStart = Date.now();
await coldPage.goto(`${url}/sign-in?next=${encodeURIComponent(`/programmes/${target.id}/conformance`)}`);
await coldPage.getByLabel('Email').fill(email);
await coldPage.getByLabel('Password').fill(password);
const typed = Date.now();
await coldPage.getByRole('button', { name: 'Sign in' }).click();
await coldPage
  .getByRole('table', { name: /Conformance matrix/ })
  .getByRole('row')
  .nth(2)
  .waitFor();
const coldMs = Date.now() - typed;
void coldStart;
const rows = await page
  .getByRole('table', { name: /Conformance matrix/ })
  .getByRole('row')
  .count();
console.log(
  `programme page "${target.name}" (${rows - 1} matrix rows): usable in ${median(times)} ms (median of ${runs} loads, cached files; min ${Math.min(...times)}, max ${Math.max(...times)})`,
);
console.log(`programme page right after signing in on an empty browser cache: ${coldMs} ms from pressing Sign in`);
await browser.close();

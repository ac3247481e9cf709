/**
 * The README's Node.js requirement is the truth: package.json's `engines` says the same, and every
 * package in the lock file supports the oldest Node.js of each line it admits, so `npm ci` on any
 * of them prints no engine warning. (CI also fails when `npm ci` prints one on its own Node.js.)
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** The oldest version of each line the range admits: `^20.19.0 || ^22.13.0 || >=24.11.0` gives 20.19.0, 22.13.0 and 24.11.0. */
function oldestOfEachLine(range: string): string[] {
  return new semver.Range(range).set.map(
    (comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' ')))!.version,
  );
}

describe('the Node.js requirement', () => {
  const oldest = oldestOfEachLine(pkg.engines.node);

  it('is stated in the README as package.json states it', () => {
    expect(oldest).toEqual(['20.19.0', '22.13.0', '24.11.0']);
    expect(readme).toContain('Needs Node.js 20.19 or later on Node.js 20, 22.13 or later on 22, or 24.11 and later');
  });

  it('is met by every package in the lock file, on the oldest Node.js of each line', () => {
    const unmet: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const wanted = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (!path || !wanted) continue;
      for (const node of oldest) {
        if (!semver.satisfies(node, wanted))
          unmet.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${wanted}, not ${node}`);
      }
    }
    expect(unmet).toEqual([]);
  });

  it('is met by the Node.js running the tests', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});

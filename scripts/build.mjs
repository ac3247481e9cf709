// Builds what is out of date, and only that: the service (tsc into dist/) and the web console
// (Vite into web/dist/). Each part keeps a stamp: a SHA-256 over the paths and contents of its
// inputs. `npm start` runs this first, so a second start with nothing changed starts at once.
//   node scripts/build.mjs [server|web ...] [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

const PARTS = {
  server: {
    inputs: ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    skip: ['bench/results'],
    output: 'dist/src/main.js',
    stamp: 'dist/.build-stamp',
    command: [bin('tsc'), ['-p', 'tsconfig.build.json']],
    // The list of common passwords and the standalone bundle verifier (shipped in every evidence
    // bundle) are read at run time from beside the compiled code.
    after: () => {
      for (const file of ['src/common/common-passwords.txt', 'src/reports/bundle/verify.mjs'])
        cpSync(join(ROOT, file), join(ROOT, 'dist', file));
    },
  },
  web: {
    inputs: ['web', 'package-lock.json'],
    skip: ['web/dist'],
    output: 'web/dist/index.html',
    stamp: 'web/dist/.build-stamp',
    command: [bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']],
    after: precompress,
  },
};

function files(path, skip, out) {
  const rel = relative(ROOT, path);
  if (skip.includes(rel)) return out;
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return out;
  if (st.isDirectory()) for (const name of readdirSync(path).sort()) files(join(path, name), skip, out);
  else out.push(path);
  return out;
}

function fingerprint(part) {
  const hash = createHash('sha256');
  for (const input of part.inputs) {
    for (const file of files(join(ROOT, input), part.skip, [])) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

// The service sends these instead of the originals to browsers that accept gzip (most of the
// console's first load is JavaScript and CSS that compress to a third).
function precompress() {
  const dir = join(ROOT, 'web/dist/assets');
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css|svg)$/.test(name)) continue;
    writeFileSync(join(dir, `${name}.gz`), gzipSync(readFileSync(join(dir, name)), { level: 9 }));
  }
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const wanted = args.filter((a) => !a.startsWith('--'));
for (const name of wanted.length ? wanted : Object.keys(PARTS)) {
  const part = PARTS[name];
  if (!part) throw new Error(`unknown part ${name}: server or web`);
  const print = fingerprint(part);
  const stamp = join(ROOT, part.stamp);
  if (!force && existsSync(join(ROOT, part.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === print) {
    if (process.env.npm_config_loglevel !== 'silent') console.log(`${name}: up to date`);
    continue;
  }
  const started = Date.now();
  const [cmd, cmdArgs] = part.command;
  const run = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  part.after?.();
  writeFileSync(stamp, print);
  console.log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

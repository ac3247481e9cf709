/**
 * `npm run bench`: every scenario side by side with its baseline, in one run, on this machine.
 *
 *   npm run bench                         all scenarios, 3 runs per case (medians)
 *   npm run bench -- step matrix          only these scenarios
 *   npm run bench -- --repeat 5           more runs per case
 *   npm run bench -- --smoke              tiny sizes: checks that the scenarios still work
 *
 * Scenarios that need a PostgreSQL server create databases of their own on BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and drop them afterwards. The table goes
 * to stdout (Markdown, as pasted into the README) and everything measured to
 * bench/results/bench-<time>.json. Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, BenchRow, Scenario } from './lib/types.js';
import { ROOT } from './lib/service.js';
import { renderTable } from './lib/table.js';
import { auditScenario } from './scenarios/audit-verify.js';
import { matrixScenario } from './scenarios/matrix.js';
import { reportScenario } from './scenarios/report.js';
import { startupScenario } from './scenarios/startup.js';
import { stepScenario } from './scenarios/step.js';

const SCENARIOS: Scenario[] = [stepScenario, reportScenario, matrixScenario, auditScenario, startupScenario];

function parse(argv: string[]): { only: string[]; options: BenchOptions } {
  const only: string[] = [];
  let repeat = 3;
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--repeat') repeat = Number(argv[++i]);
    else if (a === '--smoke') smoke = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench -- [${SCENARIOS.map((s) => s.key).join('|')} ...] [--repeat n] [--smoke]\n`);
      process.exit(0);
    } else if (SCENARIOS.some((s) => s.key === a)) only.push(a);
    else {
      process.stderr.write(`unknown argument ${a}; scenarios: ${SCENARIOS.map((s) => s.key).join(', ')}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(repeat) || repeat < 1) {
    process.stderr.write('--repeat takes a whole number of runs, 1 or more\n');
    process.exit(2);
  }
  return {
    only,
    options: {
      serverUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      repeat: smoke ? 1 : repeat,
      smoke,
      log: (line) => process.stderr.write(`[bench] ${line}\n`),
    },
  };
}

async function main(): Promise<void> {
  const { only, options } = parse(process.argv.slice(2));
  const chosen = SCENARIOS.filter((s) => only.length === 0 || only.includes(s.key));
  const startedAt = new Date();
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  for (const scenario of chosen) {
    options.log(`${scenario.key}: ${scenario.title}`);
    const began = performance.now();
    try {
      rows.push(...(await scenario.run(options)));
    } catch (e) {
      failures.push(`${scenario.key}: ${(e as Error).stack ?? String(e)}`);
      options.log(`${scenario.key} failed: ${(e as Error).message}`);
    }
    options.log(`${scenario.key} took ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const header = `${startedAt.toISOString().slice(0, 10)}, ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node.js ${machine.node}; medians of ${options.repeat} run(s)${options.smoke ? ', SMOKE sizes (not a measurement)' : ''}`;
  process.stdout.write(`${header}\n\n${renderTable(rows)}\n`);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { startedAt: startedAt.toISOString(), machine, options: { repeat: options.repeat, smoke: options.smoke }, rows, failures },
      null,
      2,
    ) + '\n',
  );
  options.log(`written ${file}`);
  if (failures.length) {
    process.stderr.write(`\n${failures.join('\n\n')}\n`);
    process.exitCode = 1;
  }
}

await main();

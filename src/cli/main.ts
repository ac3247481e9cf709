import 'reflect-metadata';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { verifyAuditExport } from '../audit/audit-export.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { ProcedureFileError } from '../procedures/definition-validation.js';
import { BaselineAdoptionService } from '../procedures/baseline-adoption.service.js';
import { ProcedureImportService, summarise } from '../procedures/procedure-import.service.js';
import { verifyBundle } from '../reports/bundle/verify.mjs';
import { DemoRefused } from '../demo/demo-context.js';
import { DEFAULT_DEMO_REPORT, describeDemo, runDemo } from '../demo/demo.js';
import { REPORT_LANGUAGES, writeEvidenceReportFile } from '../reports/evidence-report-file.js';
import type { ReportLanguage } from '../reports/evidence-report-file.js';
import { openDatabase } from '../database/database.js';
import { buildDataSourceOptions } from '../data-source-options.js';
import { commandLineContext } from '../users/command-context.js';
import { CommandLogger, CommandRefused, commandDatabase } from './command-database.js';
import { readPassword } from './password-prompt.js';
import type { AppConfig } from '../config/config.js';
import { DataDirLockedError } from '../database/embedded.js';

const USAGE = `Mentoring QMS command line (uses DATABASE_URL, or the embedded database in DATA_DIR: the running
service's own when the service runs on that folder)

  npm run qms -- migrate                     bring the database schema up to date
  npm run qms -- procedures:import [DIR] [--as EMAIL]
                                             validate and load procedures/*.yaml (default PROCEDURES_DIR); new and
                                             changed procedures become drafts authored by the quality manager EMAIL
  npm run qms -- procedures:adopt --as EMAIL
                                             adopt the shipped baseline, signed by the quality manager EMAIL (meaning
                                             "baseline adoption"); the password is asked for without echo, or read
                                             from the first line of standard input when it is not a terminal
  npm run qms -- audit:verify FILE [--head-seq N --head-hash H]
                                             verify an audit export (JSON lines) offline, without the database;
                                             with the head from the export's X-Audit-Head-* headers, a cut-short export fails too
  npm run qms -- verify BUNDLE               verify an evidence bundle offline, without the database
  npm run qms -- report evidence --programme ID --out FILE [--lang en|sv|nb] [--as EMAIL] [--generated-at ISO]
                                             write a programme evidence report (PDF) from the command line
  npm run demo -- [--out FILE] [--lang en|sv|nb]
                                             load the demonstration programme and write its evidence report
                                             (default ./${DEFAULT_DEMO_REPORT})
`;

/** The configuration, on the database this command uses (see commandDatabase). */
function configForCommand(): Promise<AppConfig> {
  return commandDatabase(loadConfig(), (line) => process.stderr.write(`${line}\n`));
}

/** The application without HTTP, for commands that run use cases (same modules as the service). */
async function withApp<T>(run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = {
    ...(await configForCommand()),
    importProceduresOnStart: false,
    deviationScanIntervalMinutes: 0,
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: new CommandLogger(), abortOnError: false });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

type Command = (args: string[]) => Promise<number> | number;

const commands: Record<string, Command> = {
  async migrate() {
    const config = await configForCommand();
    const db = await openDatabase({ ...config, runMigrationsOnStart: false }, buildDataSourceOptions);
    try {
      const { runMigrations } = await import('../database/database.js');
      const done = await runMigrations(db.dataSource);
      process.stdout.write(
        done.length ? `Applied ${done.length} migration(s):\n${done.map((n) => `  ${n}\n`).join('')}` : 'Schema is up to date.\n',
      );
      return 0;
    } finally {
      await db.close();
    }
  },

  async 'procedures:import'(args) {
    const as = option(args, '--as');
    const given = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--as');
    const dir = resolve(given[0] ?? loadConfig().proceduresDir);
    try {
      const report = await withApp(async (app) =>
        app.get(ProcedureImportService).importDirectory(dir, as ? await commandLineContext(app, as) : undefined),
      );
      process.stdout.write(summarise(report) + '\n');
      return 0;
    } catch (e) {
      if (e instanceof ProcedureFileError) {
        process.stderr.write(`Import refused, nothing written: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },

  async 'procedures:adopt'(args) {
    const as = option(args, '--as');
    if (!as) {
      process.stderr.write('usage: npm run qms -- procedures:adopt --as EMAIL   (the password is asked for, never given as an argument)\n');
      return 2;
    }
    const password = await readPassword(`Password of ${as}, to sign the baseline adoption (not shown): `);
    const adopted = await withApp(async (app) => app.get(BaselineAdoptionService).adopt(await commandLineContext(app, as), password));
    process.stdout.write(
      `Adopted by ${adopted.adoptedBy?.name} (${adopted.meaning}) at ${adopted.adoptedAt}:\n` +
        adopted.procedures.map((p) => `  ${p.key} v${p.version}  ${p.contentHash}\n`).join('') +
        `Baseline hash: ${adopted.baselineHash}\n`,
    );
    return 0;
  },

  verify(args) {
    const file = args[0];
    if (!file) {
      process.stderr.write('usage: npm run qms -- verify BUNDLE\n');
      return 2;
    }
    const v = verifyBundle(file);
    for (const line of v.checked) process.stdout.write(`  ok  ${line}\n`);
    if (!v.valid) {
      process.stderr.write(`INVALID: ${v.problem}\n`);
      return 1;
    }
    process.stdout.write('VALID: the bundle is exactly as it was exported.\n');
    return 0;
  },

  async report(args) {
    const kind = args[0];
    const programmeId = option(args, '--programme');
    const out = option(args, '--out');
    const lang = (option(args, '--lang') ?? 'en') as ReportLanguage;
    if (kind !== 'evidence' || !programmeId || !out || !REPORT_LANGUAGES.includes(lang)) {
      process.stderr.write(
        'usage: npm run qms -- report evidence --programme ID --out FILE [--lang en|sv|nb] [--as EMAIL] [--generated-at ISO]\n',
      );
      return 2;
    }
    const as = option(args, '--as');
    const generatedAt = option(args, '--generated-at');
    const { fingerprint } = await withApp((app) =>
      writeEvidenceReportFile(app, { programmeId, out, lang, as, generatedAt, onProgress: progress('Rendering') }),
    );
    process.stdout.write(`Wrote ${out}\nFingerprint: ${fingerprint}\n`);
    return 0;
  },

  async demo(args) {
    const out = option(args, '--out') ?? DEFAULT_DEMO_REPORT;
    const lang = (option(args, '--lang') ?? 'en') as ReportLanguage;
    if (!REPORT_LANGUAGES.includes(lang)) {
      process.stderr.write('usage: npm run demo -- [--out FILE] [--lang en|sv|nb]\n');
      return 2;
    }
    try {
      const summary = await withApp((app) =>
        runDemo(app, { out, lang, onProgress: progress('Rendering'), log: (line) => process.stderr.write(`${line} ...\n`) }),
      );
      process.stdout.write(describeDemo(summary));
      return 0;
    } catch (e) {
      if (e instanceof DemoRefused) {
        process.stderr.write(`Demo not loaded: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },

  async 'audit:verify'(args) {
    const file = args[0];
    if (!file) {
      process.stderr.write('usage: npm run qms -- audit:verify FILE\n');
      return 2;
    }
    const headSeq = option(args, '--head-seq');
    const headHash = option(args, '--head-hash');
    const expectedHead = headSeq && headHash ? { seq: Number(headSeq), hash: headHash } : undefined;
    const v = await verifyAuditExport(file, { anchored: !args.includes('--unanchored'), expectedHead });
    if (!v.valid) {
      process.stderr.write(`INVALID: first invalid event ${v.firstInvalidSeq} (${v.problem}): ${v.detail}\n`);
      return 1;
    }
    process.stdout.write(
      `VALID: ${v.events} events, seq ${v.firstSeq ?? '-'}..${v.lastSeq ?? '-'}; every hash recomputed and every link checked.\nHead hash: ${v.headHash}\n`,
    );
    return 0;
  },
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A progress bar on stderr, for long reports. */
function progress(label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((done / Math.max(total, 1)) * 100);
    if (pct === last && done !== total) return;
    last = pct;
    const bar = '#'.repeat(Math.floor(pct / 4)).padEnd(25, '.');
    process.stderr.write(`\r${label} [${bar}] ${pct}% (${done}/${total} pages)${done === total ? '\n' : ''}`);
  };
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stdout.write(USAGE);
    process.exitCode = name ? 2 : 0;
    return;
  }
  process.exitCode = await command(args);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`Configuration error: ${e.message}\n`);
  else if (e instanceof CommandRefused || e instanceof DataDirLockedError) process.stderr.write(`Not run: ${e.message}\n`);
  else process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

import 'reflect-metadata';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { verifyAuditExport } from '../audit/audit-export.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { ProcedureFileError } from '../procedures/definition-validation.js';
import { ProcedureImportService, summarise } from '../procedures/procedure-import.service.js';
import { openDatabase } from '../database/database.js';

const USAGE = `Mentoring QMS command line (uses DATABASE_URL, or the embedded database in DATA_DIR)

  npm run qms -- migrate                     bring the database schema up to date
  npm run qms -- procedures:import [DIR]     validate and load procedures/*.yaml (default PROCEDURES_DIR)
  npm run qms -- audit:verify FILE [--head-seq N --head-hash H]
                                             verify an audit export (JSON lines) offline, without the database;
                                             with the head from the export's X-Audit-Head-* headers, a cut-short export fails too
`;

/** The application without HTTP, for commands that run use cases (same modules as the service). */
async function withApp<T>(run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), importProceduresOnStart: false, deviationScanIntervalMinutes: 0, logLevel: process.env.LOG_LEVEL ?? 'warn' };
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async migrate() {
    const config = loadConfig();
    const db = await openDatabase({ ...config, runMigrationsOnStart: false });
    try {
      const { runMigrations } = await import('../database/database.js');
      const done = await runMigrations(db.dataSource);
      process.stdout.write(done.length ? `Applied ${done.length} migration(s):\n${done.map((n) => `  ${n}\n`).join('')}` : 'Schema is up to date.\n');
      return 0;
    } finally {
      await db.close();
    }
  },

  async 'procedures:import'(args) {
    const dir = resolve(args[0] ?? loadConfig().proceduresDir);
    try {
      const report = await withApp((app) => app.get(ProcedureImportService).importDirectory(dir));
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
  process.stderr.write(e instanceof ConfigError ? `Configuration error: ${e.message}\n` : `${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

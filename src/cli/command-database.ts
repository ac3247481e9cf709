import { setTimeout as delay } from 'node:timers/promises';
import { ConsoleLogger } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { resolveJwtSecret } from '../config/secrets.js';
import { runningHolder } from '../database/embedded.js';

/** A command that cannot run as asked: said in one line, without a stack trace. */
export class CommandRefused extends Error {}

/** How long a command waits for a service that is starting to say where its database listens. */
const STARTING_SERVICE_WAIT_MS = 15_000;

/**
 * The database a command uses: DATABASE_URL's; else the embedded one in DATA_DIR, opened by the
 * command itself when the folder is free or, when the service runs on the folder, the service's
 * own, through the address it publishes there (two processes must never open one folder: they
 * lose writes). `say` tells the user which, in one line.
 */
export async function commandDatabase(config: AppConfig, say: (line: string) => void): Promise<AppConfig> {
  if (config.databaseUrl) return config;
  let holder = runningHolder(config.dataDir);
  for (let waited = 0; holder && !holder.url && waited < STARTING_SERVICE_WAIT_MS; waited += 250) {
    await delay(250);
    holder = runningHolder(config.dataDir);
  }
  if (!holder) return config;
  if (!holder.url) {
    throw new CommandRefused(
      `The data folder ${config.dataDir} is in use by process ${holder.pid}, which does not say where its database listens: stop that process and run the command again, or run it with DATABASE_URL.`,
    );
  }
  say(`The service (process ${holder.pid}) is running on ${config.dataDir}: this command uses its database.`);
  // The service has brought the schema up to date; a few connections are enough for a command. The
  // token secret stays the folder's (commands sign nothing, but the modules want one).
  return {
    ...config,
    jwtSecret: resolveJwtSecret(config),
    databaseUrl: holder.url,
    dbPoolSize: Math.min(config.dbPoolSize, 3),
    runMigrationsOnStart: false,
  };
}

/**
 * Nest's messages for commands: warnings and errors as plain lines on stderr, without colours.
 * A failed start is reported by the command in one line, so Nest's own report of it (with the
 * stack) is left out.
 */
export class CommandLogger extends ConsoleLogger {
  constructor() {
    super({ logLevels: ['error', 'warn'], colors: false, prefix: 'qms' });
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

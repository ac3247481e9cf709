import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirLockedError, assertDataDirFree } from './database/embedded.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) assertDataDirFree(config.dataDir);
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`Mentoring QMS listening on http://${config.host}:${port} (API docs at /docs)\n`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`Configuration error: ${e.message}\n`);
  else if (e instanceof DataDirLockedError) process.stderr.write(`Cannot start: ${e.message}\n`);
  else process.stderr.write(`Start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`Mentoring QMS listening on http://${config.host}:${port} (API docs at /docs)\n`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`Configuration error: ${e.message}\n`);
  else process.stderr.write(`Start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

/**
 * The command line beside the running service on the same embedded data folder: it uses the
 * service's own database (the service publishes its address in the folder), never opens the folder
 * a second time, and when it cannot, it says what to do in one plain line (no stack trace, no
 * colour codes). Alone, it opens the folder itself.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN, ROOT, Service, tempDataDir } from './service.js';

const CLI = join(MAIN, '../cli/main.js');
// The escape that starts a colour code (Nest's default logger colours its output).
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const STACK = /\n\s+at /;

function cli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the command line beside the running service', () => {
  it("loads the demo through the running service's database, and alone finds it there after the service stopped", async () => {
    const data = tempDataDir();
    let service: Service | undefined;
    try {
      service = await Service.start({ DATA_DIR: data.dir }, 180_000);
      const published = JSON.parse(readFileSync(join(data.dir, 'qms.address'), 'utf8')) as { pid: number; url: string };
      expect(published).toEqual({ pid: service.pid, url: expect.stringMatching(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/) });

      const report = join(data.dir, 'demo.pdf');
      const demo = await cli(data.dir, ['demo', '--out', report]);
      expect(demo.stderr).toContain(`The service (process ${service.pid}) is running on ${data.dir}: this command uses its database.`);
      expect(demo.stderr).not.toMatch(ANSI);
      expect(demo.stderr).not.toMatch(STACK);
      expect(demo.code).toBe(0);
      expect(readFileSync(report).subarray(0, 5).toString()).toBe('%PDF-');
      // The service went on serving throughout.
      expect((await fetch(`${service.url}/health`)).status).toBe(200);

      await service.stop();
      service = undefined;
      expect(existsSync(join(data.dir, 'qms.address'))).toBe(false);

      // Alone, the command opens the folder itself and finds what it wrote through the service.
      const again = await cli(data.dir, ['demo', '--out', join(data.dir, 'again.pdf')]);
      expect(again.stderr).not.toContain('is running on');
      expect(again.stderr).toMatch(/^Demo not loaded: This database already has the demo programme/m);
      expect(again.stderr).not.toMatch(ANSI);
      expect(again.stderr).not.toMatch(STACK);
      expect(again.code).toBe(1);
    } finally {
      await service?.stop();
      data.remove();
    }
  }, 600_000);

  it('says in one plain line what to do when the folder is held by a process that publishes no address', async () => {
    const data = tempDataDir();
    const holder = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      writeFileSync(join(data.dir, 'qms.lock'), String(holder.pid));
      const run = await cli(data.dir, ['migrate']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `Not run: The data folder ${data.dir} is in use by process ${holder.pid}, which does not say where its database listens: ` +
          'stop that process and run the command again, or run it with DATABASE_URL.\n',
      );
    } finally {
      holder.kill();
      data.remove();
    }
  }, 120_000);
});

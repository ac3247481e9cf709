import { DeviationScanService } from '../src/deviation-scan/deviation-scan.service.js';
import { activeProgramme, adeptProcedure, createCast, enrol } from './support/deviation-fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

/** The key of the periodic scan's session lock (src/deviation-scan/deviation-scan.service.ts). */
const SCAN_LOCK_KEY = 726_354_122;

/**
 * The periodic overdue scan runs in one process at a time under a session advisory lock. A session
 * lock belongs to the connection that took it: taken and released through the pool, the release
 * could run on another connection and leave the lock held, so no process would scan again until
 * that connection closed.
 */
describe('the periodic scan releases its lock on the connection that took it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const c = await createCast(t);
    await adeptProcedure(t, c);
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    for (let i = 0; i < 3; i++) await enrol(t, c.leader, programme.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const held = async () =>
    (
      await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [
        SCAN_LOCK_KEY,
      ])
    )[0].n;

  it('leaves no lock behind, also while other work keeps the pool busy', async () => {
    const scanner = t.app.get(DeviationScanService);
    for (let round = 0; round < 5; round++) {
      // Other requests hold and release pooled connections while the scan runs.
      const busy = Promise.all(Array.from({ length: 8 }, (_, i) => t.sql(`SELECT pg_sleep(${0.01 * (i + 1)})`)));
      await Promise.all([scanner.scanAll(), scanner.scanAll(), busy]);
      expect(await held()).toBe(0);
    }
  });
});

import type { DataSource } from 'typeorm';

/**
 * Runs `work` unless another process (or another run in this one) holds the session advisory lock
 * `key`; answers `{ ran: false }` then. A session lock belongs to the connection that took it, so it
 * is taken and released on one held connection (through the pool, the unlock could run on another
 * and leave the lock behind). No transaction is open on that connection: the work's own
 * transactions run beside it, also on the embedded database.
 */
export async function withSessionLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const lockConnection = dataSource.createQueryRunner();
  try {
    const [{ locked }] = (await lockConnection.query(`SELECT pg_try_advisory_lock($1) AS locked`, [key])) as { locked: boolean }[];
    if (!locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await lockConnection.query(`SELECT pg_advisory_unlock($1)`, [key]);
    }
  } finally {
    await lockConnection.release();
  }
}

/**
 * Calls `run` every `minutes` (0 or less: never) until the returned function stops it; the timer
 * does not keep the process alive. A failed run is handed to `onError` (the next runs go on).
 */
export function every(minutes: number, run: () => Promise<unknown>, onError: (e: unknown) => void): () => void {
  if (minutes <= 0) return () => undefined;
  const timer = setInterval(() => void run().catch(onError), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

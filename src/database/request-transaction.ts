import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import type { EntityManager, QueryRunner, ReplicationMode } from 'typeorm';

interface HeldConnection {
  runner: QueryRunner;
  open: boolean;
  /** Writes that must outlive a rollback of the request's transaction (see whenRequestRollsBack). */
  afterRollback: (() => Promise<void>)[];
}

const held = new AsyncLocalStorage<HeldConnection>();

/**
 * The service's DataSource. Inside `inRequestTransaction` every query runner it hands out is the
 * one held for that request, so whatever the request does (reads through `dataSource.manager`,
 * the services' own `dataSource.transaction`, which then nests as a savepoint) runs on one
 * connection, in one transaction. Everywhere else it behaves exactly as TypeORM's.
 */
export class AppDataSource extends DataSource {
  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    const h = held.getStore();
    return h?.open ? h.runner : super.createQueryRunner(mode);
  }
}

/**
 * Runs `work` with every query of its asynchronous context on one connection, in one transaction
 * that commits when `work` resolves and rolls back when it throws, or when the process or the
 * connection dies before the commit (the server ends a dead session's transaction).
 *
 * Used for requests that carry an Idempotency-Key: the key's record and the business change are
 * then committed together, or not at all. Both kinds of database are served by one connection
 * only: on the embedded one a second connection opened while this transaction is open would wait
 * for it forever (connections take turns there), so nothing in `work` may bypass the DataSource.
 * Calls nested inside `work` join the transaction.
 */
export async function inRequestTransaction<T>(dataSource: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  const outer = held.getStore();
  if (outer?.open) return work(outer.runner.manager);
  const runner = dataSource.createQueryRunner();
  const release = runner.release.bind(runner);
  // The services' transactions and TypeORM's one-off queries "release" the runner they were given
  // when they finish: for the held one that must wait until the request's transaction ends.
  runner.release = () => Promise.resolve();
  const h: HeldConnection = { runner, open: true, afterRollback: [] };
  let rolledBack = false;
  try {
    await runner.connect();
    await runner.startTransaction();
    const result = await held.run(h, () => work(runner.manager));
    await runner.commitTransaction();
    return result;
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    rolledBack = true;
    throw e;
  } finally {
    // Anything of this request still running (it should not be) gets connections of its own from now on.
    h.open = false;
    delete (runner as { release?: unknown }).release;
    await release();
    // Outside the request's transaction now, each on a connection of its own (on the embedded
    // database the held one has ended, so nothing waits for it).
    if (rolledBack) for (const write of h.afterRollback) await write();
  }
}

/**
 * Registers a write to be made again, on its own, if the request's transaction rolls back; false
 * (and nothing registered) outside `inRequestTransaction`, where the caller's own transaction is
 * all there is. For records that must survive a failed request, such as a counted password
 * attempt: a wrong password fails the request, and the count must not roll back with it.
 */
export function whenRequestRollsBack(write: () => Promise<void>): boolean {
  const h = held.getStore();
  if (!h?.open) return false;
  h.afterRollback.push(write);
  return true;
}

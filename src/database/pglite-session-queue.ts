// Type imports only: the test harness's global setup (plain JavaScript) loads this file by
// transpiling it, so it must not import anything at run time.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Replaces the socket server's query queue with a PGliteSessionQueue. The server hands its
 * `queryQueue` to each connection as it arrives, so call this before `start()`.
 */
export function installSessionQueue(server: PGLiteSocketServer, db: PGlite): void {
  const internals = server as unknown as { queryQueue?: unknown };
  if (typeof internals.queryQueue !== 'object' || internals.queryQueue === null) {
    throw new Error('@electric-sql/pglite-socket has no queryQueue to replace: check PGliteSessionQueue against this version');
  }
  internals.queryQueue = new PGliteSessionQueue(db);
}

/**
 * Hands the one PGlite session to one socket connection at a time, for a whole protocol exchange.
 *
 * PGlite has a single backend session, shared by every connection of the socket server. The
 * queue that ships with `@electric-sql/pglite-socket` 0.2.17 serialises single protocol messages
 * and keeps a connection's turn only while a transaction is open. An extended-protocol query
 * (Parse, Bind, Describe, Execute, Sync) is several messages, so two pooled connections querying
 * at once interleaved: one connection's Parse replaced the other's unnamed statement, which then
 * failed ("unnamed prepared statement does not exist", "portal does not exist") or, worse, ran
 * the other connection's statement with its own parameters. A failed message also left that queue
 * stuck for good. (Upstream: electric-sql/pglite issue 1046.)
 *
 * Here a connection keeps the session from its first message until the backend is ready for a new
 * query outside a transaction: after a Sync, a simple Query, a function call or the start-up
 * packet, with no transaction open. COPY ... FROM STDIN (not used by this service) is not handled.
 *
 * Implements the interface the socket server expects of its `queryQueue`.
 */
export class PGliteSessionQueue {
  private readonly queue: Job[] = [];
  /** The connection whose exchange is under way; null when the session is free. */
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, run: () => this.execute(message, onData), endsExchange: endsExchange(message), resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** The connection went away: drop what it still had queued. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      const [job] = this.queue.splice(i, 1);
      job.reject(new Error('connection closed'));
    }
  }

  /**
   * The connection went away while it held the session: end its exchange (a Sync clears a
   * half-done extended query and any error state) and roll back its transaction, then free the
   * session for the others. Never fails: nobody is left to tell (the server does not await it).
   */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const run = async () => {
        await this.execute(SYNC, () => undefined);
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
        return 0;
      };
      this.queue.unshift({ handlerId, run, endsExchange: true, resolve: () => resolve(), reject: () => resolve() });
      void this.pump();
    });
  }

  private async execute(message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    let bytes = 0;
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data: Uint8Array) => {
          bytes += data.length;
          onData(data);
        },
      }),
    );
    return bytes;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((j) => j.handlerId === this.owner);
        // The owner's next message has not arrived yet: the others wait for it.
        if (index < 0 || this.queue.length === 0) return;
        const [job] = this.queue.splice(index, 1);
        this.owner = job.handlerId;
        try {
          job.resolve(await job.run());
        } catch (e) {
          job.reject(e);
        }
        if (job.endsExchange && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.running = false;
    }
  }
}

interface Job {
  handlerId: number;
  run: () => Promise<number>;
  endsExchange: boolean;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
}

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** Frontend messages after which the backend answers ReadyForQuery. */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  // 'S' Sync, 'Q' Query, 'F' FunctionCall, 'X' Terminate; the start-up packet has no type byte
  // (it starts with its length, whose first byte is 0).
  return type === 0x53 || type === 0x51 || type === 0x46 || type === 0x58 || type === 0;
}

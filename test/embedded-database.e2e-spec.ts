import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { startEmbeddedDatabase } from '../src/database/embedded.js';
import type { EmbeddedDatabase } from '../src/database/embedded.js';

/**
 * The embedded database (PGlite behind a socket server) serves a connection pool: queries and
 * transactions from many connections at once must not mix, as they cannot on a real server.
 * (This file tests the database layer itself, so it starts no application.)
 */
describe('embedded database with a connection pool', () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startEmbeddedDatabase({ maxConnections: 15 });
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)`);
    // Open every connection of the pool, so queries go out at once instead of waiting to connect.
    const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
    for (const c of clients) c.release();
  });
  afterAll(async () => {
    await pool?.end();
    await db?.stop();
  });

  it('answers concurrent parameterised queries, beside transactions on other connections, each with its own result', async () => {
    const reads = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? pool.query(`SELECT $1::int * 2 AS doubled`, [i]).then((r) => expect(r.rows).toEqual([{ doubled: i * 2 }]))
        : pool
            .query(`SELECT $1::text AS label, $2::int AS n`, [`job ${i}`, i])
            .then((r) => expect(r.rows).toEqual([{ label: `job ${i}`, n: i }])),
    );
    // BEGIN and COMMIT go as simple queries, which discard the session's unnamed statement.
    const writes = Array.from({ length: 50 }, async (_, i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT $1::int AS n`, [i]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    await Promise.all([...reads, ...writes]);
  });

  it('answers queries that queued up behind an open transaction, each with its own result', async () => {
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT $1::int AS n`, [0]);
      // These wait for the transaction; when it ends they must not run into each other.
      const queued = Array.from({ length: 9 }, (_, i) =>
        i % 2 === 0
          ? pool.query(`SELECT $1::int * 2 AS doubled`, [i]).then((r) => r.rows)
          : pool.query(`SELECT $1::text AS label, $2::int AS n`, [`job ${i}`, i]).then((r) => r.rows),
      );
      // Give them time to reach the server and queue up (should they not, the test proves less, but
      // cannot fail for it).
      await delay(200);
      await holder.query('COMMIT');
      expect(await Promise.all(queued)).toEqual(
        Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? [{ doubled: i * 2 }] : [{ label: `job ${i}`, n: i }])),
      );
    } finally {
      holder.release();
    }
  });

  it('keeps concurrent transactions apart: commits persist, rollbacks leave nothing', async () => {
    const run = async (id: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO item (id, label) VALUES ($1, $2)`, [id, `item ${id}`]);
        const seen = await client.query(`SELECT label FROM item WHERE id = $1`, [id]);
        expect(seen.rows).toEqual([{ label: `item ${id}` }]);
        await client.query(id % 4 === 0 ? 'ROLLBACK' : 'COMMIT');
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => run(i + 1)));
    const { rows } = await pool.query(`SELECT id FROM item ORDER BY id`);
    expect(rows.map((r: { id: number }) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1).filter((id) => id % 4 !== 0));
  });

  it('keeps serving after failing statements among concurrent ones', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        i % 5 === 0 ? pool.query(`SELECT 1 / ($1::int - $1::int)`, [i]) : pool.query(`SELECT $1::int AS n`, [i]),
      ),
    );
    results.forEach((r, i) => {
      if (i % 5 === 0) expect(r.status).toBe('rejected');
      else expect(r).toEqual({ status: 'fulfilled', value: expect.objectContaining({ rows: [{ n: i }] }) });
    });
    expect((await pool.query(`SELECT 42 AS n`)).rows).toEqual([{ n: 42 }]);
  });

  it('rolls back the open transaction of a connection that goes away, and frees the session', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`INSERT INTO item (id, label) VALUES (1000, 'abandoned')`);
    const others = Promise.all(Array.from({ length: 5 }, (_, i) => pool.query(`SELECT $1::int AS n`, [i])));
    await client.end();
    expect((await others).map((r) => r.rows[0].n)).toEqual([0, 1, 2, 3, 4]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM item WHERE id = 1000`)).rows).toEqual([{ n: 0 }]);
  });
});

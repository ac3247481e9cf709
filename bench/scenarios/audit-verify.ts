/**
 * Audit verification rate (issue: "events/s over 100,000 events against hashing the same bytes
 * alone").
 *
 * A fresh database; the service on it (which writes its first events); then the chain is filled
 * to 100,000 events by bench/seed/audit-events.ts (chained events hashed with the chain's own
 * hashEvent, appended in batches under the head lock, the head moved with them). Measured:
 *  - the service: GET /api/audit-events/verify as an auditor (reads every event from the
 *    database, recomputes every hash, checks every link and the head), events/s;
 *  - offline: verifyAuditExport (src/audit/audit-export.ts) over the file served by
 *    GET /api/audit-events/export (download not timed; reported in the details), events/s;
 *  - the baseline: SHA-256 alone, in this process, over the canonical bytes of the same events
 *    (canonicalJson of each stored event without its hash, as hashEvent builds it), computed
 *    ahead so that only hashing is timed. Canonicalisation plus hashing (hashEvent itself) is
 *    timed too and kept in the details.
 * Then incremental verification (what evidence reports do): the checkpoint is set at the head,
 * NEW_EVENTS more events are appended, and GET /api/audit-events/verify?mode=incremental (which
 * re-checks the checkpointed event and reads only the new ones) is timed beside a full
 * verification of the same, longer chain; repeated with NEW_EVENTS more each run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEvent } from '../../src/audit/audit-chain.js';
import type { ChainedEvent, UnhashedEvent } from '../../src/audit/audit-chain.js';
import { verifyAuditExport } from '../../src/audit/audit-export.js';
import { rowToEvent } from '../../src/audit/audit.service.js';
import type { AuditRow } from '../../src/audit/audit.service.js';
import { canonicalJson, sha256Hex } from '../../src/common/canonical.js';
import { createStaff } from '../lib/client.js';
import { median, round, timed } from '../lib/stats.js';
import { JWT_SECRET, Service, attach, freshDatabase } from '../lib/service.js';
import { row } from '../lib/types.js';
import type { BenchRow, Scenario } from '../lib/types.js';
import { appendChainedEvents } from '../seed/audit-events.js';

/** The stored events, as the service reads them (audit.service.ts rowToEvent). */
async function readChain(c: Awaited<ReturnType<typeof attach>>): Promise<ChainedEvent[]> {
  const out: ChainedEvent[] = [];
  for (let after = 0; ;) {
    const { rows } = await c.query(
      `SELECT seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash
       FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT 10000`,
      [after],
    );
    if (rows.length === 0) return out;
    for (const r of rows as AuditRow[]) out.push(rowToEvent(r));
    after = out[out.length - 1].seq;
  }
}

/** The members of GET /api/audit-events/verify read here. */
interface Verdict {
  valid: boolean;
  events: number;
  checkpointSeq: number;
}

function unhashed(e: ChainedEvent): UnhashedEvent {
  const { hash: _hash, ...rest } = e;
  return rest;
}

export const auditScenario: Scenario = {
  key: 'audit',
  title: 'Audit verification rate against hashing the same bytes',
  async run(options) {
    const total = options.smoke ? 2_000 : 100_000;
    const db = await freshDatabase(options.serverUrl);
    const dir = mkdtempSync(join(tmpdir(), 'qms-bench-audit-'));
    let service: Service | undefined;
    try {
      service = await Service.start({ DATABASE_URL: db.url, JWT_SECRET });
      const client = (await createStaff(service.url, 'audit')).auditor;
      const pg = await attach(db.url);
      let events: ChainedEvent[];
      try {
        options.log(`audit: appending chained events up to ${total.toLocaleString('en-US')}`);
        const fill = await timed(() => appendChainedEvents(pg, total, { log: options.log }));
        options.log(`audit: ${fill.value.written.length.toLocaleString('en-US')} events appended in ${(fill.ms / 1000).toFixed(1)} s`);
        await pg.query('VACUUM ANALYZE audit_event');
        events = await readChain(pg);
      } finally {
        await pg.end();
      }
      if (events.length !== total) throw new Error(`the chain holds ${events.length} events, expected ${total}`);

      // The canonical bytes of every stored event, computed ahead; checked against the stored hashes.
      const canonical = events.map((e) => canonicalJson(unhashed(e)));
      canonical.forEach((text, i) => {
        if (sha256Hex(text) !== events[i].hash)
          throw new Error(`event ${events[i].seq}: its canonical bytes do not hash to its stored hash`);
      });
      const bytes = canonical.reduce((n, t) => n + Buffer.byteLength(t), 0);

      const verify = async () => {
        const v = await client.must(200, 'GET', '/api/audit-events/verify');
        if (!v.valid || v.events !== total) throw new Error(`verification: ${JSON.stringify(v)}`);
      };
      const exported = await timed(() => client.request('GET', '/api/audit-events/export'));
      if (exported.value.status !== 200) throw new Error(`export: ${exported.value.status}`);
      const file = join(dir, 'audit-events.jsonl');
      writeFileSync(file, exported.value.bytes);
      const expectedHead = {
        seq: Number(exported.value.headers.get('x-audit-head-seq')),
        hash: String(exported.value.headers.get('x-audit-head-hash')),
      };
      const offline = async () => {
        const v = await verifyAuditExport(file, { expectedHead });
        if (!v.valid || v.events !== total) throw new Error(`offline verification: ${JSON.stringify(v)}`);
      };
      let sink = 0;
      const hashOnly = () => {
        for (const t of canonical) sink ^= sha256Hex(t).charCodeAt(0);
        return Promise.resolve();
      };
      const canonicalAndHash = () => {
        for (const e of events) sink ^= hashEvent(e).charCodeAt(0);
        return Promise.resolve();
      };

      // Warm-up, then interleaved runs.
      await verify();
      await offline();
      await hashOnly();
      await canonicalAndHash();
      const runs = { service: [] as number[], offline: [] as number[], hashOnly: [] as number[], canonicalAndHash: [] as number[] };
      const rate = (ms: number) => (total / ms) * 1000;
      for (let r = 0; r < options.repeat; r++) {
        runs.service.push(rate((await timed(verify)).ms));
        runs.hashOnly.push(rate((await timed(hashOnly)).ms));
        runs.offline.push(rate((await timed(offline)).ms));
        runs.canonicalAndHash.push(rate((await timed(canonicalAndHash)).ms));
        options.log(
          `audit: run ${r + 1}: service ${runs.service[r].toFixed(0)}/s, offline ${runs.offline[r].toFixed(0)}/s, SHA-256 alone ${runs.hashOnly[r].toFixed(0)}/s, canonical+SHA-256 ${runs.canonicalAndHash[r].toFixed(0)}/s`,
        );
      }
      if (sink < 0) options.log('unreachable');

      // Incremental against full, after NEW_EVENTS new events each run.
      const newEvents = options.smoke ? 100 : 1_000;
      const incremental = { ms: [] as number[], fullMs: [] as number[], chain: [] as number[] };
      const more = await attach(db.url);
      try {
        let chainLength = total;
        await client.must(200, 'GET', '/api/audit-events/verify?mode=incremental');
        for (let r = 0; r < options.repeat; r++) {
          chainLength += newEvents;
          await appendChainedEvents(more, chainLength);
          const inc = await timed(() => client.must(200, 'GET', '/api/audit-events/verify?mode=incremental') as Promise<Verdict>);
          if (!inc.value.valid || inc.value.events !== newEvents || inc.value.checkpointSeq !== chainLength - newEvents)
            throw new Error(`incremental verification: ${JSON.stringify(inc.value)}`);
          const full = await timed(() => client.must(200, 'GET', '/api/audit-events/verify') as Promise<Verdict>);
          if (!full.value.valid || full.value.events !== chainLength) throw new Error(`full verification: ${JSON.stringify(full.value)}`);
          incremental.ms.push(inc.ms);
          incremental.fullMs.push(full.ms);
          incremental.chain.push(chainLength);
          options.log(
            `audit: incremental run ${r + 1}: ${newEvents} new events after ${(chainLength - newEvents).toLocaleString('en-US')}: ${inc.ms.toFixed(0)} ms, full ${full.ms.toFixed(0)} ms`,
          );
        }
      } finally {
        await more.end();
      }
      const baseline = round(median(runs.hashOnly));
      const common = {
        events: total,
        canonicalBytes: bytes,
        averageEventBytes: round(bytes / total),
        baselineMeasures:
          'SHA-256 (sha256Hex of src/common/canonical.ts) of the canonical JSON strings of the same stored events, computed ahead: hashing only, canonicalisation not timed',
        sha256AloneRunsPerSecond: runs.hashOnly.map((x) => round(x)),
        canonicalAndSha256PerSecond: round(median(runs.canonicalAndHash)),
        canonicalAndSha256RunsPerSecond: runs.canonicalAndHash.map((x) => round(x)),
      };
      const rows: BenchRow[] = [
        row({
          scenario: 'audit',
          case: `${total.toLocaleString('en-US')} events, GET /api/audit-events/verify`,
          metric: 'events/s',
          value: round(median(runs.service)),
          baselineName: 'SHA-256 alone over the same canonical bytes',
          baseline,
          details: {
            ...common,
            measured:
              'one GET /api/audit-events/verify as an auditor over HTTP per run (reads all events from PostgreSQL, recomputes every hash)',
            runsPerSecond: runs.service.map((x) => round(x)),
          },
        }),
        row({
          scenario: 'audit',
          case: `${total.toLocaleString('en-US')} events, offline export verification`,
          metric: 'events/s',
          value: round(median(runs.offline)),
          baselineName: 'SHA-256 alone over the same canonical bytes',
          baseline,
          details: {
            ...common,
            measured:
              'verifyAuditExport (src/audit/audit-export.ts) over the file from GET /api/audit-events/export, with the head from its headers; the download is not timed',
            exportBytes: exported.value.bytes.length,
            exportDownloadMs: round(exported.ms, 1),
            runsPerSecond: runs.offline.map((x) => round(x)),
          },
        }),
        // The same two again beside canonical JSON + SHA-256 in memory: what verification must do
        // for each event at the least, without reading or parsing anything.
        ...(['service', 'offline'] as const).map((side) =>
          row({
            scenario: 'audit',
            case: `${total.toLocaleString('en-US')} events, ${side === 'service' ? 'GET /api/audit-events/verify' : 'offline export verification'}`,
            metric: 'events/s',
            value: round(median(runs[side])),
            baselineName: 'canonical JSON + SHA-256 in memory',
            baseline: round(median(runs.canonicalAndHash)),
            details: { runsPerSecond: runs[side].map((x) => round(x)), baselineRunsPerSecond: runs.canonicalAndHash.map((x) => round(x)) },
          }),
        ),
        row({
          scenario: 'audit',
          case: `${total.toLocaleString('en-US')}+ events, ${newEvents.toLocaleString('en-US')} new since the checkpoint, GET /api/audit-events/verify?mode=incremental`,
          metric: 'ms',
          value: round(median(incremental.ms), 1),
          baselineName: 'full verification (GET /api/audit-events/verify) of the same chain',
          baseline: round(median(incremental.fullMs), 1),
          details: {
            measured:
              'one incremental verification over HTTP per run, after appending the new events (the checkpointed event re-checked, only the new events read), then one full verification of the same chain',
            newEventsPerRun: newEvents,
            chainLengths: incremental.chain,
            incrementalRunsMs: incremental.ms.map((x) => round(x, 1)),
            fullRunsMs: incremental.fullMs.map((x) => round(x, 1)),
          },
        }),
      ];
      return rows;
    } finally {
      await service?.stop();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

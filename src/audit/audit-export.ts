/**
 * Offline verification of an audit export (JSON lines, one event per line, as served by
 * GET /api/audit-events/export). Reads the file only: no database, no configuration.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ChainVerifier } from './audit-chain.js';
import type { ChainVerdict, ChainedEvent } from './audit-chain.js';

/**
 * Recomputes every hash and checks every link of the exported chain. `anchored` (the default)
 * requires the export to start at event 1 from the genesis hash; otherwise it is checked from
 * its first event's `prevHash`.
 */
export async function verifyAuditExport(
  path: string,
  opts: { anchored?: boolean; expectedHead?: { seq: number; hash: string } } = {},
): Promise<ChainVerdict> {
  const verifier = new ChainVerifier({ anchored: opts.anchored ?? true });
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let event: ChainedEvent;
      try {
        event = JSON.parse(text) as ChainedEvent;
      } catch {
        verifier.reportMalformed(`line ${line} is not JSON`);
        break;
      }
      if (!verifier.push(event)) break;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  // A head recorded elsewhere (the export's X-Audit-Head-* headers, a report) catches an export
  // cut short at the end, which the chain alone cannot.
  if (opts.expectedHead) verifier.checkHead(opts.expectedHead);
  return verifier.verdict();
}

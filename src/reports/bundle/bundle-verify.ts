import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import tar from 'tar-stream';
import { hashEvent } from '../../audit/audit-chain.js';
import type { ChainedEvent } from '../../audit/audit-chain.js';
import { canonicalHash, canonicalJson } from '../../common/canonical.js';
import { contentHash } from '../../procedures/definition-validation.js';
import type { ProcedureDefinition } from '../../procedures/procedure-definition.js';
import {
  AUDIT_EVENTS,
  BUNDLE_FORMAT,
  MANIFEST,
  REPORT_MODEL,
  REPORT_PDF,
  auditChainVerification,
  procedureFileName,
} from './bundle-format.js';
import type { BundleManifest, CitedProcedureVersion } from './bundle-format.js';

export interface BundleVerdict {
  valid: boolean;
  /** What was checked, one line each, for the person running the check. */
  checked: string[];
  /** The first problem found. */
  problem?: string;
}

class BundleProblem extends Error {}

const KEPT = /\.(json|jsonl|txt)$/;

/** Reads the archive: hashes every entry, keeps the text entries (the PDF is only hashed). */
function readEntries(path: string): Promise<{ hashes: Map<string, { sha256: string; bytes: number }>; texts: Map<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    const hashes = new Map<string, { sha256: string; bytes: number }>();
    const texts = new Map<string, Buffer>();
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      // Ordinary `tar` re-packing an extracted bundle writes directory entries and `./` prefixes.
      const name = header.name.replace(/^(\.\/)+/, '');
      if (header.type === 'directory' || name === '') {
        stream.on('end', () => next());
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (data: unknown) => {
        const c = data as Buffer;
        hash.update(c);
        bytes += c.length;
        if (KEPT.test(name)) chunks.push(c);
      });
      stream.on('end', () => {
        if (hashes.has(name)) {
          extract.destroy(new BundleProblem(`${name} appears twice in the archive`));
          return;
        }
        hashes.set(name, { sha256: hash.digest('hex'), bytes });
        if (KEPT.test(name)) texts.set(name, Buffer.concat(chunks));
        next();
      });
    });
    extract.on('finish', () => resolve({ hashes, texts }));
    extract.on('error', (e) => reject(e instanceof BundleProblem ? e : new BundleProblem(`not a readable tar archive (${e.message})`)));
    createReadStream(path)
      .on('error', (e) => reject(new BundleProblem(`cannot read ${path}: ${e.message}`)))
      .pipe(extract);
  });
}

function canonicalFile<T>(name: string, bytes: Buffer | undefined): T {
  if (!bytes) throw new BundleProblem(`${name} is missing`);
  let value: T;
  try {
    value = JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new BundleProblem(`${name} is not valid JSON`);
  }
  if (canonicalJson(value) !== bytes.toString('utf8')) throw new BundleProblem(`${name} is not in canonical form: it was edited`);
  return value;
}

/**
 * The manifest is the one file nothing else vouches for: before it is trusted, it must have the
 * members the checks read (a renamed key must be reported, not crash the verifier).
 */
function checkManifestShape(m: BundleManifest): void {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const file = (f: unknown) => isObject(f) && typeof f.path === 'string' && typeof f.sha256 === 'string' && typeof f.bytes === 'number';
  const chain = m.auditChain as unknown;
  const ok =
    Array.isArray(m.files) &&
    m.files.every(file) &&
    isObject(chain) &&
    typeof chain.headSeq === 'number' &&
    typeof chain.headHash === 'string' &&
    typeof chain.eventsInScope === 'number' &&
    typeof m.fingerprint === 'string';
  if (!ok)
    throw new BundleProblem(`${MANIFEST} lacks the members of an evidence bundle manifest (files, fingerprint, auditChain): it was edited`);
}

/** Canonical JSON (absent stays absent): the manifest is read back with its keys sorted, so key order must not count. */
const comparable = (v: unknown): string | undefined => (v === undefined ? undefined : canonicalJson(v));

type ChainVerification = Parameters<typeof auditChainVerification>[0];

/** What the checks read of the bundled report model: a file from outside, so any part may be missing. */
interface BundledModel {
  programme?: { id?: unknown; name?: unknown };
  generatedAt?: unknown;
  generatedBy?: unknown;
  lang?: unknown;
  auditTrail?: { chainHead?: { seq?: unknown; hash?: unknown }; eventsInScope?: unknown; verification?: ChainVerification };
  procedures?: unknown;
}

function same(what: string, a: unknown, b: unknown): void {
  if (comparable(a) !== comparable(b)) throw new BundleProblem(`${what} differs between the manifest and the report model`);
}

/**
 * Verifies an evidence bundle with no database: every file hash, the model fingerprint, the audit
 * events' own hashes and chain links, the cited procedure versions, and the manifest against the
 * model. Stops at the first problem.
 */
export async function verifyBundle(path: string): Promise<BundleVerdict> {
  const checked: string[] = [];
  try {
    const { hashes, texts } = await readEntries(path);
    const manifest = canonicalFile<BundleManifest>(MANIFEST, texts.get(MANIFEST));
    if (manifest.format !== BUNDLE_FORMAT) throw new BundleProblem(`unknown bundle format ${JSON.stringify(manifest.format)}`);
    checkManifestShape(manifest);
    for (const f of manifest.files) {
      const actual = hashes.get(f.path);
      if (!actual) throw new BundleProblem(`${f.path} is listed in the manifest but missing`);
      if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes)
        throw new BundleProblem(`${f.path} does not match its SHA-256 in the manifest: it was changed`);
    }
    const extra = [...hashes.keys()].filter((name) => name !== MANIFEST && !manifest.files.some((f) => f.path === name));
    if (extra.length) throw new BundleProblem(`files not listed in the manifest: ${extra.join(', ')}`);
    // The report is what the bundle is evidence for; a bundle without it is not one, however consistent the rest.
    if (!hashes.has(REPORT_PDF)) throw new BundleProblem(`${REPORT_PDF} is missing`);
    checked.push(`${manifest.files.length} files match their SHA-256 in the manifest`);

    const model = canonicalFile<BundledModel>(REPORT_MODEL, texts.get(REPORT_MODEL));
    const fingerprint = canonicalHash(model);
    if (fingerprint !== manifest.fingerprint)
      throw new BundleProblem(`the report model's fingerprint ${fingerprint} is not the manifest's ${manifest.fingerprint}`);
    checked.push(`report fingerprint ${fingerprint}`);
    same('programme', manifest.programme, { id: model.programme?.id, name: model.programme?.name });
    same('generatedAt', manifest.generatedAt, model.generatedAt);
    same('generatedBy', manifest.generatedBy, model.generatedBy);
    same('lang', manifest.lang, model.lang);
    same('audit chain', manifest.auditChain, {
      headSeq: model.auditTrail?.chainHead?.seq,
      headHash: model.auditTrail?.chainHead?.hash,
      eventsInScope: model.auditTrail?.eventsInScope,
      ...auditChainVerification(model.auditTrail?.verification ?? ({} as ChainVerification)),
    });
    checked.push('the manifest agrees with the report model');

    const events = parseEvents(texts.get(AUDIT_EVENTS));
    let links = 0;
    for (const [i, e] of events.entries()) {
      if (hashEvent(e) !== e.hash) throw new BundleProblem(`audit event ${e.seq} does not match its own hash: it was altered`);
      const prev = events[i - 1];
      if (prev && e.seq <= prev.seq) throw new BundleProblem(`audit event ${e.seq} is out of order`);
      if (prev && e.seq === prev.seq + 1) {
        if (e.prevHash !== prev.hash) throw new BundleProblem(`audit event ${e.seq} does not link to event ${prev.seq}`);
        links++;
      }
      if (e.seq > manifest.auditChain.headSeq)
        throw new BundleProblem(`audit event ${e.seq} lies beyond the chain head ${manifest.auditChain.headSeq}`);
      if (e.seq === manifest.auditChain.headSeq && e.hash !== manifest.auditChain.headHash)
        throw new BundleProblem(`audit event ${e.seq} is not the chain head`);
    }
    if (events.length !== manifest.auditChain.eventsInScope)
      throw new BundleProblem(`${events.length} audit events, but the report counts ${manifest.auditChain.eventsInScope}`);
    checked.push(
      `${events.length} audit events: every hash recomputed, ${links} chain links checked, none beyond head ${manifest.auditChain.headSeq}`,
    );

    const cited = (model.procedures ?? []) as { key: string; version: number; contentHash: string }[];
    for (const p of cited) {
      const name = procedureFileName(p.key, p.version);
      const v = canonicalFile<CitedProcedureVersion>(name, texts.get(name));
      if (contentHash(v.definition as ProcedureDefinition) !== v.contentHash)
        throw new BundleProblem(`${name}: the definition does not match its content hash`);
      if (v.contentHash !== p.contentHash || v.key !== p.key || v.number !== p.version)
        throw new BundleProblem(`${name} is not the version the report cites`);
    }
    checked.push(`${cited.length} procedure versions match their content hashes and the report`);
    return { valid: true, checked };
  } catch (e) {
    if (e instanceof BundleProblem) return { valid: false, checked, problem: e.message };
    throw e;
  }
}

function parseEvents(bytes: Buffer | undefined): ChainedEvent[] {
  if (!bytes) throw new BundleProblem(`${AUDIT_EVENTS} is missing`);
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    try {
      const e = JSON.parse(line) as ChainedEvent;
      if (JSON.stringify(e) !== line) throw new Error('not as written');
      return e;
    } catch {
      throw new BundleProblem(`${AUDIT_EVENTS} line ${i + 1} is not an audit event as exported`);
    }
  });
}

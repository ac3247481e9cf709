#!/usr/bin/env node
// Mentoring QMS: standalone verifier for an evidence bundle (mentoring-qms-evidence-bundle/1).
//
//   node verify.mjs BUNDLE.tar [--json]
//
// Needs Node.js 20 or later and nothing else: no npm install, no build, no database, no network.
// It reads the tar archive itself (ustar, GNU and pax headers) and performs exactly the checks of
// the service's own verifier (`npm run qms -- verify`), stopping at the first problem and naming
// it. docs/EVIDENCE-BUNDLE.md describes the algorithm step by step, for anyone who wants to
// re-implement it rather than trust this file. Exit status: 0 valid, 1 invalid, 2 usage.
//
// A bundle carries a copy of this file, listed in its manifest like every other file. A verifier
// cannot vouch for itself: compare it with the copy published in the repository
// (src/reports/bundle/verify.mjs) before relying on its verdict, or read it: it is short.
import { createHash } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLE_FORMAT = 'mentoring-qms-evidence-bundle/1';
const MANIFEST = 'manifest.json';
const REPORT_PDF = 'report.pdf';
const REPORT_MODEL = 'report-model.json';
const AUDIT_EVENTS = 'audit-events.jsonl';
/** Entries whose bytes are kept for reading; every other entry is only hashed. */
const KEPT = /\.(json|jsonl|txt)$/;
const BLOCK = 512;

class BundleProblem extends Error {}

// ---------------------------------------------------------------------------------------------
// Canonical JSON (RFC 8785) of values read with JSON.parse: object members sorted by the UTF-16
// code units of their names, members whose value is undefined left out, strings and numbers as
// JSON.stringify writes them (ECMAScript Number-to-String), no whitespace.

function canonicalJson(value) {
  const out = canonical(value);
  if (out === undefined) throw new BundleProblem('a value cannot be represented as JSON');
  return out;
}

function canonical(v) {
  if (v === undefined) return undefined;
  if (v === null) return 'null';
  if (typeof v === 'number') {
    // JSON text such as 1e400 reads as Infinity, which canonical JSON cannot represent.
    if (!Number.isFinite(v)) throw new BundleProblem('a number cannot be represented in canonical JSON');
    return JSON.stringify(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map((x) => canonical(x) ?? 'null').join(',') + ']';
  const members = [];
  for (const key of Object.keys(v).sort()) {
    const text = canonical(v[key]);
    if (text !== undefined) members.push(JSON.stringify(key) + ':' + text);
  }
  return '{' + members.join(',') + '}';
}

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
const canonicalHash = (value) => sha256Hex(canonicalJson(value));

// ---------------------------------------------------------------------------------------------
// The tar reader: 512-byte headers, each followed by the entry's data padded to whole blocks;
// two zero blocks (or the end of the file) end the archive.

function text(header, from, length) {
  const raw = header.subarray(from, from + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function number(header, from, length) {
  const raw = header.subarray(from, from + length);
  // GNU base-256 for values too large for octal digits.
  if (raw[0] & 0x80) {
    let n = raw[0] & 0x7f;
    for (let i = 1; i < length; i++) n = n * 256 + raw[i];
    return n;
  }
  const digits = text(header, from, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new BundleProblem(`not a readable tar archive (a header field reads ${JSON.stringify(digits)})`);
  return parseInt(digits, 8);
}

function checksumOk(header) {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  return number(header, 148, 8) === sum;
}

/** Records of a pax extended header: `LENGTH key=value\n`. */
function paxRecords(data) {
  const out = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = parseInt(data.subarray(at, space).toString('ascii'), 10);
    if (!(length > 0)) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/**
 * Reads the archive: hashes every file entry, keeps the text entries (the PDF is only hashed).
 * Directory entries (as ordinary `tar` writes them when re-packing a bundle) are ignored, and a
 * leading `./` is dropped from names; any other kind of entry (a link, a device) is a problem.
 */
function readEntries(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new BundleProblem(`cannot read ${path}: ${e.message}`);
  }
  const hashes = new Map();
  const texts = new Map();
  try {
    let position = 0;
    const read = (length) => {
      const buffer = Buffer.alloc(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buffer, got, length - got, position + got);
        if (n === 0) break;
        got += n;
      }
      position += got;
      return got === length ? buffer : buffer.subarray(0, got);
    };
    const truncated = () => new BundleProblem('not a readable tar archive (it ends in the middle of an entry)');
    let longName;
    let pax = {};
    for (;;) {
      const header = read(BLOCK);
      if (header.length === 0) break;
      if (header.length < BLOCK) throw truncated();
      if (header.every((b) => b === 0)) break;
      if (!checksumOk(header)) throw new BundleProblem('not a readable tar archive (a header checksum is wrong)');
      const type = String.fromCharCode(header[156] || 0x30);
      const size = pax.size !== undefined ? Number(pax.size) : number(header, 124, 12);
      if (!Number.isSafeInteger(size) || size < 0) throw new BundleProblem('not a readable tar archive (an entry size is invalid)');
      const ustar = text(header, 257, 6) === 'ustar';
      const prefix = ustar ? text(header, 345, 155) : '';
      let name = pax.path ?? longName ?? (prefix ? `${prefix}/` : '') + text(header, 0, 100);
      const padded = Math.ceil(size / BLOCK) * BLOCK;

      if (type === 'x' || type === 'L' || type === 'g' || type === 'K') {
        // Metadata for the next entry (pax, GNU long name or link name) or for all (global pax).
        const data = read(padded);
        if (data.length < padded) throw truncated();
        if (type === 'x') pax = { ...pax, ...paxRecords(data.subarray(0, size)) };
        if (type === 'L') longName = text(data, 0, size);
        continue;
      }
      longName = undefined;
      pax = {};
      name = name.replace(/^(\.\/)+/, '');

      if (type === '5' || name === '' || name.endsWith('/')) {
        position += padded;
        continue;
      }
      if (type !== '0' && type !== '7') throw new BundleProblem(`${name} is not a plain file in the archive`);

      const hash = createHash('sha256');
      const chunks = [];
      let left = size;
      while (left > 0) {
        const chunk = read(Math.min(left, 1 << 20));
        if (chunk.length === 0) throw truncated();
        hash.update(chunk);
        if (KEPT.test(name)) chunks.push(chunk);
        left -= chunk.length;
      }
      position += padded - size;
      if (hashes.has(name)) throw new BundleProblem(`${name} appears twice in the archive`);
      hashes.set(name, { sha256: hash.digest('hex'), bytes: size });
      if (KEPT.test(name)) texts.set(name, Buffer.concat(chunks));
    }
  } finally {
    closeSync(fd);
  }
  return { hashes, texts };
}

// ---------------------------------------------------------------------------------------------
// The checks.

function canonicalFile(name, bytes) {
  if (!bytes) throw new BundleProblem(`${name} is missing`);
  let value;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleProblem(`${name} is not valid JSON`);
  }
  let again;
  try {
    again = canonicalJson(value);
  } catch {
    again = undefined;
  }
  if (again !== bytes.toString('utf8')) throw new BundleProblem(`${name} is not in canonical form: it was edited`);
  return value;
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkManifestShape(m) {
  const file = (f) => isObject(f) && typeof f.path === 'string' && typeof f.sha256 === 'string' && typeof f.bytes === 'number';
  const chain = m.auditChain;
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

const comparable = (v) => (v === undefined ? undefined : canonicalJson(v));

function same(what, a, b) {
  if (comparable(a) !== comparable(b)) throw new BundleProblem(`${what} differs between the manifest and the report model`);
}

/** What the manifest records of the report's audit chain verification. */
function auditChainVerification(v) {
  return { valid: v.valid, ...(v.valid ? {} : { firstInvalidSeq: v.firstInvalidSeq }), verifiedThroughSeq: v.throughSeq };
}

/** An audit event's hash: SHA-256 of the canonical JSON of these members, in any order. */
function hashEvent(e) {
  return canonicalHash({
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityVersion: e.entityVersion,
    changes: e.changes,
    reason: e.reason,
    requestId: e.requestId,
    prevHash: e.prevHash,
  });
}

function parseEvents(bytes) {
  if (!bytes) throw new BundleProblem(`${AUDIT_EVENTS} is missing`);
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      e = undefined;
    }
    if (!isObject(e) || JSON.stringify(e) !== line)
      throw new BundleProblem(`${AUDIT_EVENTS} line ${i + 1} is not an audit event as exported`);
    return e;
  });
}

// A procedure definition's content hash is taken over its normalised form: texts as
// { en, sv?, nb? } trimmed, defaults written out, optional members present only when given.
function localised(value) {
  if (typeof value === 'string') return { en: value.trim() };
  const out = { en: value.en.trim() };
  if (value.sv !== undefined) out.sv = value.sv.trim();
  if (value.nb !== undefined) out.nb = value.nb.trim();
  return out;
}

function normaliseDefinition(d) {
  const w = d.window;
  const window = { anchor: w.anchor, fromDays: w.fromDays, toDays: w.toDays };
  if (w.procedure !== undefined) window.procedure = w.procedure;
  if (w.until !== undefined) window.until = { anchor: w.until.anchor, days: w.until.days };
  const out = {
    key: d.key,
    title: localised(d.title),
    purpose: localised(d.purpose),
    subject: d.subject,
    responsibleRoles: [...d.responsibleRoles],
    window,
    ordered: d.ordered ?? true,
    steps: d.steps.map((s) => {
      const step = { key: s.key, title: localised(s.title), required: s.required ?? true, fields: (s.fields ?? []).map(normaliseField) };
      if (s.description !== undefined) step.description = localised(s.description);
      if (s.performerRoles !== undefined) step.performerRoles = [...s.performerRoles];
      if (s.requiredCompetence !== undefined) step.requiredCompetence = s.requiredCompetence.trim();
      if (s.evidence !== undefined) step.evidence = localised(s.evidence);
      return step;
    }),
  };
  if (d.oncePerSubject !== undefined) out.oncePerSubject = d.oncePerSubject;
  if (d.appliesWhen !== undefined) out.appliesWhen = { status: { in: [...d.appliesWhen.status.in] } };
  if (d.afterClose !== undefined) out.afterClose = d.afterClose;
  if (d.recurring !== undefined) {
    out.recurring = { cadenceDays: d.recurring.cadenceDays };
    if (d.recurring.sessions !== undefined) out.recurring.sessions = d.recurring.sessions;
  }
  if (d.attendance === true) out.attendance = true;
  if (d.references !== undefined) out.references = d.references.map((r) => r.trim());
  return out;
}

function normaliseField(f) {
  // A field required under a condition (requiredWhen) defaults to not always required.
  const out = { key: f.key, label: localised(f.label), type: f.type, required: f.required ?? f.requiredWhen === undefined };
  if (f.requiredWhen !== undefined) {
    const c = { field: f.requiredWhen.field };
    if (f.requiredWhen.equals !== undefined) c.equals = f.requiredWhen.equals;
    if (f.requiredWhen.in !== undefined) c.in = [...f.requiredWhen.in];
    out.requiredWhen = c;
  }
  if (f.options !== undefined) out.options = f.options.map((o) => ({ value: o.value, label: localised(o.label) }));
  if (f.items !== undefined) out.items = f.items.map((i) => ({ key: i.key, label: localised(i.label) }));
  if (f.min !== undefined) out.min = f.min;
  if (f.max !== undefined) out.max = f.max;
  if (f.expected !== undefined) out.expected = normaliseExpected(f.expected);
  if (f.effects !== undefined) out.effects = f.effects.map(normaliseEffect);
  if (f.unit !== undefined) out.unit = localised(f.unit);
  if (f.help !== undefined) out.help = localised(f.help);
  return out;
}

function normaliseEffect(e) {
  const when = {};
  if (e.when.equals !== undefined) when.equals = e.when.equals;
  if (e.when.in !== undefined) when.in = [...e.when.in];
  return { when, status: e.status };
}

function normaliseExpected(e) {
  if (typeof e === 'boolean') return e;
  const out = {};
  for (const k of ['min', 'max']) if (e[k] !== undefined) out[k] = e[k];
  for (const k of ['oneOf', 'ticked']) if (e[k] !== undefined) out[k] = [...e[k]];
  return out;
}

function definitionHash(definition) {
  try {
    return canonicalHash(normaliseDefinition(JSON.parse(JSON.stringify(definition))));
  } catch {
    return undefined;
  }
}

/**
 * Verifies the bundle at `path`. Returns { valid, checked: [what was checked, one line each],
 * problem?: the first problem found }. The service's own `npm run qms -- verify` imports this
 * function, so there is one verifier, and the file an auditor runs is the one the tests run.
 */
export function verifyBundle(path) {
  const checked = [];
  try {
    const { hashes, texts } = readEntries(path);
    const manifest = canonicalFile(MANIFEST, texts.get(MANIFEST));
    if (!isObject(manifest) || manifest.format !== BUNDLE_FORMAT)
      throw new BundleProblem(`unknown bundle format ${JSON.stringify(manifest?.format)}`);
    checkManifestShape(manifest);
    for (const f of manifest.files) {
      const actual = hashes.get(f.path);
      if (!actual) throw new BundleProblem(`${f.path} is listed in the manifest but missing`);
      if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes)
        throw new BundleProblem(`${f.path} does not match its SHA-256 in the manifest: it was changed`);
    }
    const extra = [...hashes.keys()].filter((name) => name !== MANIFEST && !manifest.files.some((f) => f.path === name));
    if (extra.length) throw new BundleProblem(`files not listed in the manifest: ${extra.join(', ')}`);
    if (!hashes.has(REPORT_PDF)) throw new BundleProblem(`${REPORT_PDF} is missing`);
    checked.push(`${manifest.files.length} files match their SHA-256 in the manifest`);

    const model = canonicalFile(REPORT_MODEL, texts.get(REPORT_MODEL));
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
      ...auditChainVerification(model.auditTrail?.verification ?? {}),
    });
    checked.push('the manifest agrees with the report model');

    const events = parseEvents(texts.get(AUDIT_EVENTS));
    const head = manifest.auditChain;
    let links = 0;
    for (const [i, e] of events.entries()) {
      if (hashEvent(e) !== e.hash) throw new BundleProblem(`audit event ${e.seq} does not match its own hash: it was altered`);
      const prev = events[i - 1];
      if (prev && e.seq <= prev.seq) throw new BundleProblem(`audit event ${e.seq} is out of order`);
      if (prev && e.seq === prev.seq + 1) {
        if (e.prevHash !== prev.hash) throw new BundleProblem(`audit event ${e.seq} does not link to event ${prev.seq}`);
        links++;
      }
      if (e.seq > head.headSeq) throw new BundleProblem(`audit event ${e.seq} lies beyond the chain head ${head.headSeq}`);
      if (e.seq === head.headSeq && e.hash !== head.headHash) throw new BundleProblem(`audit event ${e.seq} is not the chain head`);
    }
    if (events.length !== head.eventsInScope)
      throw new BundleProblem(`${events.length} audit events, but the report counts ${head.eventsInScope}`);
    checked.push(`${events.length} audit events: every hash recomputed, ${links} chain links checked, none beyond head ${head.headSeq}`);

    const cited = Array.isArray(model.procedures) ? model.procedures : [];
    for (const p of cited) {
      const name = `procedures/${p.key}-v${p.version}.json`;
      const v = canonicalFile(name, texts.get(name));
      if (!isObject(v) || definitionHash(v.definition) !== v.contentHash)
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

function main(args) {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0].startsWith('-')) {
    process.stderr.write('usage: node verify.mjs BUNDLE.tar [--json]\n');
    return 2;
  }
  const v = verifyBundle(files[0]);
  if (json) {
    process.stdout.write(JSON.stringify(v) + '\n');
    return v.valid ? 0 : 1;
  }
  for (const line of v.checked) process.stdout.write(`  ok  ${line}\n`);
  if (!v.valid) {
    process.stderr.write(`INVALID: ${v.problem}\n`);
    return 1;
  }
  process.stdout.write('VALID: the bundle is exactly as it was exported.\n');
  return 0;
}

/** True when this file is the program node was asked to run (not imported by the service). */
function runAsProgram() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runAsProgram()) process.exitCode = main(process.argv.slice(2));

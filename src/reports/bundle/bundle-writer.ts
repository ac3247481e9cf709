import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { canonicalJson } from '../../common/canonical.js';
import { MANIFEST } from './bundle-format.js';
import type { BundleFile, BundleManifest } from './bundle-format.js';

/** A file to put in the bundle: bytes in memory, or a file on disk (the PDF can be large). */
export type BundleEntry = { path: string; data: Buffer } | { path: string; file: string };

async function describe(entry: BundleEntry): Promise<BundleFile> {
  if ('data' in entry) return { path: entry.path, sha256: createHash('sha256').update(entry.data).digest('hex'), bytes: entry.data.length };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(entry.file)) hash.update(chunk as Buffer);
  return { path: entry.path, sha256: hash.digest('hex'), bytes: statSync(entry.file).size };
}

/**
 * Writes the tar archive: the manifest first (canonical JSON), then the entries in the given
 * order, all with the same modification time so the same inputs give the same bytes.
 */
export async function writeBundle(
  out: Writable,
  manifest: Omit<BundleManifest, 'files'>,
  entries: BundleEntry[],
  mtime: Date,
): Promise<BundleManifest> {
  const files: BundleFile[] = [];
  for (const e of entries) files.push(await describe(e));
  const full: BundleManifest = { ...manifest, files };
  const pack = tar.pack();
  const done = pipeline(pack, out);
  const header = (name: string, size: number) => ({
    name,
    size,
    mtime,
    mode: 0o644,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    type: 'file' as const,
  });
  const manifestBytes = Buffer.from(canonicalJson(full));
  pack.entry(header(MANIFEST, manifestBytes.length), manifestBytes);
  for (const [i, e] of entries.entries()) {
    if ('data' in e) {
      pack.entry(header(e.path, e.data.length), e.data);
    } else {
      await new Promise<void>((resolve, reject) => {
        const sink = pack.entry(header(e.path, files[i].bytes), (err) => (err ? reject(err) : resolve()));
        createReadStream(e.file).on('error', reject).pipe(sink);
      });
    }
  }
  pack.finalize();
  await done;
  return full;
}

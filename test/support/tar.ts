/**
 * Just enough of the tar format to tamper with an evidence bundle the way an attacker would:
 * find where each entry's data lies (ustar headers, 512-byte blocks) to change one byte in it
 * while the archive stays well-formed, or pack a new archive from edited entries.
 */
import tar from 'tar-stream';

export interface TarEntry {
  name: string;
  /** Offset of the entry's data in the archive. */
  offset: number;
  size: number;
  data: Buffer;
}

const BLOCK = 512;

function field(header: Buffer, from: number, length: number): string {
  const raw = header.subarray(from, from + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

/** The file entries of an uncompressed tar archive, in order. */
export function tarEntries(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(header, 0, 100);
    const offset = at + BLOCK;
    if (type !== '0') throw new Error(`unexpected tar entry type ${JSON.stringify(type)} for ${name}`);
    entries.push({ name, offset, size, data: archive.subarray(offset, offset + size) });
    at = offset + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

/** A copy of the archive with the byte at `offset` changed (to another value, by flipping its lowest bit). */
export function withByteChanged(archive: Buffer, offset: number): Buffer {
  const copy = Buffer.from(archive);
  copy[offset] ^= 0x01;
  return copy;
}

/** Packs `entries` (in order) into a new archive. */
export async function packTar(entries: { name: string; data: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) pack.entry({ name: e.name, size: e.data.length, mtime: new Date(0) }, e.data);
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * What a document's file may be, judged from its bytes: PDF, DOCX, PNG or JPEG. The client's
 * claim (the part's media type, the name's extension) is checked against the content, never
 * trusted instead of it; names are cleaned so they are safe in a header and on any disk.
 */
import { createHash } from 'node:crypto';

export const FILE_TYPES = {
  'application/pdf': { extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'] },
  'image/png': { extensions: ['png'] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'] },
} as const;
export type FileMediaType = keyof typeof FILE_TYPES;
export const FILE_MEDIA_TYPES = Object.keys(FILE_TYPES) as FileMediaType[];

const starts = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/**
 * The media type the content is, from its magic bytes, or null. A DOCX is a ZIP (PK\3\4) holding
 * `[Content_Types].xml` and a `word/` part; the ZIP stores entry names uncompressed, so they can be
 * found in the bytes.
 */
export function detectMediaType(content: Buffer): FileMediaType | null {
  if (starts(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(content, [0x50, 0x4b, 0x03, 0x04]) && content.includes('[Content_Types].xml') && content.includes('word/')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** The lower-case extension of a name, or null. */
function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? m[1].toLowerCase() : null;
}

const KNOWN_EXTENSIONS = new Set<string>(Object.values(FILE_TYPES).flatMap((t) => [...t.extensions]));

export type FileCheck = { ok: true; mediaType: FileMediaType; filename: string } | { ok: false; reason: string };

/**
 * Whether an uploaded file is acceptable, and under which name and type it is kept: the content
 * must be one of the four types; a media type or extension the client gave must agree with it.
 */
export function checkFile(originalName: string, claimedType: string | undefined, content: Buffer): FileCheck {
  const filename = sanitiseFilename(originalName);
  if (content.length === 0) return { ok: false, reason: `${filename} is empty` };
  const mediaType = detectMediaType(content);
  if (!mediaType) return { ok: false, reason: `${filename} is not a PDF, DOCX, PNG or JPEG file (judged from its content)` };
  const claimed = claimedType?.split(';')[0].trim().toLowerCase();
  if (claimed && claimed in FILE_TYPES && claimed !== mediaType) {
    return { ok: false, reason: `${filename} is sent as ${claimed} but its content is ${mediaType}` };
  }
  const ext = extensionOf(filename);
  const expected: readonly string[] = FILE_TYPES[mediaType].extensions;
  if (ext && KNOWN_EXTENSIONS.has(ext) && !expected.includes(ext)) {
    return { ok: false, reason: `${filename} is named .${ext} but its content is ${mediaType}` };
  }
  return { ok: true, mediaType, filename: ext && expected.includes(ext) ? filename : `${filename}.${expected[0]}` };
}

const MAX_NAME = 200;

/**
 * A file name safe to store and to send back: the last path segment only, Unicode NFC, no control
 * characters or characters that are special on some file systems, no leading dots, at most 200
 * characters (the extension kept). A name with nothing left becomes `file`.
 */
export function sanitiseFilename(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  let clean = last
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (clean.length > MAX_NAME) {
    const ext = extensionOf(clean);
    const tail = ext ? `.${ext}` : '';
    clean = clean.slice(0, MAX_NAME - tail.length).trimEnd() + tail;
  }
  return clean === '' ? 'file' : clean;
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** `Content-Disposition` for a download: an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

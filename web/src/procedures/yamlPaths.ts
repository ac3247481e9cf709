/**
 * Where a problem is in the YAML text: paths as the service writes them (`definition.steps[1].key`)
 * or as JSON Schema instance locations (`#/steps/1/key`), turned into a line of the text.
 */
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';

export type Segment = string | number;

export function servicePath(field: string): Segment[] {
  const inner = field.replace(/^definition\.?/, '');
  const out: Segment[] = [];
  for (const part of inner.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    out.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part);
  }
  return out;
}

export function pointerPath(location: string): Segment[] {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  value: unknown;
  /** A syntax error, with its line. */
  syntax?: { line: number; message: string };
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line;
    return { doc, lines, value: undefined, syntax: { line, message: e.message.split('\n')[0] } };
  }
  return { doc, lines, value: doc.toJS() };
}

/** The line (1-based) of the deepest node of `path` present in the document. */
export function lineOf(parsed: ParsedYaml, path: Segment[]): number {
  let node: unknown = parsed.doc.contents;
  let offset = (parsed.doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return parsed.lines.linePos(offset).line;
}

/**
 * No import cycles between the folders of src/: a folder that imports another must not be
 * imported back by it, directly or through others. Type-only imports count (they are design
 * dependencies too). The files directly in src/ (main.ts, app.module.ts, data-source-options.ts)
 * are the composition root, which imports everything and is imported by no folder but the command
 * line's. Reads the source files; needs no database.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../src');

interface Edge {
  file: string;
  specifier: string;
  from: string;
  to: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

function folderEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const path of sourceFiles(SRC)) {
    const file = relative(SRC, path).split(sep).join('/');
    const from = file.split('/')[0];
    if (!file.includes('/')) continue; // main.ts, app.module.ts: the composition root imports everything
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(path), specifier))
        .split(sep)
        .join('/');
      if (target.startsWith('..') || !target.includes('/')) continue;
      const to = target.split('/')[0];
      if (to !== from) edges.push({ file, specifier, from, to });
    }
  }
  return edges;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    graph.get(e.from)!.add(e.to);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('folders of src/', () => {
  const edges = folderEdges();

  it('import one another without cycles', () => {
    const found = cycles(edges).map((component) => ({
      folders: component,
      imports: edges
        .filter((e) => component.includes(e.from) && component.includes(e.to))
        .map((e) => `${e.file} -> ${e.specifier}`)
        .sort(),
    }));
    expect(found).toEqual([]);
  });

  it('keeps the shared kernel at the bottom: common/ imports no other folder, config/ only common/', () => {
    const upwards = edges
      .filter((e) => (e.from === 'common' ? true : e.from === 'config' ? e.to !== 'common' : false))
      .map((e) => `${e.file} -> ${e.specifier}`);
    expect(upwards).toEqual([]);
  });

  it('finds the cycles it is meant to find', () => {
    const a = { file: 'a/x.ts', specifier: '../b/y.js', from: 'a', to: 'b' };
    const b = { file: 'b/y.ts', specifier: '../c/z.js', from: 'b', to: 'c' };
    const c = { file: 'c/z.ts', specifier: '../a/x.js', from: 'c', to: 'a' };
    expect(cycles([a, b, c])).toEqual([['a', 'b', 'c']]);
    expect(cycles([a, b])).toEqual([]);
  });
});

/**
 * No import cycles between the folders of src/: a folder that imports another must not be
 * imported back by it, directly or through others. Type-only imports count (they are design
 * dependencies too). Reads the source files; needs no database.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../src');

/**
 * Imports known to close a cycle, each to be removed as the cycle is broken (the test fails when
 * one no longer exists, so the list only shrinks). Keyed by importing file, listing the folders
 * it may import against the grain.
 */
const KNOWN_BACK_EDGES: Record<string, string[]> = {
  // The entity registry: the data source must know every table. To go: entities registered by
  // their modules (TypeOrmModule.forFeature) or the list moved to the composition root.
  'database/entities.ts': [
    'audit',
    'corrective-actions',
    'deviations',
    'executions',
    'management-reviews',
    'procedures',
    'programmes',
    'signatures',
    'training',
    'users',
  ],
  // common/ and config/ should depend on nothing of the features.
  'common/idempotency.interceptor.ts': ['auth', 'database'],
  'common/request-context.ts': ['auth'],
  'common/calendar.ts': ['procedures'],
  'common/clock.ts': ['config'],
  'config/config.ts': ['auth', 'common'],
};

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
  const known = (e: Edge) => KNOWN_BACK_EDGES[e.file]?.includes(e.to) ?? false;

  it('import one another without cycles (apart from the listed back edges still to break)', () => {
    const remaining = edges.filter((e) => !known(e));
    const found = cycles(remaining).map((component) => ({
      folders: component,
      imports: remaining
        .filter((e) => component.includes(e.from) && component.includes(e.to))
        .map((e) => `${e.file} -> ${e.specifier}`)
        .sort(),
    }));
    expect(found).toEqual([]);
  });

  it('still has every listed back edge (remove an entry once its cycle is broken)', () => {
    const gone = Object.entries(KNOWN_BACK_EDGES).flatMap(([file, folders]) =>
      folders.filter((to) => !edges.some((e) => e.file === file && e.to === to)).map((to) => `${file} -> ${to}`),
    );
    expect(gone).toEqual([]);
  });

  it('finds the cycles it is meant to find', () => {
    const a = { file: 'a/x.ts', specifier: '../b/y.js', from: 'a', to: 'b' };
    const b = { file: 'b/y.ts', specifier: '../c/z.js', from: 'b', to: 'c' };
    const c = { file: 'c/z.ts', specifier: '../a/x.js', from: 'c', to: 'a' };
    expect(cycles([a, b, c])).toEqual([['a', 'b', 'c']]);
    expect(cycles([a, b])).toEqual([]);
  });
});

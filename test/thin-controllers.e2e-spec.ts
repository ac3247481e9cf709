/**
 * One response convention: a service returns the response DTO, built by its module's mapper
 * (`<x>.mapper.ts`); a controller only does HTTP (route, policy, status, ETag, Location and other
 * headers, streams). Read from the sources of src/<module>/*.controller.ts; needs no database.
 *
 * Mapping functions (`toXResponse`) are declared in mapper files only, so a reader finds every
 * response's shape in `<module>/<x>.mapper.ts`.
 *
 * A controller
 *  - imports no mapper (`*.mapper.js`) and no entity (`*.entity.js`), not even as a type: it never
 *    holds what a service would have to map;
 *  - calls no mapping function (`toXResponse(...)`), wherever that function is declared;
 *  - calls at most one method of what it is given (`this.<dependency>.<method>(...)`) per route
 *    handler, counting the calls made through the controller's own helper methods: a second call
 *    is a use case (write, then re-read; read, then check access) that belongs in a service, where
 *    it can share the transaction.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../src');

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
const MAPPING_FUNCTION = /^to[A-Z]\w*(Response|Dto|View)$/;

interface Finding {
  controller: string;
  problem: string;
}

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((d) => {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    return ts.isIdentifier(callee) ? callee.text : callee.getText();
  });
}

/** `this.<dependency>.<method>(...)` calls and `this.<helper>(...)` calls inside a node. */
function callsIn(node: ts.Node): { dependencyCalls: string[]; helperCalls: string[]; mappingCalls: string[] } {
  const dependencyCalls: string[] = [];
  const helperCalls: string[] = [];
  const mappingCalls: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const target = callee.expression;
        if (target.kind === ts.SyntaxKind.ThisKeyword) helperCalls.push(callee.name.text);
        else if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword)
          dependencyCalls.push(`this.${target.name.text}.${callee.name.text}`);
        if (MAPPING_FUNCTION.test(callee.name.text)) mappingCalls.push(callee.name.text);
      } else if (ts.isIdentifier(callee) && MAPPING_FUNCTION.test(callee.text)) mappingCalls.push(callee.text);
      // a mapping function passed by name: `.map(toXResponse)`
      for (const a of n.arguments) if (ts.isIdentifier(a) && MAPPING_FUNCTION.test(a.text)) mappingCalls.push(a.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return { dependencyCalls, helperCalls, mappingCalls };
}

export function inspectController(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (problem: string) => findings.push({ controller: file, problem });
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const spec = stmt.moduleSpecifier.text;
      if (/\.mapper\.js$/.test(spec)) report(`imports the mapper ${spec}`);
      if (/\.entity\.js$/.test(spec)) report(`imports the entity ${spec}`);
    }
  }
  const classes = sf.statements.filter(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && decoratorNames(s).includes('Controller'),
  );
  for (const c of sf.statements)
    if (ts.isFunctionDeclaration(c))
      for (const name of callsIn(c).mappingCalls) report(`calls the mapping function ${name} (in ${c.name?.text ?? 'a function'})`);
  for (const cls of classes) {
    const methods = new Map<string, ts.MethodDeclaration>();
    for (const m of cls.members) if (ts.isMethodDeclaration(m) && ts.isIdentifier(m.name)) methods.set(m.name.text, m);
    /** Dependency calls of a method, through the helpers it calls (each helper counted once). */
    const reach = (name: string, seen: Set<string>): string[] => {
      const m = methods.get(name);
      if (!m || seen.has(name)) return [];
      seen.add(name);
      const { dependencyCalls, helperCalls } = callsIn(m);
      return [...dependencyCalls, ...helperCalls.flatMap((h) => reach(h, seen))];
    };
    for (const [name, m] of methods) {
      for (const fn of callsIn(m).mappingCalls) report(`${cls.name?.text}.${name} calls the mapping function ${fn}`);
      if (!decoratorNames(m).some((d) => HTTP_METHODS.has(d))) continue;
      const calls = reach(name, new Set());
      if (calls.length > 1)
        report(`${cls.name?.text}.${name} calls ${calls.length} methods (${calls.join(', ')}); one service method should answer`);
    }
  }
  return findings;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, d.name);
    if (d.isDirectory()) sourceFiles(path, out);
    else if (d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

/** Mapping functions declared outside a mapper file. */
export function strayMappers(file: string, source: string): string[] {
  if (file.endsWith('.mapper.ts')) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  return sf.statements
    .filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name && MAPPING_FUNCTION.test(s.name.text))
    .map((s) => `${file}: ${s.name!.text}`);
}

function controllers(): string[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(SRC, d.name))
        .filter((f) => f.endsWith('.controller.ts'))
        .map((f) => `${d.name}/${f}`),
    );
}

describe('controllers', () => {
  const all = controllers();

  it('are found (the check reads something)', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('only do HTTP: no mapper or entity, no mapping call, one service call per route', () => {
    const findings = all
      .flatMap((file) => inspectController(file, readFileSync(join(SRC, file), 'utf8')))
      .map((f) => `${f.controller}: ${f.problem}`);
    expect(findings).toEqual([]);
  });

  it('take their responses from mapping functions declared in mapper files only', () => {
    const stray = sourceFiles(SRC).flatMap((path) => strayMappers(path.slice(SRC.length + 1), readFileSync(path, 'utf8')));
    expect(stray).toEqual([]);
    expect(strayMappers('x/x.dto.ts', 'export function toXResponse(x: X): XResponse { return x; }')).toEqual(['x/x.dto.ts: toXResponse']);
    expect(strayMappers('x/x.mapper.ts', 'export function toXResponse(x: X): XResponse { return x; }')).toEqual([]);
  });

  it('finds what it is meant to find', () => {
    const bad = `
      import { toThingResponse } from './thing.mapper.js';
      import type { Thing } from './thing.entity.js';
      @Controller('api/things')
      export class ThingsController {
        constructor(private readonly things: ThingsService, private readonly queries: ThingQueries) {}
        @Post()
        async create(@Body() body: X) {
          const t = await this.things.create(body);
          return this.detail(t.id);
        }
        @Get()
        async list() {
          return (await this.things.list()).map(toThingResponse);
        }
        private async detail(id: string) {
          return this.queries.get(id);
        }
      }`;
    expect(inspectController('things/things.controller.ts', bad).map((f) => f.problem)).toEqual([
      'imports the mapper ./thing.mapper.js',
      'imports the entity ./thing.entity.js',
      'ThingsController.create calls 2 methods (this.things.create, this.queries.get); one service method should answer',
      'ThingsController.list calls the mapping function toThingResponse',
    ]);
    const good = `
      import { ThingResponse } from './thing.dto.js';
      @Controller('api/things')
      export class ThingsController {
        constructor(private readonly things: ThingsService) {}
        @Post()
        async create(@Body() body: X, @Res({ passthrough: true }) res: Response): Promise<ThingResponse> {
          const t = await this.things.create(body);
          res.setHeader('Location', '/api/things/' + t.id);
          setETag(res, t.version);
          return t;
        }
      }`;
    expect(inspectController('things/things.controller.ts', good)).toEqual([]);
  });
});

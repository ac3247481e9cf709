// ESLint rule `qms/module-boundaries`: a module (a folder of src/) reaches another module only
// through what that module publishes: its services, queries files (`<module>.queries.ts`), mappers,
// DTOs, Nest module classes and plain domain files. Refused, with a message saying what to do:
//   - a value import of another module's entity (`*.entity.ts`): with the class in hand, code can
//     query the owner's table (`getRepository(X)`) behind its back. A type-only import is allowed:
//     a type cannot reach the database, and services return entities to their callers;
//   - any import of another module's controller (`*.controller.ts`): controllers are HTTP edges,
//     not a module's interface; what they hold for others (route parameters) lives in a DTO file;
//   - an import of a file another module declares internal (`internal` below).
// Exceptions name the importing file, what it may import, and why.
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

/** Files a module keeps to itself (path inside src/). */
const INTERNAL = new Set([
  // Loads an execution with everything its judgement needs, for the executions use cases alone.
  'executions/execution-loader.ts',
]);

/** What some files may import against the rule, and why: importing file -> kinds allowed. */
const EXCEPTIONS = {
  // The entity registry: the data source must know every table (the composition root's list).
  'database/entities.ts': ['entity'],
  // Still read programmes' and procedures' rows through their entities; they move behind
  // programmes.queries and procedures.queries with the executions' remaining reads (issue 12).
  'executions/execution-loader.ts': ['entity'],
  'executions/executions.service.ts': ['entity'],
};

const kindOf = (target) =>
  INTERNAL.has(target) ? 'internal' : target.endsWith('.entity.ts') ? 'entity' : target.endsWith('.controller.ts') ? 'controller' : null;

const MESSAGES = {
  entity:
    "{{from}} imports the entity {{target}} of module '{{owner}}' as a value. Reach its rows through the owner's exported functions " +
    '({{owner}}/{{owner}}.queries.ts or its service); a type-only import (`import type`) is allowed.',
  controller:
    "{{from}} imports the controller {{target}} of module '{{owner}}'. Controllers are HTTP edges: move what you need " +
    "(a route parameter, a helper) into a DTO or another file of '{{owner}}' and import that.",
  internal:
    "{{from}} imports {{target}}, which module '{{owner}}' keeps to itself. Use what '{{owner}}' exports (its service or queries file).",
};

function srcPath(file) {
  const rel = relative(SRC, file);
  return rel.startsWith('..') ? null : rel.split(sep).join('/');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Refuses imports of another module's entities (as values), controllers and internal files" },
    messages: MESSAGES,
    schema: [],
  },
  create(context) {
    const from = srcPath(context.filename);
    if (from === null || !from.includes('/')) return {}; // outside src/, or the composition root (main.ts, app.module.ts)
    const module = from.split('/')[0];
    const allowed = EXCEPTIONS[from] ?? [];
    const check = (node, specifier, typeOnly) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = srcPath(resolve(dirname(context.filename), specifier.replace(/\.js$/, '.ts')));
      if (target === null || !target.includes('/')) return;
      const owner = target.split('/')[0];
      if (owner === module) return;
      const kind = kindOf(target);
      if (kind === null || allowed.includes(kind) || (kind === 'entity' && typeOnly)) return;
      context.report({ node, messageId: kind, data: { from, target, owner } });
    };
    const typeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default { rules: { 'module-boundaries': rule } };

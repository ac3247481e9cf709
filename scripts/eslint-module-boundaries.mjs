// ESLint rule `qms/module-boundaries`: a module (a folder of src/) reaches another module only
// through what that module publishes:
//   - its services, queries files (`<module>.queries.ts`), mappers, DTOs and Nest module classes;
//   - the files it lists in PUBLISHED below (plain domain logic and vocabularies: states, roles,
//     definitions, policies);
//   - its entities as types only (`import type`): services return entities to their callers, but
//     with the class in hand code could query the owner's table (`getRepository(X)`) behind its back.
// Everything else is the module's own: a controller (an HTTP edge, never an interface), a loader,
// a helper. The shared kernel (common/, config/, database/) is open to all. Exceptions name the
// importing file, what it may import, and why.
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

/** Folders every module may use whole: infrastructure, not features. */
const SHARED = new Set(['common', 'config', 'database']);

/** What a module's file name says it publishes. */
const PUBLIC_KINDS = /\.(service|queries|mapper|dto|module)\.ts$/;

/** Further files modules publish (path inside src/), each for a reason. */
const PUBLISHED = new Set([
  // The audit chain's event shape and its export, read by reports and the command line.
  'audit/audit-chain.ts',
  'audit/audit-export.ts',
  // Route policies, password hashing, and the accounts port users/ provides. (Roles and the
  // password rules are in common/: the request context and the configuration need them.)
  'auth/policy.ts',
  'auth/passwords.ts',
  'auth/accounts.ts',
  // The throttle of attempts per address: survey links count unknown tokens as sign-in counts wrong passwords.
  'auth/attempt-throttle.ts',
  // Vocabularies and state machines other modules count and label by.
  'corrective-actions/action-states.ts',
  'deviations/deviation-states.ts',
  'programmes/participant-kinds.ts',
  'procedures/procedure-definition.ts',
  'procedures/document-control.ts',
  'executions/subject-status.ts',
  // The conformance rules (pure evaluation) whose findings reports label.
  'executions/conformance.ts',
  // The cadence rule of recurring activities (pure): the scan words and dates the gaps it opens deviations for.
  'executions/cadence.ts',
  'indicators/indicator-math.ts',
  // The risk register's ratings, bands and heat map (pure), printed in the register PDF.
  'risks/risk-rating.ts',
  // The deviations module's ports (provided by the modules above it), its detector (used by
  // executions and the scan) and the steps a deviation concerns (shown in reports).
  'deviations/deviation-ports.ts',
  'deviations/deviation-detector.ts',
  'deviations/deviation-steps.ts',
  // Who may see and change a programme, its roles and calendar.
  'programmes/programme-access.ts',
  'programmes/programme-roles.ts',
  'programmes/programme-dates.ts',
  // The guard that refuses work needing procedures in force while the shipped baseline awaits adoption.
  'procedures/baseline-gate.ts',
  // Definition checks for the command line's validation of procedure files.
  'procedures/definition-validation.ts',
  // What the command line and the demo run.
  'demo/demo.ts',
  'demo/demo-context.ts',
  'reports/evidence-report-file.ts',
  'reports/bundle/verify.mjs',
  'users/command-context.ts',
]);

/**
 * What some files may import against the rule, and why: importing file -> kinds allowed. None
 * today: the entity registry lives in the composition root (src/data-source-options.ts), which the
 * rule does not check.
 */
const EXCEPTIONS = {};

function kindOf(target) {
  if (target.endsWith('.controller.ts')) return 'controller';
  if (target.endsWith('.entity.ts')) return 'entity';
  if (PUBLIC_KINDS.test(target) || PUBLISHED.has(target)) return null;
  return 'internal';
}

const MESSAGES = {
  entity:
    "{{from}} imports the entity {{target}} of module '{{owner}}' as a value. Reach its rows through the owner's exported functions " +
    '({{owner}}/{{owner}}.queries.ts or its service); a type-only import (`import type`) is allowed.',
  controller:
    "{{from}} imports the controller {{target}} of module '{{owner}}'. Controllers are HTTP edges: move what you need " +
    "(a route parameter, a helper) into a DTO or another file of '{{owner}}' and import that.",
  internal:
    "{{from}} imports {{target}}, which module '{{owner}}' does not publish. Use its service, queries file, mapper or DTO; " +
    'if the file is meant for other modules, add it to PUBLISHED in scripts/eslint-module-boundaries.mjs with the reason.',
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
      if (owner === module || SHARED.has(owner)) return;
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

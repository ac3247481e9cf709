/**
 * Reading and checking procedure definitions: YAML text -> schema -> normalisation -> rules.
 * Pure apart from loadProcedureDirectory, which reads files; no Nest, no database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { canonicalHash, toPlainJson } from '../common/canonical.js';
import type { ProcedureDefinition } from './procedure-definition.js';
import { parsePath, type DefinitionProblem } from './definition-problem.js';
import { schemaProblems } from './definition-schema.js';
import { normaliseDefinition, type DefinitionInput } from './definition-normalise.js';
import { definitionRuleProblems } from './definition-rules.js';
import { definitionSetProblems, type DefinitionFile, type KnownProcedures } from './definition-set.js';

export type { DefinitionProblem } from './definition-problem.js';
export type { DefinitionFile, KnownProcedures } from './definition-set.js';

export type ValidationResult = { ok: true; definition: ProcedureDefinition } | { ok: false; problems: DefinitionProblem[] };

export type ParseResult =
  | { ok: true; value: unknown; locate: (path: string) => { line: number; column: number } | undefined }
  | { ok: false; problems: DefinitionProblem[] };

/**
 * Parses one YAML document (YAML 1.2 core schema: `yes`/`no` stay text). Syntax errors, duplicate
 * keys and extra documents come back as problems with 1-based line and column. `locate` maps a
 * problem path to the line of the nearest node that exists, for messages on valid YAML.
 */
export function parseProcedureYaml(text: string, fileName?: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        const where = fileName === undefined ? '' : `${fileName}: `;
        return { path: '', message: `${where}YAML syntax error at line ${line}, column ${col}: ${firstLine(e.message)}`, line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    // Aliases are allowed (authors reuse option lists) but bounded against alias bombs.
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `YAML could not be read: ${(e as Error).message}` }] };
  }
  return { ok: true, value, locate: (path) => locate(doc, lineCounter, path) };
}

/**
 * Checks a definition (as parsed from YAML or received as JSON) and returns it normalised:
 * texts as objects, defaults filled in. Schema problems are reported first and alone, because
 * the rules assume the structure the schema guarantees; then every rule problem at once.
 */
export function validateDefinition(input: unknown): ValidationResult {
  const structural = schemaProblems(input);
  if (structural.length > 0) return { ok: false, problems: structural };
  const definition = normaliseDefinition(input as DefinitionInput);
  const problems = definitionRuleProblems(definition);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}

/** parseProcedureYaml + validateDefinition, with YAML line numbers on every problem. */
export function validateProcedureYaml(text: string, fileName?: string): ValidationResult {
  const parsed = parseProcedureYaml(text, fileName);
  if (!parsed.ok) return parsed;
  const result = validateDefinition(parsed.value);
  if (result.ok) return result;
  return { ok: false, problems: located(result.problems, parsed.locate) };
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the normalised definition: the same content
 * gives the same hash whatever the YAML formatting or key order. Normalising again is harmless
 * (it is idempotent) and protects against a definition assembled by hand.
 */
export function contentHash(definition: ProcedureDefinition): string {
  return canonicalHash(normaliseDefinition(toPlainJson(definition)));
}

export interface LoadedProcedure extends DefinitionFile {
  contentHash: string;
}

export interface LoadOptions {
  /** Procedures that exist besides the directory (e.g. in the database), for anchor checks. */
  known?: KnownProcedures;
}

/** Refusal of a procedure directory: the first file with problems, and all of its problems. */
export class ProcedureFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(`${file}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
    this.name = 'ProcedureFileError';
  }
}

/**
 * Reads every `*.yaml` / `*.yml` file of a directory in name order, validates each, then checks
 * the set (unique keys, anchors that exist and fit, no circles). The file name without extension
 * must equal the procedure's key, so that a procedure is found where its key says.
 * Throws ProcedureFileError for the first file with problems.
 *
 * Synchronous on purpose: it runs once at start-up on a handful of small files, before the
 * import transaction opens, and a caller cannot forget to await it.
 */
export function loadProcedureDirectory(dir: string, options: LoadOptions = {}): { definitions: LoadedProcedure[] } {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  const files: DefinitionFile[] = [];
  const locators = new Map<string, Locate>();
  for (const file of names) {
    const text = readFileSync(join(dir, file), 'utf8');
    const parsed = parseProcedureYaml(text);
    if (!parsed.ok) throw new ProcedureFileError(file, parsed.problems);
    const result = validateDefinition(parsed.value);
    if (!result.ok) throw new ProcedureFileError(file, located(result.problems, parsed.locate));
    const expected = file.replace(/\.ya?ml$/i, '');
    if (result.definition.key !== expected) {
      const message = `is ${result.definition.key}, but the file is named ${file}: name the file ${result.definition.key}.yaml`;
      throw new ProcedureFileError(file, located([{ path: 'key', message }], parsed.locate));
    }
    files.push({ file, definition: result.definition });
    locators.set(file, parsed.locate);
  }
  const [first] = definitionSetProblems(files, options.known);
  if (first !== undefined) {
    throw new ProcedureFileError(first.file, located(first.problems, locators.get(first.file)));
  }
  return { definitions: files.map((f) => ({ ...f, contentHash: contentHash(f.definition) })) };
}

/**
 * One line for logs and error messages: `line 12: steps[1].fields[0].options: must offer ...`.
 * Problems of the whole document (path `''`, e.g. YAML syntax errors) carry their position in
 * the message already.
 */
export function describeProblem(p: DefinitionProblem): string {
  if (p.path === '') return p.message;
  const where = p.line === undefined ? '' : `line ${p.line}: `;
  return `${where}${p.path}: ${p.message}`;
}

type Locate = Extract<ParseResult, { ok: true }>['locate'];

/** Adds YAML positions and sorts by them: authors fix a file from top to bottom. */
function located(problems: DefinitionProblem[], locate: Locate | undefined): DefinitionProblem[] {
  const withPosition = problems.map((p) => {
    const pos = locate?.(p.path);
    return pos === undefined ? p : { ...p, line: pos.line, column: pos.column };
  });
  const order = (p: DefinitionProblem) => (p.line ?? 0) * 1e6 + (p.column ?? 0);
  return withPosition.sort((a, b) => order(a) - order(b));
}

function locate(doc: Document, lineCounter: LineCounter, path: string): { line: number; column: number } | undefined {
  const segments = parsePath(path);
  // A missing property has no node; point at the closest ancestor that exists instead.
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

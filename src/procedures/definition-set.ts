/**
 * Rules across procedure definitions: keys are unique, and a `procedure_completed` anchor names a
 * procedure that exists, whose subject fits, without a circle of procedures waiting on each other.
 */
import type { ProcedureDefinition, Subject } from './procedure-definition.js';
import type { DefinitionProblem } from './definition-problem.js';

export interface DefinitionFile {
  /** File name relative to the procedure directory, e.g. `intake-interview.yaml`. */
  file: string;
  definition: ProcedureDefinition;
}

export interface FileProblems {
  file: string;
  problems: DefinitionProblem[];
}

/**
 * Procedures that exist outside the set being checked (e.g. already in the database). With a
 * map from key to subject the subject rule is checked too; with bare keys only existence is.
 */
export type KnownProcedures = ReadonlyMap<string, Subject> | Iterable<string>;

// Which subjects a procedure may wait for. A pair has exactly one adept and one mentor, so it can
// follow their procedures; an adept may be re-matched and have several pairs, so an adept's
// procedure cannot be anchored on "the" pair's procedure. A cohort cannot follow one person.
const MAY_FOLLOW: Record<Subject, readonly Subject[]> = {
  adept: ['adept'],
  mentor: ['mentor'],
  pair: ['pair', 'adept', 'mentor'],
  cohort: ['cohort'],
};

/** Problems per file, in the order the files were given; files without problems are left out. */
export function definitionSetProblems(files: readonly DefinitionFile[], known?: KnownProcedures): FileProblems[] {
  const byFile = new Map<string, DefinitionProblem[]>();
  const report = (file: string, problem: DefinitionProblem) => {
    const list = byFile.get(file) ?? [];
    list.push(problem);
    byFile.set(file, list);
  };

  const subjects = knownSubjects(known);
  const firstFile = new Map<string, string>();
  for (const { file, definition } of files) {
    const earlier = firstFile.get(definition.key);
    if (earlier !== undefined) report(file, { path: 'key', message: `duplicates the key of ${earlier}; procedure keys must be unique` });
    else firstFile.set(definition.key, file);
  }
  // The set is what is being checked: what it says about a procedure (a file changing its subject)
  // replaces what is known from outside; the first of duplicate keys counts, as above.
  for (const [key, file] of firstFile) subjects.set(key, files.find((f) => f.file === file)!.definition.subject);

  for (const { file, definition } of files) {
    const anchor = definition.window.procedure;
    if (definition.window.anchor !== 'procedure_completed' || anchor === undefined) continue;
    if (!subjects.has(anchor)) {
      report(file, { path: 'window.procedure', message: `names the procedure ${anchor}, which does not exist` });
      continue;
    }
    const anchorSubject = subjects.get(anchor);
    if (anchorSubject !== undefined && !MAY_FOLLOW[definition.subject].includes(anchorSubject)) {
      report(file, {
        path: 'window.procedure',
        message: `names ${anchor}, a procedure for ${withArticle(anchorSubject)}; a procedure for ${withArticle(definition.subject)} can only follow one for ${MAY_FOLLOW[definition.subject].map(withArticle).join(', ')}`,
      });
    }
  }

  for (const { file, cycle } of anchorCycles(files)) {
    report(file, { path: 'window.procedure', message: `closes a circle of procedures waiting for each other (${cycle.join(' → ')}); none of them could ever fall due` });
  }

  return files.flatMap(({ file }) => {
    const problems = byFile.get(file);
    byFile.delete(file);
    return problems ? [{ file, problems }] : [];
  });
}

function withArticle(subject: Subject): string {
  return subject === 'adept' ? 'an adept' : `a ${subject}`;
}

function knownSubjects(known: KnownProcedures | undefined): Map<string, Subject | undefined> {
  const out = new Map<string, Subject | undefined>();
  if (known === undefined) return out;
  if (known instanceof Map) for (const [key, subject] of known as ReadonlyMap<string, Subject>) out.set(key, subject);
  else for (const key of known as Iterable<string>) out.set(key, undefined);
  return out;
}

/** Each procedure has at most one anchor, so following anchors from a procedure finds any circle. */
function anchorCycles(files: readonly DefinitionFile[]): { file: string; cycle: string[] }[] {
  const anchorOf = new Map<string, string>();
  const fileOf = new Map<string, string>();
  for (const { file, definition } of files) {
    if (fileOf.has(definition.key)) continue;
    fileOf.set(definition.key, file);
    // Anchoring on itself is refused by the rules on a single definition.
    const anchor = definition.window.procedure;
    if (definition.window.anchor === 'procedure_completed' && anchor !== undefined && anchor !== definition.key) {
      anchorOf.set(definition.key, anchor);
    }
  }
  const reported = new Set<string>();
  const out: { file: string; cycle: string[] }[] = [];
  for (const { definition } of files) {
    const chain = [definition.key];
    let next = anchorOf.get(definition.key);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = anchorOf.get(next);
    }
    // Only a chain that returns to where it started is a circle through this procedure.
    if (next !== definition.key || reported.has(definition.key)) continue;
    chain.forEach((k) => reported.add(k));
    out.push({ file: fileOf.get(definition.key) as string, cycle: [...chain, definition.key] });
  }
  return out;
}

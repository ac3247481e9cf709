/**
 * The surveys shipped with the service: procedures/surveys/*.yaml, one survey a file, named after
 * its key. Read and checked in full before anything is imported; every problem names the file, the
 * path inside it and its line.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseProcedureYaml } from '../procedures/definition-validation.js';
import { validateSurveyContent } from './survey-content.js';
import type { SurveyContent } from './survey-content.js';

export interface SurveyFile {
  file: string;
  content: SurveyContent;
}

export interface SurveyFileProblem {
  /** `surveys/adept-end-of-programme.yaml: questions[2].label.sv` */
  where: string;
  message: string;
}

export class SurveyFileError extends Error {
  constructor(readonly problems: SurveyFileProblem[]) {
    super(`surveys refused, nothing imported:\n${problems.map((p) => `  ${p.where} ${p.message}`).join('\n')}`);
  }
}

/** Checks one file's text; `file` is its name inside the surveys folder. */
export function checkSurveyFile(
  file: string,
  text: string,
): { ok: true; content: SurveyContent } | { ok: false; problems: SurveyFileProblem[] } {
  const where = (path: string, line?: number) => `surveys/${file}${path ? `: ${path}` : ':'}${line ? ` (line ${line})` : ''}`;
  const parsed = parseProcedureYaml(text, `surveys/${file}`);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ where: where(p.path, p.line), message: p.message })) };
  const checked = validateSurveyContent(parsed.value);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => ({ where: where(p.path, parsed.locate(p.path)?.line), message: p.message })),
    };
  }
  const expected = file.replace(/\.ya?ml$/, '');
  if (checked.content.key !== expected)
    return {
      ok: false,
      problems: [{ where: where('key', parsed.locate('key')?.line), message: `must be ${expected}, the name of the file` }],
    };
  return { ok: true, content: checked.content };
}

/** Every survey file of `dir` (the procedures folder's `surveys/`), checked; throws with every problem found. */
export function loadSurveyDirectory(dir: string): SurveyFile[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const problems: SurveyFileProblem[] = [];
  const out: SurveyFile[] = [];
  for (const file of files) {
    const checked = checkSurveyFile(file, readFileSync(join(dir, file), 'utf8'));
    if (checked.ok) out.push({ file, content: checked.content });
    else problems.push(...checked.problems);
  }
  if (problems.length > 0) throw new SurveyFileError(problems);
  return out;
}

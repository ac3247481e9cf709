/**
 * A problem found in a procedure definition, and the path format every check uses.
 *
 * Paths are written the way the API's validation errors already name fields
 * (`steps[1].fields[0].options`, see flattenValidationErrors): property names joined by dots,
 * array indices in brackets, the whole document as the empty string. Indices count from 0,
 * in the order the author wrote the entries.
 */
export interface DefinitionProblem {
  /** Where in the definition, e.g. `steps[1].fields[0].options`; `''` for the whole document. */
  path: string;
  /** What is wrong, in plain English, without the path. */
  message: string;
  /** 1-based line and column in the YAML source, when the definition came from YAML text. */
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += out === '' ? s : `.${s}`;
    // Keys an author mistyped can hold anything; quote them so the path stays readable.
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** The inverse of formatPath, for finding the YAML node a problem points at. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let match: RegExpExecArray | null;
  while (token.lastIndex < path.length && (match = token.exec(path)) !== null) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]) as string);
  }
  return segments;
}

/** Types of the standalone bundle verifier `verify.mjs` (plain JavaScript, so that it runs with node alone). */
export interface BundleVerdict {
  valid: boolean;
  /** What was checked, one line each, for the person running the check. */
  checked: string[];
  /** The first problem found. */
  problem?: string;
}

/** Verifies an evidence bundle with no database; stops at the first problem and names it. */
export function verifyBundle(path: string): BundleVerdict;

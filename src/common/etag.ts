import type { Request, Response } from 'express';
import { ProblemException } from './problem.js';

/** Editable resources carry a `version`; it travels as a strong ETag `"<version>"`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

export function setETag(res: Response, version: number): void {
  res.setHeader('ETag', etagFor(version));
}

/**
 * Reads the version the client last saw from `If-Match`.
 * Missing -> 428; unparseable -> 412 (it cannot match any current version).
 */
export function requireIfMatch(req: Request): number {
  const raw = req.headers['if-match'];
  if (raw === undefined || raw === '') {
    throw new ProblemException('if_match_required', 'This update needs an If-Match header with the ETag you last read');
  }
  const value = raw;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!m) throw stale(undefined);
  return Number(m[1]);
}

/**
 * The version in `If-Match` when the client sent one (a signed transition checks it, so that a
 * signature binds the record the signer read); undefined without the header.
 */
export function optionalIfMatch(req: Request): number | undefined {
  const raw = req.headers['if-match'];
  return raw === undefined || raw === '' ? undefined : requireIfMatch(req);
}

export function stale(current: number | undefined): ProblemException {
  return new ProblemException(
    'version_mismatch',
    'The resource was changed since you read it; read it again and retry',
    current === undefined ? {} : { currentVersion: current },
  );
}

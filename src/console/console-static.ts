/**
 * Serves the web console (the files Vite built into `web/dist`) at `/`, beside the API.
 * Hashed files under `assets/` never change, so browsers may keep them for a year; `index.html`
 * names the current hashes, so it is revalidated on every load. A path the console routes itself
 * (`/programmes/…`) answers `index.html`; the API, its documents and /health are left alone and
 * keep answering problem documents for what they do not know.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const SERVER_PATHS = /^\/(api|docs|docs-json|health)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ConsoleFiles {
  (req: Request, res: Response, next: NextFunction): void;
  /** Whether a built console was found at start (the service runs without one, API only). */
  readonly available: boolean;
}

export function serveConsole(webDir: string): ConsoleFiles {
  const root = normalize(webDir);
  const indexPath = join(root, 'index.html');
  const available = existsSync(indexPath);
  // Kept in memory, read again only when a new build replaced it (so a rebuild needs no restart).
  let cached: { mtimeMs: number; body: Buffer } | undefined;
  const readIndex = (): Buffer | undefined => {
    const st = statSync(indexPath, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (cached?.mtimeMs !== st.mtimeMs) cached = { mtimeMs: st.mtimeMs, body: readFileSync(indexPath) };
    return cached.body;
  };

  const handler = (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    const index = readIndex();
    if (!index) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const ext = extname(path);
    if (ext && ext !== '.html') {
      const file = normalize(join(root, path));
      // Never outside the console's folder, whatever `..` or encoded separators the path holds.
      if (!file.startsWith(root + sep) || !isFile(file)) return next();
      res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
      res.setHeader('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      // The build writes a gzip copy beside each asset: sent to browsers that accept it.
      res.setHeader('Vary', 'Accept-Encoding');
      const gzipped = `${file}.gz`;
      const send = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && isFile(gzipped) ? gzipped : file;
      if (send === gzipped) res.setHeader('Content-Encoding', 'gzip');
      res.sendFile(send, { dotfiles: 'deny', lastModified: false, cacheControl: false }, (err?: NodeJS.ErrnoException) => {
        // A browser that navigated away cancels the files it was still loading: not an error of ours.
        if (!err || err.code === 'ECONNABORTED' || res.headersSent) return;
        next(err);
      });
      return;
    }
    res.setHeader('Content-Type', TYPES['.html']);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : index);
  };
  return Object.assign(handler, { available });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

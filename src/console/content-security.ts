/**
 * Content-Security-Policy. The console and the API get a strict one: scripts and style sheets
 * only from this origin, no inline script, no eval, no plug-ins, not framed by other sites.
 * React and Mantine set style properties through the CSSOM (element.style), which CSP does not
 * restrict, so no 'unsafe-inline' is needed for styles either. Only the Swagger page at /docs
 * keeps helmet's default policy, which allows the inline styles it writes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

export const CONSOLE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** helmet with the strict policy everywhere except under /docs (Swagger UI), which keeps helmet's default; no caching of API answers. */
export function securityHeaders(): Middleware {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP_DIRECTIVES } });
  const swagger = helmet();
  return (req, res, next) => {
    const path = req.url ?? '/';
    // API answers carry personal data and versions that change behind the same ETag: never kept in
    // a browser's or a proxy's cache (a route that streams a file may set its own header later).
    if (path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    const docsPage = path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs?');
    (docsPage ? swagger : strict)(req, res, next);
  };
}

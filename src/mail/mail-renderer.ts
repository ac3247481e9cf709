import type { UserLanguage } from '../common/languages.js';
import { linkToken } from '../common/link-tokens.js';
import type { LinkTokenRef } from '../common/link-tokens.js';
import { MAIL_TEMPLATES } from './templates/index.js';
import type { MailTemplateKey } from './templates/index.js';
import type { Block, RenderedParams } from './templates/template.js';

export type MailParam = string | number | LinkTokenRef;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A held reminder gathered into a digest: its template and params. */
export interface DigestItem {
  template: MailTemplateKey;
  params: Record<string, MailParam>;
}

export function isLinkTokenRef(x: unknown): x is LinkTokenRef {
  return (
    typeof x === 'object' && x !== null && typeof (x as LinkTokenRef).purpose === 'string' && typeof (x as LinkTokenRef).id === 'string'
  );
}

/**
 * Params as the templates see them: a link token reference becomes the address the link opens
 * (`<PUBLIC_URL>/s/<token>`), made now from the key; the token is never stored.
 */
export function resolveParams(params: Record<string, MailParam>, publicUrl: string, linkKey: Buffer): RenderedParams {
  const out: RenderedParams = {};
  for (const [k, x] of Object.entries(params)) out[k] = isLinkTokenRef(x) ? `${publicUrl}/s/${linkToken(linkKey, x)}` : x;
  return out;
}

/** A mail in the recipient's language, plain text and HTML (every value escaped in the HTML). */
export function renderMail(
  key: MailTemplateKey,
  language: UserLanguage,
  params: RenderedParams,
  digest: RenderedParams[] = [],
  digestKeys: MailTemplateKey[] = [],
): RenderedMail {
  const template = MAIL_TEMPLATES[key];
  const blocks: Block[] = [...template.body[language](params)];
  digest.forEach((p, i) => {
    const line = MAIL_TEMPLATES[digestKeys[i]].line?.[language](p);
    if (line) blocks.push(line);
  });
  // A subject never spans lines (a header injection), whatever a param holds.
  const subject = template.subject[language](params).replace(/[\r\n]+/g, ' ');
  const text = blocks.map((b) => (typeof b === 'string' ? b : `${b.text}\n${b.href}`)).join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>` +
    blocks
      .map((b) =>
        typeof b === 'string'
          ? `<p>${escapeHtml(b)}</p>`
          : `<p>${escapeHtml(b.text)}<br><a href="${escapeHtml(safeHref(b.href))}">${escapeHtml(b.href)}</a></p>`,
      )
      .join('') +
    `</body></html>`;
  return { subject, text, html };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only http(s) addresses become links; anything else (javascript:) is shown as text only. */
function safeHref(href: string): string {
  return /^https?:\/\//i.test(href) ? href : '#';
}

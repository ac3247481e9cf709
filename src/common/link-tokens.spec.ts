import { isLinkTokenShape, linkToken, linkTokenHash, linkTokenKey, linkTokenMatches, newLinkNonce } from './link-tokens.js';

describe('link tokens', () => {
  const key = linkTokenKey('a service secret of at least thirty-two characters');
  const ref = { purpose: 'survey-invitation', id: '5b0c0c52-6c0c-4b43-9b7a-3a7f2a0d1e11', nonce: newLinkNonce() };

  it('are the same for the same record and nonce, and have the shape a lookup checks', () => {
    const token = linkToken(key, ref);
    expect(linkToken(key, ref)).toBe(token);
    expect(isLinkTokenShape(token)).toBe(true);
    expect(linkTokenMatches(key, ref, token)).toBe(true);
    expect(linkTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differ by purpose, record, nonce and secret', () => {
    const token = linkToken(key, ref);
    expect(linkToken(key, { ...ref, purpose: 'other' })).not.toBe(token);
    expect(linkToken(key, { ...ref, id: 'another-id' })).not.toBe(token);
    expect(linkToken(key, { ...ref, nonce: newLinkNonce() })).not.toBe(token);
    expect(linkToken(linkTokenKey('another service secret, also long enough!!'), ref)).not.toBe(token);
    expect(linkTokenMatches(key, { ...ref, nonce: newLinkNonce() }, token)).toBe(false);
    expect(linkTokenMatches(key, ref, token.slice(1))).toBe(false);
  });

  it('refuses shapes that are not a token', () => {
    for (const s of ['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`]) expect(isLinkTokenShape(s)).toBe(false);
  });
});

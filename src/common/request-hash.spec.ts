import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import { RequestHasher, holdsSecret, isSecretMember, withoutSecrets } from './request-hash.js';

describe('RequestHasher', () => {
  const hasher = new RequestHasher('a-server-secret-that-is-long-enough-for-tests');
  const request = { method: 'POST', path: '/api/deviations/1/transitions', body: { to: 'closed', comment: 'Done', password: 'hunter22' } };

  it('is keyed: neither the plain SHA-256 of the request nor of its canonical JSON', () => {
    const h = hasher.hash(request);
    expect(h).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const digest = h.slice('hmac-sha256:'.length);
    for (const body of [request.body, withoutSecrets(request.body)]) {
      const canonical = canonicalJson({ method: request.method, path: request.path, body });
      expect(createHash('sha256').update(canonical).digest('hex')).not.toBe(digest);
      expect(createHash('sha256').update(JSON.stringify(body)).digest('hex')).not.toBe(digest);
    }
    expect(new RequestHasher('another-server-secret-that-is-long-enough').hash(request)).not.toBe(h);
  });

  it('leaves secret members out, at any depth, and keeps everything else', () => {
    expect(hasher.hash(request)).toBe(hasher.hash({ ...request, body: { ...request.body, password: 'another-guess' } }));
    expect(hasher.hash(request)).not.toBe(hasher.hash({ ...request, body: { ...request.body, comment: 'Done!' } }));
    expect(hasher.hash(request)).not.toBe(hasher.hash({ ...request, path: '/api/deviations/2/transitions' }));
    expect(
      withoutSecrets({ a: 1, nested: [{ currentPassword: 'x', newPassword: 'y', keep: 'z' }], accessToken: 't', clientSecret: 's' }),
    ).toEqual({
      a: 1,
      nested: [{ keep: 'z' }],
    });
    for (const name of ['password', 'currentPassword', 'newPassword', 'PASSWORD', 'refreshToken', 'secret'])
      expect(isSecretMember(name, 'text')).toBe(true);
    for (const name of ['comment', 'title', 'to', 'rootCause', 'tokenType', 'credentials_verified', 'password_policy_read'])
      expect(isSecretMember(name, 'text')).toBe(false);
    // Only text is a secret: a flag named like one (the answer to a user's creation) is kept.
    expect(isSecretMember('mustChangePassword', true)).toBe(false);
    expect(holdsSecret({ id: 'u1', mustChangePassword: true })).toBe(false);
  });

  it('treats a missing body as null', () => {
    expect(hasher.hash({ method: 'POST', path: '/x', body: undefined })).toBe(hasher.hash({ method: 'POST', path: '/x', body: null }));
  });
});

describe('holdsSecret', () => {
  it('finds a secret member at any depth, and nothing in an ordinary answer', () => {
    expect(holdsSecret({ accessToken: 'x', tokenType: 'Bearer' })).toBe(true);
    expect(holdsSecret({ user: { id: 1 }, items: [{ temporaryPassword: 'x' }] })).toBe(true);
    expect(holdsSecret({ id: 'a', title: 'Deviation', steps: [{ key: 'meet' }] })).toBe(false);
    expect(holdsSecret(null)).toBe(false);
    expect(holdsSecret('password')).toBe(false);
  });
});

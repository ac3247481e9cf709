/**
 * The compiled service at its first start, as an operator meets it: the administrator password it
 * generates must be changed at the first sign-in, the password rules work from the build output
 * (the list of common passwords is found beside the compiled code), and a weak ADMIN_PASSWORD
 * stops the start with a message that names it.
 */
import { Client } from './client.js';
import { Service, spawnService, tempDataDir } from './service.js';

describe('first start of the compiled service', () => {
  it('prints a generated administrator password once, which must be changed at the first sign-in', async () => {
    const data = tempDataDir();
    let service: Service | undefined;
    try {
      service = await Service.start({ DATA_DIR: data.dir, ADMIN_EMAIL: 'first@hardening.test', ADMIN_PASSWORD: '' });
      expect(service.output).toContain('must be changed at the first sign-in');
      const password = /password: (\S+)/.exec(service.output)?.[1];
      expect(password).toEqual(expect.any(String));

      const signedIn = await new Client(service.url).must(200, 'POST', '/api/auth/login', { email: 'first@hardening.test', password });
      expect(signedIn.mustChangePassword).toBe(true);
      const first = new Client(service.url, signedIn.accessToken as string);
      const refused = await first.get('/api/users');
      expect([refused.status, refused.body.code]).toEqual([403, 'password_change_required']);
      expect((await first.get('/api/users/me')).body).toMatchObject({ email: 'first@hardening.test', mustChangePassword: true });

      // The compiled service knows the common passwords.
      const common = await first.post('/api/users/me/password', { currentPassword: password, newPassword: 'password1234' });
      expect(common.status).toBe(400);
      expect(common.body.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/most commonly used/) }]);

      const changed = await first.must(200, 'POST', '/api/users/me/password', {
        currentPassword: password,
        newPassword: 'the-operators-own-passphrase',
      });
      expect(changed.mustChangePassword).toBe(false);
      const admin = new Client(service.url, changed.accessToken as string);
      expect((await admin.get('/api/users')).status).toBe(200);
    } finally {
      await service?.stop();
      data.remove();
    }
  });

  it.each([
    ['a common password', 'qwerty123456', /ADMIN_PASSWORD is not accepted: The password is one of the most commonly used passwords/],
    ['a short one', 'admin123', /ADMIN_PASSWORD is not accepted: The password must be at least 12 characters long; it has 8/],
    [
      'the e-mail address',
      'first@hardening.test',
      /ADMIN_PASSWORD is not accepted: The password must not be the account's e-mail address or name/,
    ],
  ])('refuses to start with %s as ADMIN_PASSWORD, saying why', async (_what, weak, message) => {
    const data = tempDataDir();
    try {
      const { child, captured, exited } = spawnService({ DATA_DIR: data.dir, ADMIN_EMAIL: 'first@hardening.test', ADMIN_PASSWORD: weak });
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const status = await exited;
      clearTimeout(timer);
      expect(status.code).toBe(1);
      expect(captured.text).toMatch(/Configuration error: /);
      expect(captured.text).toMatch(message);
      expect(captured.text).not.toMatch(/listening on/);
    } finally {
      data.remove();
    }
  });
});

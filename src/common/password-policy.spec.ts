import { COMMON_PASSWORD_COUNT, normalizePassword, passwordLength, passwordWeakness } from './password-policy.js';

describe('password rules', () => {
  const owner = { email: 'karin.lindqvist@mentorskap.example.org', name: 'Karin Lindqvist' };

  it('accepts long passwords of any composition: no digits, capitals or symbols required', () => {
    for (const ok of [
      'correct horse battery staple',
      'aaaaaaaaaaab',
      'Mentorskap-demo-2026',
      'lärarhögskolan',
      '🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧',
      ' spaces count ',
    ]) {
      expect(passwordWeakness(ok, owner)).toBeUndefined();
    }
  });

  it('counts Unicode code points, not UTF-16 units, after NFKC normalisation', () => {
    expect(passwordLength('🦊🐻')).toBe(2);
    expect(passwordWeakness('🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔', owner)).toBe('The password must be at least 12 characters long; it has 11.');
    // Twelve code points typed as letter + combining ring, six letters once composed.
    const decomposed = 'a\u030au\u030aA\u030ay\u030aU\u030aw\u030a';
    expect(passwordLength(decomposed)).toBe(12);
    expect(passwordWeakness(decomposed, owner)).toBe('The password must be at least 12 characters long; it has 6.');
    expect(normalizePassword('a\u030a')).toBe('å');
    expect(normalizePassword('ﬁ')).toBe('fi');
  });

  it('refuses passwords shorter than 12 or longer than 256 characters, saying how long they are', () => {
    expect(passwordWeakness('short-pass1', owner)).toBe('The password must be at least 12 characters long; it has 11.');
    expect(passwordWeakness('x'.repeat(200) + 'y'.repeat(57), owner)).toBe('The password must be at most 256 characters long; it has 257.');
    expect(passwordWeakness('x'.repeat(200) + 'y'.repeat(56), owner)).toBeUndefined();
  });

  it('refuses one character repeated', () => {
    expect(passwordWeakness('............', owner)).toBe('The password must not be one character repeated.');
    expect(passwordWeakness('AaAaAaAaAaAa', owner)).toBe('The password must not be one character repeated.');
  });

  it("refuses the account's e-mail address, its local part and its name, in any case and spacing", () => {
    for (const own of [
      'karin.lindqvist@mentorskap.example.org',
      'KARIN.LINDQVIST',
      'Karin Lindqvist',
      'karinlindqvist',
      ' karin  lindqvist ',
    ]) {
      expect(passwordWeakness(own, owner)).toBe("The password must not be the account's e-mail address or name.");
    }
    expect(passwordWeakness('karin.lindqvist.2026', owner)).toBeUndefined();
    expect(passwordWeakness('Karin Lindqvist', {})).toBeUndefined();
  });

  it('refuses the most common passwords, in any case', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(5000);
    for (const common of ['password1234', 'PASSWORD1234', 'qwerty123456', '1q2w3e4r5t6y', 'iloveyou1234', 'qazwsxedcrfv']) {
      expect(passwordWeakness(common, owner)).toBe(
        'The password is one of the most commonly used passwords, which attackers try first; choose another.',
      );
    }
  });

  it('accepts the passwords the tests, the demo and the hardening services use', () => {
    for (const used of [
      'admin-password-for-tests',
      'a-long-enough-password',
      'hardening-admin-password',
      'smoke-password-123',
      'Mentorskap-demo-2026',
      'quality_manager-password-for-hardening',
      'approver-password-for-the-bench',
    ]) {
      expect(passwordWeakness(used)).toBeUndefined();
    }
  });
});

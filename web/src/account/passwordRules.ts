/**
 * The service's password rules (src/common/password-policy.ts), for the console to say them and to
 * check the length before asking. The service checks everything again; these numbers must follow it.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length in Unicode code points after NFKC, as the service counts it. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

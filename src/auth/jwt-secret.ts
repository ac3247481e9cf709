/** Injection token for the token signing secret (resolved once at start, see config/secrets.ts). */
export const JWT_SECRET = Symbol('JWT_SECRET');

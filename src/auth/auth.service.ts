import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { ProblemException, unauthorized } from '../common/problem.js';
import type { Actor } from '../common/request-context.js';
import { Accounts } from './accounts.js';
import type { Account } from './accounts.js';
import { AttemptThrottle } from './attempt-throttle.js';
import type { LoginResponse } from './auth.dto.js';
import { toLoginResponse } from './auth.mapper.js';
import type { ThrottleScope } from './attempt-throttle.js';
import { JWT_SECRET } from '../config/secrets.js';
import { decoyHash, verifyPassword } from './passwords.js';

const ALGORITHM = 'HS256';
/** Tokens issued by another process whose clock runs a little ahead are still accepted. */
const CLOCK_SKEW_SECONDS = 60;
/** Verified tokens remembered at most (forgotten all at once beyond that). */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: Account;
}

/** The signed-in user as the guard and the use cases see them. */
export interface AuthenticatedUser extends Actor {
  id: string;
  /** The password was chosen by an administrator or generated: nothing but changing it is allowed. */
  mustChangePassword: boolean;
}

interface TokenPayload {
  sub?: unknown;
  /** The user's token generation when the token was issued; a changed password or a deactivation moves it on. */
  gen?: unknown;
  iat?: unknown;
  exp?: unknown;
}

@Injectable()
export class AuthService {
  /**
   * The signing key, made once: given the secret as a string, the JWT library tries to parse it
   * as a public key on every verification before treating it as a secret (about 7% of the CPU
   * of a write request). Typed as the library's string-or-buffer, which it passes through.
   */
  private readonly key: string;
  /**
   * Tokens whose signature and claims were verified, with their payload: a client sends the same
   * token with every request, and verifying it again is a fifth of the guard's CPU. Only what
   * verification accepted is kept; the user is still read on every request (below).
   */
  private readonly verified = new Map<string, TokenPayload>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: Accounts,
    private readonly jwt: JwtService,
    private readonly throttle: AttemptThrottle,
    @Inject(JWT_SECRET) secret: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8')) satisfies KeyObject as unknown as string;
  }

  async login(email: string, password: string, clientAddress: string): Promise<LoginResponse> {
    const account = email.toLowerCase();
    const user = await this.checkPassword('sign_in', clientAddress, account, { email: account }, password);
    if (!user) throw unauthorized('invalid_credentials', 'E-mail or password is wrong, or the account is deactivated');
    return this.tokenFor(user);
  }

  /** A new token for `user` at their current token generation, answered like a sign-in. */
  async tokenFor(user: Account): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, gen: user.tokenGeneration },
      { secret: this.key, algorithm: ALGORITHM, expiresIn: this.config.jwtTtlSeconds },
    );
    return toLoginResponse({ accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds, user });
  }

  /**
   * Resolves a bearer token to the acting user. The user is read on every request, so a
   * deactivation, a change of roles or a changed password takes effect at once, whatever tokens
   * are out.
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    const invalid = () => unauthorized('invalid_token', 'The bearer token is invalid or has expired');
    let payload = this.verified.get(token);
    // A token verified before is taken again only while it has not expired (the library's own
    // check: expired from its `exp` second on); otherwise it is verified anew (and refused).
    if (!payload || !(typeof payload.exp === 'number' && Math.floor(Date.now() / 1000) < payload.exp)) {
      try {
        payload = await this.jwt.verifyAsync<TokenPayload>(token, { secret: this.key, algorithms: [ALGORITHM] });
      } catch {
        throw invalid();
      }
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
      this.verified.set(token, payload);
    }
    // The library accepts a token without `exp` (it would never expire) and one issued in the
    // future; neither comes from this service. Nor does a lifetime longer than it gives.
    const { exp, iat, sub, gen } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number') throw invalid();
    if (iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS || exp - iat > this.config.jwtTtlSeconds) throw invalid();
    if (typeof sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(sub)) throw invalid();
    if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 0) throw invalid();
    // Only what a request needs (never the password hash), in one plain read: this runs on every request.
    const user = await this.accounts.session(this.dataSource.manager, sub);
    if (!user || !user.active) throw unauthorized('account_inactive', 'The account is deactivated or no longer exists');
    if (user.tokenGeneration !== gen) {
      throw unauthorized('token_revoked', 'This token was ended by a change of password or a deactivation; sign in again');
    }
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, mustChangePassword: user.mustChangePassword };
  }

  /**
   * Re-authentication for an electronic signature: the signer types their password again.
   * Failures are throttled apart from sign-in, together with changes of password.
   */
  async confirmPassword(userId: string, password: string, clientAddress = 'unknown'): Promise<Account> {
    const user = await this.checkPassword('reauthentication', clientAddress, userId, { id: userId }, password);
    if (!user) throw unauthorized('invalid_password', 'The password is wrong; nothing was signed');
    return user;
  }

  /**
   * The signed-in user's current password, before they set a new one: throttled like a signature,
   * so a stolen token cannot be used to guess the password. Undefined when it is wrong.
   */
  async checkCurrentPassword(userId: string, password: string, clientAddress = 'unknown'): Promise<Account | undefined> {
    return this.checkPassword('reauthentication', clientAddress, userId, { id: userId }, password);
  }

  /**
   * Checks a password under the throttle: 429 while blocked; otherwise the active user when the
   * password is right, undefined when it is wrong (or the account unknown or deactivated).
   */
  private async checkPassword(
    scope: ThrottleScope,
    clientAddress: string,
    account: string,
    where: { id: string } | { email: string },
    password: string,
  ): Promise<Account | undefined> {
    const admission = await this.throttle.admit(scope, clientAddress, account);
    if (!admission.admitted) {
      const wait = admission.retryAfterSeconds;
      throw new ProblemException('too_many_attempts', `Too many failed attempts; try again in ${wait} s`, { retryAfterSeconds: wait });
    }
    const user = (await this.accounts.withPassword(this.dataSource.manager, where)) ?? undefined;
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active) return undefined;
    await this.throttle.forgive(admission.ticket);
    return user;
  }
}

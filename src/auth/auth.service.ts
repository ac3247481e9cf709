import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { ProblemException, unauthorized } from '../common/problem.js';
import type { Actor } from '../common/request-context.js';
import { User } from '../users/user.entity.js';
import { LoginThrottle } from './login-throttle.js';
import { decoyHash, verifyPassword } from './passwords.js';

export const JWT_SECRET = Symbol('JWT_SECRET');
const ALGORITHM = 'HS256';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;
  /**
   * The signing key, made once: given the secret as a string, the JWT library tries to parse it
   * as a public key on every verification before treating it as a secret (about 7% of the CPU
   * of a write request). Typed as the library's string-or-buffer, which it passes through.
   */
  private readonly key: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(JWT_SECRET) secret: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.throttle = new LoginThrottle(config.loginMaxFailures, config.loginWindowSeconds * 1000);
    this.key = createSecretKey(Buffer.from(secret, 'utf8')) satisfies KeyObject as unknown as string;
  }

  async login(email: string, password: string, clientAddress: string): Promise<LoginResult> {
    const account = email.toLowerCase();
    this.refuseIfThrottled(clientAddress, account);
    const user = await this.dataSource.getRepository(User).findOneBy({ email: account });
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok || !user.active) {
      this.throttle.recordFailure(clientAddress, account);
      throw unauthorized('invalid_credentials', 'E-mail or password is wrong, or the account is deactivated');
    }
    this.throttle.recordSuccess(clientAddress, account);
    const accessToken = await this.jwt.signAsync(
      { sub: user.id },
      { secret: this.key, algorithm: ALGORITHM, expiresIn: this.config.jwtTtlSeconds },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds, user };
  }

  /**
   * Resolves a bearer token to the acting user. The user is read on every request, so a
   * deactivation or a change of roles takes effect at once, whatever tokens are out.
   */
  async authenticate(token: string): Promise<Actor & { id: string }> {
    let payload: { sub?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, { secret: this.key, algorithms: [ALGORITHM] });
    } catch {
      throw unauthorized('invalid_token', 'The bearer token is invalid or has expired');
    }
    if (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub)) {
      throw unauthorized('invalid_token', 'The bearer token is invalid or has expired');
    }
    // Only what a request needs (never the password hash), in one plain read: this runs on every request.
    const [user] = (await this.dataSource.query(`SELECT id, email, name, roles, active FROM app_user WHERE id = $1`, [payload.sub])) as {
      id: string;
      email: string;
      name: string;
      roles: Actor['roles'];
      active: boolean;
    }[];
    if (!user || !user.active) throw unauthorized('account_inactive', 'The account is deactivated or no longer exists');
    return { id: user.id, email: user.email, name: user.name, roles: user.roles };
  }

  /**
   * Re-authentication for an electronic signature: the signer types their password again.
   * Failures count towards the same throttle as logins.
   */
  async confirmPassword(userId: string, password: string, clientAddress = 'unknown'): Promise<User> {
    const key = `signature:${userId}`;
    this.refuseIfThrottled(clientAddress, key);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user || !user.active || !(await verifyPassword(user.passwordHash, password))) {
      this.throttle.recordFailure(clientAddress, key);
      throw unauthorized('invalid_password', 'The password is wrong; nothing was signed');
    }
    this.throttle.recordSuccess(clientAddress, key);
    return user;
  }

  private refuseIfThrottled(address: string, account: string): void {
    const wait = this.throttle.retryAfterSeconds(address, account);
    if (wait > 0) {
      throw new ProblemException(429, 'too_many_attempts', `Too many failed attempts; try again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    }
  }
}

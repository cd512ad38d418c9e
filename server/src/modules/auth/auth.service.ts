import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '../../common/errors/domain-errors.js';
import { AuditService } from '../audit/audit.service.js';
import type { LoginRequest, LoginResponse } from './auth.contract.js';
import { verifyAgainstDummy, verifyPassword } from '../users/password.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { SessionUsers } from '../users/session-users.js';
import { LoginThrottle } from '../users/login-throttle.js';

const INVALID_CREDENTIALS = 'Unknown username or wrong password.';

/** Password sign-in, throttled per account and address (LoginThrottle); every failure is audited. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly sessions: SessionUsers,
    private readonly throttle: LoginThrottle,
  ) {}

  async login({ username, password }: LoginRequest, sourceIp: string): Promise<LoginResponse> {
    const now = new Date();
    const attempt = this.throttle.begin(username, sourceIp);
    if ('refusedFor' in attempt) {
      const known = await this.users.findByUsername(username);
      await this.auditFailure(known ? known._id : this.unknownUsername(username), 'locked', sourceIp);
      throw new TooManyRequestsError(
        `Too many failed sign-in attempts on this account from your address: try again in ${Math.ceil(attempt.refusedFor / 60)} minute(s).`,
        attempt.refusedFor,
        'account_locked',
      );
    }
    let user: Awaited<ReturnType<UsersRepository['findByUsername']>>;
    let passwordMatches: boolean;
    try {
      user = await this.users.findByUsername(username);
      passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    } catch (err) {
      attempt.cancel();
      throw err;
    }
    if (!user || !passwordMatches) {
      const { lockedNow } = attempt.done(false);
      await this.auditFailure(
        user ? user._id : this.unknownUsername(username),
        user ? 'bad_password' : 'unknown_user',
        sourceIp,
      );
      if (lockedNow && user)
        await this.audit.record({
          actor: 'system',
          action: 'auth.account_locked',
          resourceType: 'user',
          resourceKey: user._id,
          details: { sourceIp },
        });
      throw new UnauthenticatedError(INVALID_CREDENTIALS, 'invalid_credentials');
    }
    attempt.done(true);
    if (user.demo && this.config.nodeEnv === 'production') {
      await this.auditFailure(user._id, 'demo_account_in_production', sourceIp);
      throw new ForbiddenError('Demo accounts are disabled in production.', 'demo_account_disabled');
    }
    if (user.disabled) {
      await this.auditFailure(user._id, 'disabled', sourceIp);
      throw new ForbiddenError('This account is disabled; ask an administrator.', 'account_disabled');
    }
    await this.users.recordSuccess(user._id, now);
    const issued = this.tokens.issue(user._id, user.roles, user.tokenVersion ?? 0);
    return { ...issued, user: { username: user._id, displayName: user.displayName, roles: user.roles } };
  }

  /** Ends every session of the user, this one included (tokens are not stored: the account's version moves on). */
  async logout(username: string): Promise<void> {
    await this.users.endSessions(username);
    this.sessions.forget(username);
    await this.audit.record({ actor: username, action: 'auth.logout', resourceType: 'user', resourceKey: username });
  }

  /**
   * How the trail names a username that matches no account: a keyed hash, never the text. People type their
   * password into the username field, and the text could be a spreadsheet formula. The same text always gives
   * the same name, so repeated guesses are still visible as one.
   */
  private unknownUsername(username: string): string {
    const digest = createHmac('sha256', this.config.jwtSecret)
      .update(`audit-username\u0000${username.toLowerCase()}`)
      .digest('hex');
    return `unknown-user:${digest.slice(0, 16)}`;
  }

  private async auditFailure(username: string, reason: string, sourceIp: string): Promise<void> {
    await this.audit.record({
      actor: username,
      action: 'auth.login_failed',
      resourceType: 'user',
      resourceKey: username,
      reason,
      details: { sourceIp },
    });
  }
}

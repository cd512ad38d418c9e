import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service.js';
import { PERMISSION_KEY, type PermissionRule } from '../../common/access/permission.decorator.js';
import type { Principal } from '../../common/access/principal.js';
import { scopesAllow, scopesGrantAction } from '../../common/access/scopes.js';
import { TokenService } from './token.service.js';
import { SessionUsers } from '../users/session-users.js';

/** Global guard: authenticates the caller and enforces the route's declared permission; no declaration, no access. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<PermissionRule | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new ForbiddenError('This route declares no permission, so it is closed.', 'no_permission_declared');
    if (rule.kind === 'public') return true;
    if (rule.kind === 'scope' && rule.publicWhenMetricsPublic && this.config.metricsPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      const principal = await this.authenticate(request);
      request.principal = principal;
      this.authorize(rule, principal, request);
      return true;
    } catch (err) {
      throw withCredentialPlace(err, request);
    }
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') return this.apiKeys.authenticate(apiKey);
    const authorization = request.headers.authorization;
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!bearer)
      throw new UnauthenticatedError('Sign in (Authorization: Bearer <token>) or send an API key (X-API-Key).');
    // An API key may come as a bearer token too: some clients (Prometheus before 3.0, many gateways) send no other
    // header. Keys and session tokens cannot be mistaken for each other: keys start `gbt_`, tokens are JWTs.
    if (bearer.startsWith(API_KEY_PREFIX)) return this.apiKeys.authenticate(bearer);
    const { username, tokenVersion } = this.tokens.verify(bearer);
    // The account as it is now decides: disabled, signed out, roles or password changed since the token was issued.
    const account = await this.sessions.current(username);
    // A demo account's session from before the same database started in production ends there, as its sign-in
    // is refused: its token had still created a lasting administrator (an API review).
    const demoInProduction = account?.demo === true && this.config.nodeEnv === 'production';
    if (!account || account.disabled || account.tokenVersion !== tokenVersion || demoInProduction) {
      throw new UnauthenticatedError(
        'This session has ended (signed out, or the account changed); sign in again.',
        'session_ended',
      );
    }
    return { kind: 'user', username, roles: account.roles };
  }

  private authorize(
    rule: Exclude<PermissionRule, { kind: 'public' }>,
    principal: Principal,
    request: FastifyRequest,
  ): void {
    if (rule.kind === 'authenticated') return;
    if (principal.kind === 'user') {
      if (principal.roles.some((role) => rule.roles.includes(role))) return;
      // Some routes are for the systems that hold a key only (an assistant posting feedback): say so, not "one of: ."
      if (rule.roles.length === 0 && rule.kind === 'scope')
        throw new ForbiddenError(
          `Only an API key with a scope allowing ${rule.action}:<key> may do this; console users may not.`,
          'api_key_only',
        );
      throw new ForbiddenError(`This action needs one of the roles: ${rule.roles.join(', ')}.`, 'missing_role');
    }
    if (rule.kind === 'roles') {
      throw new ForbiddenError(
        `API keys cannot do this; it needs a console user with one of the roles: ${rule.roles.join(', ')}.`,
        'missing_role',
      );
    }
    if (rule.kind === 'decision-scope') {
      if (scopesGrantAction(principal.scopes, rule.action)) return; // the rule set is checked once the decision is read
      throw new ForbiddenError(`This API key has no scope allowing ${rule.action}:<rule set>.`, 'missing_scope');
    }
    const key = String((request.params as Record<string, unknown>)[rule.keyParam] ?? '');
    if (!scopesAllow(principal.scopes, rule.action, key)) {
      throw new ForbiddenError(`This API key has no scope allowing ${rule.action}:${key || '*'}.`, 'missing_scope');
    }
  }
}

/**
 * A refusal of the credentials names the header they came in, as every other error names its place: 401 and 403
 * had `details: []` while 415 and 412 named their header (an API review). The header is the one the guard read.
 */
function withCredentialPlace(err: unknown, request: FastifyRequest): unknown {
  if (!(err instanceof UnauthenticatedError || err instanceof ForbiddenError) || err.details.length > 0) return err;
  const apiKey = request.headers['x-api-key'];
  const sent = (typeof apiKey === 'string' && apiKey !== '') || request.headers.authorization !== undefined;
  const path = typeof apiKey === 'string' && apiKey !== '' ? '/headers/x-api-key' : '/headers/authorization';
  const state = err instanceof ForbiddenError ? 'insufficient' : sent ? 'refused' : 'missing';
  const message = { insufficient: 'does not allow this operation', refused: 'is not accepted', missing: 'is missing' }[
    state
  ];
  // Added to the error's own list (a new one per error): thrown again, it keeps its class, code and stack.
  (err.details as ErrorDetail[]).push({ path, message, keyword: 'credentials', params: { state } });
  return err;
}

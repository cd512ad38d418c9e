import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { errorResponse } from '../http/openapi-contract.js';
import type { Role } from './roles.js';
import type { ScopeAction } from './scopes.js';

export const PERMISSION_KEY = 'gabarit:permission';

/** What a route requires. Every route declares one; the guard refuses routes that do not. */
export type PermissionRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'scope'; action: ScopeAction; keyParam: string; roles: Role[]; publicWhenMetricsPublic?: true }
  | { kind: 'decision-scope'; action: ScopeAction; roles: Role[] };

/** The OpenAPI side of a rule: which credentials the route takes, and the 401/403 it can answer. */
function documented(rule: PermissionRule, credentials: ('bearer' | 'apiKey')[]) {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, rule),
    ...(credentials.includes('bearer') ? [ApiBearerAuth()] : []),
    ...(credentials.includes('apiKey') ? [ApiSecurity('apiKey')] : []),
    ApiResponse({ status: 401, ...errorResponse(401) }),
    ...(rule.kind === 'authenticated' ? [] : [ApiResponse({ status: 403, ...errorResponse(403) })]),
  );
}

/** Anyone, signed in or not (login, health, docs). */
export const Public = () => SetMetadata(PERMISSION_KEY, { kind: 'public' } satisfies PermissionRule);

/** Any signed-in user or valid API key. */
export const Authenticated = () => documented({ kind: 'authenticated' }, ['bearer', 'apiKey']);

/** Console users holding at least one of the roles; API keys are refused. */
export const RequireRoles = (...roles: Role[]) => documented({ kind: 'roles', roles }, ['bearer']);

/**
 * API keys whose scopes allow `action` on the route's `keyParam`, or console users holding one of the roles (none:
 * API keys only).
 */
export const RequireScope = (action: ScopeAction, keyParam: string, ...roles: Role[]) =>
  documented({ kind: 'scope', action, keyParam, roles }, roles.length > 0 ? ['bearer', 'apiKey'] : ['apiKey']);

/**
 * Routes on one decision (`/decisions/:id/…`): console users holding one of the roles, or API keys whose scopes
 * allow `action` on the rule set that made the decision. The guard lets through keys holding the action on some
 * rule set; the service, once it has read the decision, checks that rule set (`scopesAllow`) and answers 404 to a
 * key outside it.
 */
export const RequireDecisionScope = (action: ScopeAction, ...roles: Role[]) =>
  documented({ kind: 'decision-scope', action, roles }, ['bearer', 'apiKey']);

/**
 * /metrics: API keys with the `metrics:*` scope, or admins; anyone when METRICS_PUBLIC is set. Metrics name
 * rule sets, routes and volumes: not for the open internet by default.
 */
export const RequireMetricsAccess = () =>
  documented(
    { kind: 'scope', action: 'metrics', keyParam: 'metrics', roles: ['admin'], publicWhenMetricsPublic: true },
    ['bearer', 'apiKey'],
  );

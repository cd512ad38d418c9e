import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles.js';
import type { ScopeAction } from './scopes.js';

export const PERMISSION_KEY = 'gabarit:permission';

/** What a route requires. Every route declares one; the guard refuses routes that do not. */
export type PermissionRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'scope'; action: ScopeAction; keyParam: string; roles: Role[]; publicWhenMetricsPublic?: true };

/** Anyone, signed in or not (login, health, docs). */
export const Public = () => SetMetadata(PERMISSION_KEY, { kind: 'public' } satisfies PermissionRule);

/** Any signed-in user or valid API key. */
export const Authenticated = () => SetMetadata(PERMISSION_KEY, { kind: 'authenticated' } satisfies PermissionRule);

/** Console users holding at least one of the roles; API keys are refused. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(PERMISSION_KEY, { kind: 'roles', roles } satisfies PermissionRule);

/** API keys whose scopes allow `action` on the route's `keyParam`, or console users holding one of the roles. */
export const RequireScope = (action: ScopeAction, keyParam: string, ...roles: Role[]) =>
  SetMetadata(PERMISSION_KEY, { kind: 'scope', action, keyParam, roles } satisfies PermissionRule);

/**
 * /metrics: API keys with the `metrics:*` scope, or admins; anyone when METRICS_PUBLIC is set. Metrics name
 * rule sets, routes and volumes: not for the open internet by default.
 */
export const RequireMetricsAccess = () =>
  SetMetadata(PERMISSION_KEY, { kind: 'scope', action: 'metrics', keyParam: 'metrics', roles: ['admin'], publicWhenMetricsPublic: true } satisfies PermissionRule);

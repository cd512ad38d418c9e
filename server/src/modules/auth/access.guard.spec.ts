import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/domain-errors.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AccessGuard } from './access.guard.js';
import type { ApiKeysService } from './api-keys.service.js';
import { Public, RequireDecisionScope, RequireRoles, RequireScope } from '../../common/access/permission.decorator.js';
import type { Principal } from '../../common/access/principal.js';
import { TokenService } from './token.service.js';
import type { SessionUser, SessionUsers } from '../users/session-users.js';

class Routes {
  @Public() health(): void {}
  @RequireRoles('admin') manageKeys(): void {}
  @RequireScope('evaluate', 'key', 'analyst', 'approver') evaluate(): void {}
  @RequireDecisionScope('decisions:receipt', 'analyst') receipt(): void {}
  undeclared(): void {}
}

const tokens = new TokenService({ jwtSecret: 'k'.repeat(40), jwtTtlSeconds: 600 } as AppConfig);
// A fake of our own key store: the guard's logic is under test here, not key storage.
const keys = {
  authenticate: async (presented: string): Promise<Principal & { kind: 'apiKey' }> => {
    if (presented === 'portal-key')
      return { kind: 'apiKey', id: 'k2', name: 'portail', scopes: ['decisions:receipt:x'] };
    if (presented !== 'good-key') throw new UnauthenticatedError('bad key', 'invalid_api_key');
    return { kind: 'apiKey', id: 'k1', name: 'erp', scopes: ['evaluate:invoices-*'] };
  },
} as unknown as ApiKeysService;
// Accounts as they are now: the token's roles are not trusted, the account's are.
const accounts = new Map<string, SessionUser>();
const sessions = { current: async (username: string) => accounts.get(username) ?? null } as unknown as SessionUsers;
const guard = new AccessGuard(new Reflector(), tokens, keys, { metricsPublic: false } as AppConfig, sessions);

function call(route: keyof Routes, headers: Record<string, string>, params: Record<string, string> = {}) {
  const request = { headers, params } as {
    headers: Record<string, string>;
    params: Record<string, string>;
    principal?: Principal;
  };
  const context = {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { result: guard.canActivate(context), request };
}

type Role = 'analyst' | 'approver' | 'risk' | 'admin';
const bearer = (...roles: Role[]) => {
  const username = `user-${roles.join('-')}`;
  accounts.set(username, { roles, disabled: false, tokenVersion: 0, demo: false });
  return { authorization: `Bearer ${tokens.issue(username, roles).token}` };
};

describe('AccessGuard', () => {
  it('lets anyone reach a public route', async () => {
    await expect(call('health', {}).result).resolves.toBe(true);
  });

  it('closes a route that declares nothing, even to an admin', async () => {
    await expect(call('undeclared', bearer('admin')).result).rejects.toMatchObject({ code: 'no_permission_declared' });
  });

  it('checks roles for users and refuses keys on role-only routes', async () => {
    await expect(call('manageKeys', bearer('admin')).result).resolves.toBe(true);
    await expect(call('manageKeys', bearer('analyst', 'risk')).result).rejects.toBeInstanceOf(ForbiddenError);
    await expect(call('manageKeys', { 'x-api-key': 'good-key' }).result).rejects.toMatchObject({
      code: 'missing_role',
    });
  });

  it('checks a key scope against the resource named in the URL', async () => {
    const allowed = call('evaluate', { 'x-api-key': 'good-key' }, { key: 'invoices-2025' });
    await expect(allowed.result).resolves.toBe(true);
    expect(allowed.request.principal).toMatchObject({ kind: 'apiKey', id: 'k1' });
    await expect(call('evaluate', { 'x-api-key': 'good-key' }, { key: 'enrolment' }).result).rejects.toMatchObject({
      code: 'missing_scope',
    });
    await expect(call('evaluate', bearer('analyst'), { key: 'enrolment' }).result).resolves.toBe(true);
    await expect(call('evaluate', bearer('risk'), { key: 'enrolment' }).result).rejects.toMatchObject({
      code: 'missing_role',
    });
  });

  it('lets a key holding a decision action on some rule set reach a route on one decision (its service checks which)', async () => {
    await expect(call('receipt', { 'x-api-key': 'portal-key' }, { id: 'd1' }).result).resolves.toBe(true);
    await expect(call('receipt', { 'x-api-key': 'good-key' }, { id: 'd1' }).result).rejects.toMatchObject({
      code: 'missing_scope',
    });
    await expect(call('receipt', bearer('analyst'), { id: 'd1' }).result).resolves.toBe(true);
    await expect(call('receipt', bearer('risk'), { id: 'd1' }).result).rejects.toMatchObject({ code: 'missing_role' });
  });

  it('says 401 for no credentials and for a bad key', async () => {
    await expect(call('evaluate', {}, { key: 'x' }).result).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(call('evaluate', { 'x-api-key': 'stolen' }, { key: 'x' }).result).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
    await expect(call('evaluate', { authorization: 'Basic abc' }, { key: 'x' }).result).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('decides by the account as it is now: a removed role, a disabled account or an ended session no longer pass', async () => {
    accounts.set('lea', { roles: ['admin'], disabled: false, tokenVersion: 3, demo: false });
    const token = { authorization: `Bearer ${tokens.issue('lea', ['admin'], 3).token}` };
    await expect(call('manageKeys', token).result).resolves.toBe(true);
    accounts.set('lea', { roles: ['analyst'], disabled: false, tokenVersion: 3, demo: false });
    await expect(call('manageKeys', token).result).rejects.toMatchObject({ code: 'missing_role' });
    accounts.set('lea', { roles: ['admin'], disabled: true, tokenVersion: 3, demo: false });
    await expect(call('manageKeys', token).result).rejects.toMatchObject({ code: 'session_ended' });
    accounts.set('lea', { roles: ['admin'], disabled: false, tokenVersion: 4, demo: false });
    await expect(call('manageKeys', token).result).rejects.toMatchObject({ code: 'session_ended' });
    accounts.delete('lea');
    await expect(call('manageKeys', token).result).rejects.toMatchObject({ code: 'session_ended' });
  });
});

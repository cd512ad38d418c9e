import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/domain-errors.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AccessGuard } from './access.guard.js';
import type { ApiKeysService } from './api-keys.service.js';
import { Public, RequireRoles, RequireScope } from './permission.decorator.js';
import type { Principal } from './principal.js';
import { TokenService } from './token.service.js';

class Routes {
  @Public() health(): void {}
  @RequireRoles('admin') manageKeys(): void {}
  @RequireScope('evaluate', 'key', 'analyst', 'approver') evaluate(): void {}
  undeclared(): void {}
}

const tokens = new TokenService({ jwtSecret: 'k'.repeat(40), jwtTtlSeconds: 600 } as AppConfig);
// A fake of our own key store: the guard's logic is under test here, not key storage.
const keys = {
  authenticate: async (presented: string): Promise<Principal & { kind: 'apiKey' }> => {
    if (presented !== 'good-key') throw new UnauthenticatedError('bad key', 'invalid_api_key');
    return { kind: 'apiKey', id: 'k1', name: 'erp', scopes: ['evaluate:invoices-*'] };
  },
} as unknown as ApiKeysService;
const guard = new AccessGuard(new Reflector(), tokens, keys, { metricsPublic: false } as AppConfig);

function call(route: keyof Routes, headers: Record<string, string>, params: Record<string, string> = {}) {
  const request = { headers, params } as { headers: Record<string, string>; params: Record<string, string>; principal?: Principal };
  const context = {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { result: guard.canActivate(context), request };
}

const bearer = (...roles: ('analyst' | 'approver' | 'risk' | 'admin')[]) => ({ authorization: `Bearer ${tokens.issue('someone', roles).token}` });

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
    await expect(call('manageKeys', { 'x-api-key': 'good-key' }).result).rejects.toMatchObject({ code: 'missing_role' });
  });

  it('checks a key scope against the resource named in the URL', async () => {
    const allowed = call('evaluate', { 'x-api-key': 'good-key' }, { key: 'invoices-2025' });
    await expect(allowed.result).resolves.toBe(true);
    expect(allowed.request.principal).toMatchObject({ kind: 'apiKey', id: 'k1' });
    await expect(call('evaluate', { 'x-api-key': 'good-key' }, { key: 'enrolment' }).result).rejects.toMatchObject({ code: 'missing_scope' });
    await expect(call('evaluate', bearer('analyst'), { key: 'enrolment' }).result).resolves.toBe(true);
    await expect(call('evaluate', bearer('risk'), { key: 'enrolment' }).result).rejects.toMatchObject({ code: 'missing_role' });
  });

  it('says 401 for no credentials and for a bad key', async () => {
    await expect(call('evaluate', {}, { key: 'x' }).result).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(call('evaluate', { 'x-api-key': 'stolen' }, { key: 'x' }).result).rejects.toMatchObject({ code: 'invalid_api_key' });
    await expect(call('evaluate', { authorization: 'Basic abc' }, { key: 'x' }).result).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-errors.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import type { UserDocument } from './user.schema.js';
import type { CreateUserRequest, UpdateUserRequest, UserView } from './users.contract.js';
import { UsersRepository } from './users.repository.js';

/** Console accounts, managed by admins; creations, role changes and disabling are audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery): Promise<ListPage<UserView>> {
    const { items, total } = await this.repository.list(query);
    return { items: items.map(toView), total, skip: query.skip };
  }

  async get(username: string): Promise<UserView> {
    const user = await this.repository.findByUsername(username);
    if (!user) throw new NotFoundError(`No user named "${username}".`);
    return toView(user);
  }

  async create(request: CreateUserRequest, actor: string): Promise<UserView> {
    const created = await this.repository.createIfAbsent({
      username: request.username,
      displayName: request.displayName,
      passwordHash: await hashPassword(request.password),
      roles: [...request.roles],
      demo: false,
    });
    if (!created) throw new ConflictError(`A user named "${request.username}" already exists.`, 'user_exists', [{ path: '/username', message: 'is already taken' }]);
    await this.audit.record({ actor, action: 'user.created', resourceType: 'user', resourceKey: request.username, details: { roles: request.roles } });
    return this.get(request.username);
  }

  async update(username: string, request: UpdateUserRequest, actor: string): Promise<UserView> {
    if (username === actor && (request.disabled === true || (request.roles && !request.roles.includes('admin')))) {
      throw new ValidationError('You cannot remove your own admin role or disable your own account; ask another admin.', [
        { path: request.disabled === true ? '/disabled' : '/roles', message: 'would lock you out of administration' },
      ], 'self_lockout');
    }
    const change: Partial<Pick<UserDocument, 'displayName' | 'roles' | 'disabled' | 'passwordHash'>> = {};
    if (request.displayName !== undefined) change.displayName = request.displayName;
    if (request.roles !== undefined) change.roles = [...request.roles];
    if (request.disabled !== undefined) change.disabled = request.disabled;
    if (request.password !== undefined) change.passwordHash = await hashPassword(request.password);
    const before = await this.repository.update(username, change, request.unlock === true || request.password !== undefined);
    if (!before) throw new NotFoundError(`No user named "${username}".`);
    await this.auditChange(before, request, actor);
    return this.get(username);
  }

  private async auditChange(before: UserDocument, request: UpdateUserRequest, actor: string): Promise<void> {
    const base = { actor, resourceType: 'user', resourceKey: before._id };
    if (request.roles && [...request.roles].sort().join() !== [...before.roles].sort().join()) {
      await this.audit.record({ ...base, action: 'user.roles_changed', summary: { before: before.roles, after: request.roles } });
    }
    if (request.disabled !== undefined && request.disabled !== before.disabled) {
      await this.audit.record({ ...base, action: request.disabled ? 'user.disabled' : 'user.enabled' });
    }
    if (request.password !== undefined) await this.audit.record({ ...base, action: 'user.password_reset' });
    if (request.unlock) await this.audit.record({ ...base, action: 'user.unlocked' });
  }
}

function toView(user: UserDocument): UserView {
  return {
    id: user._id,
    username: user._id,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    demo: user.demo,
    locked: Boolean(user.lockedUntil && user.lockedUntil > new Date()),
    ...(user.lastLoginAt && { lastLoginAt: user.lastLoginAt.toISOString() }),
    ...(user.createdAt && { createdAt: user.createdAt.toISOString() }),
  };
}

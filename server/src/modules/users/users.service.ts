import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SerialLocks } from '../../common/database/serial-locks.js';
import { ConflictError, NotFoundError, ValidationError, namesNone } from '../../common/errors/domain-errors.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import type { AuditEntry } from '../audit/audit-chain.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxDrain } from '../audit/outbox-drain.js';
import { outboxItem, type OutboxItem } from '../audit/outbox.js';
import { hashPassword } from './password.js';
import { assertStrongPassword } from './password-strength.js';
import type { UserDocument } from './user.schema.js';
import type { CreateUserRequest, PersonView, UpdateUserRequest, UserView } from './users.contract.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionUsers } from './session-users.js';
import { UsersRepository } from './users.repository.js';

/** Console accounts, managed by admins; creations, role changes and disabling are audited. */
/**
 * The names the service acts under in the audit trail: `seed` (files it loads), `system` (accounts it locks), `cli`
 * (accounts made from the command line). Other service actors (`system:experiment-watch`, `api-key:…`) hold a
 * character no username may.
 */
export const SERVICE_ACTORS: readonly string[] = ['seed', 'system', 'cli'];

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly outbox: OutboxDrain;

  constructor(
    private readonly repository: UsersRepository,
    audit: AuditService,
    private readonly sessions: SessionUsers,
    private readonly throttle: LoginThrottle,
    private readonly locks: SerialLocks,
  ) {
    // Recorded items are taken out of the document's outbox at once: its next change does not rewrite it whole.
    this.outbox = new OutboxDrain(audit, 'user', (key, items) => this.repository.removeFromOutbox(key, items));
  }

  /** Records user audit events a crashed process left in an outbox. */
  async onApplicationBootstrap(): Promise<void> {
    await this.outbox.atStartup(
      (await this.repository.withOutbox()).map((user) => [user._id, user.outbox ?? []] as [string, OutboxItem[]]),
    );
  }

  async list(query: ListQuery): Promise<ListPage<UserView>> {
    const { items, total } = await this.repository.list(query);
    return { items: items.map((user) => toView(user, this.throttle)), total, skip: query.skip };
  }

  /** Display names by username, for every signed-in colleague (disabled accounts included: their past work stays theirs). */
  async people(): Promise<PersonView[]> {
    const people = await this.repository.people();
    return people.map((p) => ({ username: p._id, displayName: p.displayName }));
  }

  async get(username: string): Promise<UserView> {
    const user = await this.repository.findByUsername(username);
    if (!user)
      throw new NotFoundError(`No user named "${username}".`, [namesNone('/username', 'user', 'names no user')]);
    return toView(user, this.throttle);
  }

  async create(request: CreateUserRequest, actor: string): Promise<UserView> {
    if (SERVICE_ACTORS.includes(request.username))
      throw new ConflictError(
        `"${request.username}" is a name the service itself acts under in the audit trail (${SERVICE_ACTORS.join(', ')}): a person named so could not be told apart from it.`,
        'user_exists',
        [{ path: '/username', message: 'is reserved for the service itself', keyword: 'taken' }],
      );
    const event = outboxItem({
      actor,
      action: 'user.created',
      resourceType: 'user',
      resourceKey: request.username,
      summary: { after: { roles: request.roles } },
    });
    await assertStrongPassword(request.password, [request.username, request.displayName]);
    const passwordHash = await hashPassword(request.password);
    const created = await this.outbox.written(
      request.username,
      [event],
      () =>
        this.repository.createIfAbsent({
          username: request.username,
          displayName: request.displayName,
          passwordHash,
          roles: [...request.roles],
          demo: false,
          outbox: [event],
        }),
      () => this.repository.findByUsername(request.username),
    );
    if (!created)
      throw new ConflictError(`A user named "${request.username}" already exists.`, 'user_exists', [
        { path: '/username', message: 'is already taken', keyword: 'taken' },
      ]);
    await this.outbox.afterCommit(request.username, [event]);
    return this.get(request.username);
  }

  async update(username: string, request: UpdateUserRequest, actor: string): Promise<UserView> {
    // Taking an admin away is checked against the other admins and done one at a time: two admins disabling each
    // other at the same moment both succeeded, and nobody was left to administer the service (an API probe).
    const removesAdmin = request.disabled === true || (request.roles !== undefined && !request.roles.includes('admin'));
    if (!removesAdmin) return this.updateNow(username, request, actor);
    return this.locks.serially(['users:admins'], () => this.updateNow(username, request, actor, true));
  }

  private async updateNow(
    username: string,
    request: UpdateUserRequest,
    actor: string,
    checkOtherAdmins = false,
  ): Promise<UserView> {
    const before = await this.repository.findByUsername(username);
    if (!before)
      throw new NotFoundError(`No user named "${username}".`, [namesNone('/username', 'user', 'names no user')]);
    // Compared on the stored name: usernames are case-insensitive, so `PUT /users/ADMIN` is the admin too.
    if (
      before._id === actor.toLowerCase() &&
      (request.disabled === true || (request.roles && !request.roles.includes('admin')))
    ) {
      throw new ValidationError(
        'You cannot remove your own admin role or disable your own account; ask another admin.',
        [
          {
            path: request.disabled === true ? '/disabled' : '/roles',
            message: 'would lock you out of administration',
            keyword: 'selfLockout',
          },
        ],
        'self_lockout',
      );
    }
    if (checkOtherAdmins && before.roles.includes('admin') && before.disabled !== true) {
      const others = (await this.repository.enabledAdmins()).filter((name) => name !== before._id);
      if (others.length === 0)
        throw new ConflictError(
          `"${before._id}" is the last enabled admin: nobody could manage accounts or API keys after this change. Make another account admin first.`,
          'last_admin',
          [
            {
              path: request.disabled === true ? '/disabled' : '/roles',
              message: 'would leave no enabled admin',
              keyword: 'lastAdmin',
            },
          ],
        );
    }
    const change: Partial<Pick<UserDocument, 'displayName' | 'roles' | 'disabled' | 'passwordHash'>> = {};
    if (request.displayName !== undefined) change.displayName = request.displayName;
    if (request.roles !== undefined) change.roles = [...request.roles];
    if (request.disabled !== undefined) change.disabled = request.disabled;
    if (request.password !== undefined) {
      await assertStrongPassword(request.password, [before._id, request.displayName ?? before.displayName]);
      change.passwordHash = await hashPassword(request.password);
    }
    const events = changeEvents(before, request, actor).map((entry) => outboxItem(entry));
    // Disabling, a change of roles or a new password ends the user's sessions at once (docs/adr/0003).
    const rolesChanged =
      request.roles !== undefined && [...request.roles].sort().join() !== [...before.roles].sort().join();
    const endSessions = request.disabled === true || rolesChanged || request.password !== undefined;
    const updated = await this.outbox.written(
      before._id,
      events,
      () =>
        this.repository.update(
          username,
          change,
          request.unlock === true || request.password !== undefined,
          events,
          endSessions,
        ),
      () => this.repository.findByUsername(before._id),
    );
    if (!updated) {
      throw new NotFoundError(`No user named "${username}".`, [namesNone('/username', 'user', 'names no user')]);
    }
    this.sessions.forget(before._id);
    if (request.unlock === true) this.throttle.clear(before._id);
    await this.outbox.afterCommit(before._id, events);
    return this.get(username);
  }
}

/** The audit events a user change makes: one per kind of change, roles with before and after. */
function changeEvents(before: UserDocument, request: UpdateUserRequest, actor: string): AuditEntry[] {
  const base = { actor, resourceType: 'user', resourceKey: before._id };
  const events: AuditEntry[] = [];
  if (request.roles && [...request.roles].sort().join() !== [...before.roles].sort().join()) {
    events.push({ ...base, action: 'user.roles_changed', summary: { before: before.roles, after: request.roles } });
  }
  if (request.disabled !== undefined && request.disabled !== before.disabled)
    events.push({ ...base, action: request.disabled ? 'user.disabled' : 'user.enabled' });
  if (request.displayName !== undefined && request.displayName !== before.displayName) {
    events.push({
      ...base,
      action: 'user.renamed',
      summary: { before: before.displayName, after: request.displayName },
    });
  }
  if (request.password !== undefined) events.push({ ...base, action: 'user.password_reset' });
  if (request.unlock) events.push({ ...base, action: 'user.unlocked' });
  return events;
}

function toView(user: UserDocument, throttle: LoginThrottle): UserView {
  return {
    id: user._id,
    username: user._id,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabled,
    demo: user.demo,
    // Some address is refused on the account (this instance), or an old account-wide lock is still on.
    locked: throttle.lockedAddresses(user._id) > 0 || Boolean(user.lockedUntil && user.lockedUntil > new Date()),
    ...(user.lastLoginAt && { lastLoginAt: user.lastLoginAt.toISOString() }),
    ...(user.createdAt && { createdAt: user.createdAt.toISOString() }),
  };
}

import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, namesNone, type NamedThing } from '../../common/errors/domain-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { OutboxDrain } from '../audit/outbox-drain.js';
import type { Lifecycle } from './lifecycle.js';
import type { VersionedResourceRepository } from './versioned-resource.repository.js';
import type { ResourceState, Transition } from './versioned-resource.js';

const MAX_ATTEMPTS = 5;

export interface ApplyOptions<M = unknown, C = unknown> {
  /** Publications and rollbacks: if another one landed meanwhile, refuse instead of stacking on it. */
  refuseIfPublicationsMoved?: boolean;
  /** The resource as the caller just read it (saves reading it again); compute still re-checks on a retry. */
  readState?: ResourceState<M, C>;
}

/**
 * Applies lifecycle transitions to stored resources: read, compute, compare-and-swap the whole document
 * with its audit events in the outbox, then drain the outbox into the audit chain.
 */
export class VersionedResourceService<M, C> {
  private readonly outbox: OutboxDrain;

  constructor(
    readonly lifecycle: Lifecycle<M, C>,
    private readonly repository: VersionedResourceRepository<M, C>,
    audit: AuditService,
    private readonly label: string,
    private readonly changed: (key: string) => void = () => undefined,
  ) {
    // Recorded items leave the outbox with the resource's next change, inside that change's own write.
    this.outbox = new OutboxDrain(audit, label);
  }

  async load(key: string): Promise<ResourceState<M, C>> {
    const state = await this.repository.get(key);
    if (!state)
      throw new NotFoundError(`No ${this.label} with key "${key}".`, [
        namesNone('/key', this.label.replace(' ', '_') as NamedThing, `names no ${this.label}`),
      ]);
    return state;
  }

  async create(transition: Transition<M, C>): Promise<ResourceState<M, C>> {
    const state = { ...transition.state, outbox: this.outboxFor(transition) };
    const created = await this.outbox.written(
      state.key,
      state.outbox,
      () => this.repository.create(state),
      () => this.repository.get(state.key),
    );
    if (!created) {
      const article = /^[aeiou]/i.test(this.label) ? 'An' : 'A';
      throw new ConflictError(`${article} ${this.label} with key "${state.key}" already exists.`, 'key_taken', [
        { path: '/key', message: 'is already taken', keyword: 'taken' },
      ]);
    }
    this.changed(state.key);
    await this.outbox.afterCommit(state.key, state.outbox);
    return state;
  }

  /** Applies a transition that may create the resource (imports); null from `compute` means nothing to do. */
  async upsert(
    key: string,
    compute: (state: ResourceState<M, C> | null) => Transition<M, C> | null,
  ): Promise<ResourceState<M, C> | null> {
    const existing = await this.repository.get(key);
    const transition = compute(existing);
    if (!transition) return null;
    if (!existing) {
      if (transition.frozenContent)
        await this.repository.saveContent(transition.frozenContent.checksum, transition.frozenContent.content);
      return this.create(transition);
    }
    return this.apply(key, compute);
  }

  /** Runs `compute` on the freshest state until its write wins; a benign concurrent change is simply retried. */
  async apply(
    key: string,
    compute: (state: ResourceState<M, C>) => Transition<M, C> | null | Promise<Transition<M, C>>,
    options: ApplyOptions<M, C> = {},
  ): Promise<ResourceState<M, C>> {
    // A state the caller read a moment ago is a fine first guess: the write is a compare-and-swap on its revision,
    // so a stale guess only costs a retry on the fresh state.
    let state = options.readState?.key === key ? options.readState : await this.load(key);
    // What was in force and scheduled when the caller decided: a withdrawal and a publication between two tries
    // leave the count as it was, so the whole list is compared.
    const publicationsSeen = JSON.stringify(state.publications);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const transition = await compute(state);
      if (!transition) return state; // nothing to change (an import whose content is already in force)
      if (transition.frozenContent)
        await this.repository.saveContent(transition.frozenContent.checksum, transition.frozenContent.content);
      // The outbox keeps what is not yet in the audit trail, plus this change's events, in the same write.
      const pending = await this.outbox.unrecorded(state.outbox);
      const next = { ...transition.state, outbox: [...pending, ...this.outboxFor(transition)] };
      const events = next.outbox.slice(pending.length);
      const replaced = await this.outbox.written(
        key,
        events,
        () => this.repository.replace(next, state.rev),
        () => this.repository.get(key),
      );
      if (replaced) {
        this.changed(key);
        await this.outbox.afterCommit(key, next.outbox);
        return next;
      }
      state = await this.load(key);
      if (options.refuseIfPublicationsMoved && JSON.stringify(state.publications) !== publicationsSeen) {
        throw new ConflictError(
          `Another publication of "${key}" happened at the same moment; reload to see which version is in force.`,
          'concurrent_publication',
          [{ path: '/key', message: 'had another publication at the same moment', keyword: 'concurrentPublication' }],
        );
      }
    }
    throw new ConflictError(`"${key}" is changing too fast to apply this change; try again.`, 'busy');
  }

  /** The content of a version: the draft's when it is the draft, otherwise the frozen content by checksum. */
  async content(state: ResourceState<M, C>, number: number): Promise<C> {
    if (state.draft?.version === number) return state.draft.content;
    const version = this.lifecycle.find(state, number);
    const content = version.checksum ? await this.repository.loadContent(version.checksum) : null;
    if (content === null) throw new NotFoundError(`The content of version ${number} of "${state.key}" is missing.`);
    return content;
  }

  /** At start-up: record what a process that died after a change but before its audit write left behind. */
  drainAll(): Promise<number> {
    return this.outbox.drainStored(this.repository);
  }

  private outboxFor(transition: Transition<M, C>): ResourceState<M, C>['outbox'] {
    const at = new Date().toISOString();
    return transition.events.map((entry) => ({ id: randomUUID(), at, entry }));
  }
}

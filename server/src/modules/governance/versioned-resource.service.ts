import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Lifecycle } from './lifecycle.js';
import type { VersionedResourceRepository } from './versioned-resource.repository.js';
import type { ResourceState, Transition } from './versioned-resource.js';

const MAX_ATTEMPTS = 5;
/** After a committed change whose audit write failed, the outbox is drained again this much later. */
const AUDIT_RETRY_MS = 2_000;

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
  private readonly logger = new Logger('Governance');

  constructor(
    readonly lifecycle: Lifecycle<M, C>,
    private readonly repository: VersionedResourceRepository<M, C>,
    private readonly audit: AuditService,
    private readonly label: string,
    private readonly changed: (key: string) => void = () => undefined,
  ) {}

  async load(key: string): Promise<ResourceState<M, C>> {
    const state = await this.repository.get(key);
    if (!state) throw new NotFoundError(`No ${this.label} with key "${key}".`);
    return state;
  }

  async create(transition: Transition<M, C>): Promise<ResourceState<M, C>> {
    const state = { ...transition.state, outbox: this.outboxFor(transition) };
    if (!(await this.repository.create(state))) {
      throw new ConflictError(`A ${this.label} with key "${state.key}" already exists.`, 'key_taken', [
        { path: '/key', message: 'is already taken', keyword: 'taken' },
      ]);
    }
    this.changed(state.key);
    await this.drainAfterCommit(state);
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
    const publicationsSeen = state.publications.length;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const transition = await compute(state);
      if (!transition) return state; // nothing to change (an import whose content is already in force)
      if (transition.frozenContent)
        await this.repository.saveContent(transition.frozenContent.checksum, transition.frozenContent.content);
      // The outbox keeps what is not yet in the audit trail, plus this change's events, in the same write.
      const recorded = await this.audit.recorded(state.outbox.map((item) => item.id));
      const pending = state.outbox.filter((item) => !recorded.has(item.id));
      const next = { ...transition.state, outbox: [...pending, ...this.outboxFor(transition)] };
      if (await this.repository.replace(next, state.rev)) {
        this.changed(key);
        await this.drainAfterCommit(next);
        return next;
      }
      state = await this.load(key);
      if (options.refuseIfPublicationsMoved && state.publications.length !== publicationsSeen) {
        throw new ConflictError(
          `Another publication of "${key}" happened at the same moment; reload to see which version is in force.`,
          'concurrent_publication',
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

  /**
   * Records the outbox's events in the audit trail, each at most once (by event id). Recorded entries leave
   * the outbox at the resource's next change, inside that change's own write: no separate update can race it.
   */
  async drain(state: ResourceState<M, C>, options: { fresh?: boolean } = {}): Promise<number> {
    // Queued together, so the audit trail writes them in one batch, in outbox order.
    const written = await Promise.all(
      state.outbox.map((item) => this.audit.recordOnce(item.id, item.entry, new Date(item.at), options)),
    );
    return written.filter((event) => event !== undefined).length;
  }

  /**
   * Once a change is committed the request has succeeded, whatever happens to its audit write: its events wait
   * in the outbox (stored with the change), and are drained again shortly, at the next change, or at start-up.
   * Reporting a failure here would send the caller to retry a change that was made.
   */
  private async drainAfterCommit(state: ResourceState<M, C>): Promise<void> {
    try {
      // Its entries are new or were found unrecorded just before the write: no need to look each up again.
      await this.drain(state, { fresh: true });
    } catch (err) {
      this.logger.warn(`audit of "${state.key}" deferred: ${(err as Error).message}`);
      setTimeout(
        () =>
          void this.drain(state).catch((again: Error) =>
            this.logger.warn(`audit of "${state.key}" still deferred: ${again.message}`),
          ),
        AUDIT_RETRY_MS,
      ).unref();
    }
  }

  /** At start-up: record what a process that died after a change but before its audit write left behind. */
  async drainAll(): Promise<number> {
    let written = 0;
    for (const key of await this.repository.keysWithOutbox()) {
      const state = await this.repository.get(key);
      if (state) written += await this.drain(state);
    }
    return written;
  }

  private outboxFor(transition: Transition<M, C>): ResourceState<M, C>['outbox'] {
    const at = new Date().toISOString();
    return transition.events.map((entry) => ({ id: randomUUID(), at, entry }));
  }
}

import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { turn } from '../../common/async/turn.js';
import { checksumInTurns } from '../../common/json/checksum-in-turns.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { Tagged } from '../../common/http/etag.interceptor.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import type { AuditService } from '../audit/audit.service.js';
import { draftEtag } from './etag.js';
import type { PublishRequest, RollbackRequest } from './governed.contract.js';
import { Lifecycle } from './lifecycle.js';
import { ListIndex, type ResourceListFilter } from './list-index.js';
import { versionInForce } from './publications.js';
import { createdView, resourceView } from './resource-view.js';
import type { VersionedResourceRepository } from './versioned-resource.repository.js';
import { VersionedResourceService } from './versioned-resource.service.js';
import type { ResourceState, Transition } from './versioned-resource.js';

export type ResourceView<M extends object> = ReturnType<typeof resourceView<M, unknown>>;
export type VersionView = ResourceView<object>['versions'][number];
export type TransitionAction = 'submit' | 'approve' | 'reject';
/** A state a subclass checked a withdrawal against, and the instant it took "in force" at. */
export interface CheckedState<M, C> {
  state: ResourceState<M, C>;
  at: Date;
}

/** What a kind of governed resource says about itself; the lifecycle around it is the same for all. */
export interface GovernedKind<M extends object, C, CreateRequest> {
  /** Names audit events and ETags: `ruleset`, `prompt`, `experiment`. */
  resourceType: string;
  /** For people: `rule set`. */
  label: string;
  /** A create request (or a reviewed file) as key, metadata and content. */
  split(request: CreateRequest): { key: string; meta: M; content: C };
  /** Throws a ValidationError naming each problem of a content about to be stored. */
  validate(content: C, meta: M): void | Promise<void>;
  /** Whether publishing needs a passing test run of that exact content. */
  requiresTestRun(content: C): boolean;
  /**
   * Throws a ValidationError when a version may not go to review as it is (rule sets: static analysis errors;
   * prompts: an evaluation set required that does not exist, which someone could write after the approval).
   */
  beforeSubmit?(content: C, meta: M, version: { key: string; number: number }): void | Promise<void>;
  /**
   * Throws a ValidationError when an approved version may not be published yet (prompts: a required evaluation
   * run). Called once the lifecycle accepts the publication, before anything is written.
   */
  beforePublish?(
    content: C,
    meta: M,
    version: { key: string; number: number; checksum: string; approvedAt?: string },
  ): Promise<void>;
  /** What changed between two contents, in the resource's own terms (rules, template lines, variants). */
  diff(meta: M, before: C, after: C): object | Promise<object>;
}

/**
 * One governed resource's service: create, read, list, edit the draft, submit, approve, reject, publish,
 * roll back, compare versions, import reviewed files. Each write is a transition of `Lifecycle`, stored by
 * `VersionedResourceService` (revision claim, outbox, audit). Subclasses add what only their resource does.
 */

export abstract class GovernedResourceService<M extends object, C, CreateRequest> implements OnApplicationBootstrap {
  readonly lifecycle: Lifecycle<M, C>;
  protected readonly resources: VersionedResourceService<M, C>;
  private readonly listIndex: ListIndex;
  private readonly metaLog = new Logger('Files');

  constructor(
    protected readonly kind: GovernedKind<M, C, CreateRequest>,
    protected readonly repository: VersionedResourceRepository<M, C>,
    audit: AuditService,
    /** Called with the key of every resource this instance changes (caches evict it). */
    changed: (key: string) => void = () => undefined,
  ) {
    this.lifecycle = new Lifecycle<M, C>(kind.resourceType, kind.label);
    const listIndex = new ListIndex(kind.resourceType, repository, audit.feed);
    this.listIndex = listIndex;
    this.resources = new VersionedResourceService(this.lifecycle, repository, audit, kind.label, (key) => {
      listIndex.touch(key);
      changed(key);
    });
  }

  /** A process that died between a change and its audit write left it in the outbox: record it now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.repository.init();
    await this.resources.drainAll();
  }

  async create(
    request: CreateRequest,
    actor: string,
  ): Promise<Tagged<ResourceView<M> & { version: 1; status: 'draft' }>> {
    const { key, meta, content } = this.kind.split(request);
    await this.kind.validate(content, meta);
    await checksumInTurns(content); // checks and checksums in turns of their own (ADR 0034)
    const state = await this.resources.create(this.lifecycle.create(key, meta, content, actor, new Date()));
    return createdView(this.tagged(state));
  }

  async get(key: string): Promise<Tagged<ResourceView<M>>> {
    return this.tagged(await this.resources.load(key));
  }

  /** One page; `status` filters on derived statuses (a scheduled publication starts on its own). */
  async list(query: ListQuery): Promise<ListPage<ResourceView<M>>> {
    const f = query.filter;
    const text = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : undefined);
    const { items, total } = await this.states(query, {
      pilot: text('pilot'),
      status: text('status'),
      q: text('q'),
      archived: f['archived'] === true,
    });
    return { items: items.map((s) => resourceView(s)), total, skip: query.skip };
  }

  /** The stored states of one page (without draft contents and outboxes), chosen by the list index. */
  protected async states(
    query: ListQuery,
    filter: ResourceListFilter,
  ): Promise<{ items: ResourceState<M, C>[]; total: number }> {
    const { keys, total } = await this.listIndex.select(query, filter);
    return { items: await this.repository.page(keys), total };
  }

  /** Edits the draft (or starts one from the version in force); fields not sent keep their current value. */
  async updateDraft(
    key: string,
    request: Partial<C>,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<ResourceView<M>>> {
    const state = await this.resources.apply(key, async (current) => {
      const now = new Date();
      // A stale editor hears « reload » before any work on the content, or anything about it.
      this.lifecycle.assertDraftEditable(current, ifMatch, now);
      const base = current.draft?.content ?? (await this.resources.content(current, startingVersion(current)));
      const content = { ...base, ...request };
      // Before and after: 5–25 ms each at the size limit, hashed in turns (ADR 0034).
      await checksumInTurns(base);
      await checksumInTurns(content);
      const transition = this.lifecycle.editDraft(
        current,
        content,
        ifMatch,
        actor,
        now,
        current.draft ? undefined : base,
      );
      await turn(); // the checks start in a turn of their own (ADR 0034)
      await this.kind.validate(content, current.meta);
      return transition;
    });
    return this.tagged(state);
  }

  /** One version, its status derived, with its content; the ETag guards the next draft edit. */
  async version(key: string, number: number): Promise<Tagged<VersionView & { content: C }>> {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    const content = await this.resources.content(state, number);
    const version = resourceView(state).versions.find((v) => v.number === number)!;
    return { body: { ...version, content }, etag: this.etag(state) };
  }

  /** Every version, newest first. */
  async versions(key: string): Promise<ListPage<VersionView>> {
    const items = [...resourceView(await this.resources.load(key)).versions].reverse();
    return { items, total: items.length, skip: 0 };
  }

  async transition(
    key: string,
    number: number,
    action: TransitionAction,
    actor: string,
    comment?: string,
    /**
     * What the caller read, when they say it: submitting, the draft's revision; approving or rejecting, the
     * checksum of the submitted content.
     */
    read?: string | number,
  ): Promise<ResourceView<M>> {
    const state = await this.resources.apply(key, async (s) => {
      if (action === 'submit') {
        // The state first: a version that is not a draft is refused without paying for its analysis.
        if (s.draft?.version === number) await checksumInTurns(s.draft.content);
        const submitted = this.lifecycle.submit(s, number, actor, comment, new Date(), read as number | undefined);
        await this.kind.beforeSubmit?.(await this.resources.content(s, number), s.meta, { key, number });
        return submitted;
      }
      const now = new Date();
      if (action === 'approve')
        return this.afterTransition(
          s,
          this.lifecycle.approve(s, number, actor, comment, now, read as string | undefined),
          action,
          number,
          actor,
          now,
        );
      const content = await this.resources.content(s, number);
      const rejected = this.lifecycle.reject(s, number, actor, comment, now, content, read as string | undefined);
      return this.afterTransition(s, rejected, action, number, actor, now);
    });
    return resourceView(state);
  }

  async publish(key: string, number: number, actor: string, request: PublishRequest): Promise<ResourceView<M>> {
    const state = await this.resources.apply(
      key,
      async (s) => {
        const content = await this.resources.content(s, number);
        const requiresTestRun = this.kind.requiresTestRun(content);
        const now = new Date();
        const published = this.lifecycle.publish(s, number, actor, { ...request, requiresTestRun }, now);
        const { checksum, approvedAt } = this.lifecycle.find(s, number);
        await this.kind.beforePublish?.(content, s.meta, { key, number, checksum: checksum!, approvedAt });
        return this.afterTransition(s, published, 'publish', number, actor, now);
      },
      { refuseIfPublicationsMoved: true },
    );
    return resourceView(state);
  }

  /** Goes back to an earlier published version (approvers; a reason is required). `checked`: see `withdraw`. */
  rollback(key: string, request: RollbackRequest, actor: string, checked?: CheckedState<M, C>) {
    return this.withdraw(key, checked, (s, now) => this.lifecycle.rollback(s, request, actor, now));
  }

  /** Withdraws a version's publication that has not taken effect yet (approvers; a reason is required). */
  unschedule(key: string, number: number, actor: string, comment: string, checked?: CheckedState<M, C>) {
    return this.withdraw(key, checked, (s, now) => this.lifecycle.unschedule(s, number, actor, comment, now));
  }

  /**
   * A change that takes a version out of service. `checked`: the state a subclass read to check it against (what
   * it takes out of service) and the instant it checked it at. The write starts from that state, so a publication
   * landing after the check is refused (`concurrent_publication`) rather than withdrawn unchecked; so is a
   * scheduled publication that took effect in between (the version checked is no longer the one in force).
   */
  private async withdraw(
    key: string,
    checked: CheckedState<M, C> | undefined,
    change: (state: ResourceState<M, C>, now: Date) => Transition<M, C>,
  ): Promise<ResourceView<M>> {
    const state = await this.resources.apply(
      key,
      (s) => {
        const now = new Date();
        if (checked && versionInForce(s.publications, now) !== versionInForce(s.publications, checked.at))
          throw new ConflictError(
            `A scheduled publication of "${key}" took effect while this change was being checked; reload to see which version is in force.`,
            'concurrent_publication',
            [
              {
                path: '/key',
                message: 'had a scheduled publication take effect during this change',
                keyword: 'concurrentPublication',
              },
            ],
          );
        return change(s, now);
      },
      { refuseIfPublicationsMoved: true, readState: checked?.state },
    );
    return resourceView(state);
  }

  async archive(key: string, actor: string, comment?: string): Promise<ResourceView<M>> {
    return resourceView(await this.resources.apply(key, (s) => this.lifecycle.archive(s, actor, comment, new Date())));
  }

  /**
   * What a resource adds to an approval, a rejection or a publication of its own (rule sets: the shadow run of
   * that version ends, and its figures go into the event), at the transition's own instant `now`. The transition
   * as computed, by default.
   */
  protected afterTransition(
    _before: ResourceState<M, C>,
    transition: Transition<M, C>,
    _action: 'approve' | 'reject' | 'publish',
    _number: number,
    _actor: string,
    _now: Date,
  ): Transition<M, C> | Promise<Transition<M, C>> {
    return transition;
  }

  /** What changed between two versions; `draft` and `active` name the draft and the version in force. */
  async diff(key: string, from: string, to: string): Promise<{ from: number; to: number } & object> {
    const state = await this.resources.load(key);
    const [fromNumber, toNumber] = [this.resolve(state, from, '/from'), this.resolve(state, to, '/to')];
    const [before, after] = await Promise.all([
      this.resources.content(state, fromNumber),
      this.resources.content(state, toNumber),
    ]);
    return { from: fromNumber, to: toNumber, ...(await this.kind.diff(state.meta, before, after)) };
  }

  /**
   * Publishes a reviewed file's content as a new version unless it is already in force (or, with `anyPublished`,
   * was ever published); true when it changed.
   */
  async importPublished(request: CreateRequest, actor: string, source: string, anyPublished = false): Promise<boolean> {
    const { key, meta, content } = this.kind.split(request);
    await this.kind.validate(content, meta);
    const state = await this.resources.upsert(key, (current) => {
      if (current) this.warnOfMetaKept(source, current.meta, meta);
      return this.lifecycle.importPublished(
        current,
        key,
        current?.meta ?? meta,
        content,
        actor,
        source,
        new Date(),
        anyPublished,
      );
    });
    return state !== null;
  }

  /**
   * A stored resource keeps its name and description (changed in the console, audited); a file that says others
   * is loaded for its content only. That was silent: a rename reviewed in git never arrived, and the next export
   * wrote the stored name back over it (a command-line review).
   */
  private warnOfMetaKept(source: string, stored: M, file: M): void {
    const differ = Object.keys(file as object).filter(
      (field) =>
        JSON.stringify((file as Record<string, unknown>)[field]) !==
        JSON.stringify((stored as Record<string, unknown>)[field]),
    );
    if (differ.length > 0)
      this.metaLog.warn(
        `${source}: the stored ${differ.join(' and ')} ${differ.length > 1 ? 'are' : 'is'} kept, not the file's; change ${differ.length > 1 ? 'them' : 'it'} in the console`,
      );
  }

  /** The content of a version of a stored resource. */
  content(state: ResourceState<M, C>, number: number): Promise<C> {
    return this.resources.content(state, number);
  }

  protected tagged(state: ResourceState<M, C>): Tagged<ResourceView<M>> {
    return { body: resourceView(state), etag: this.etag(state) };
  }

  protected etag(state: ResourceState<M, C>): string {
    return draftEtag(this.kind.resourceType, state);
  }

  private resolve(state: ResourceState<M, C>, ref: string, path: string): number {
    if (ref === 'draft') {
      if (!state.draft)
        throw new NotFoundError(`"${state.key}" has no draft to compare.`, [{ path, message: 'there is no draft' }]);
      return state.draft.version;
    }
    if (ref === 'active') {
      const active = versionInForce(state.publications, new Date());
      if (active === null)
        throw new NotFoundError(`"${state.key}" has no version in force to compare.`, [
          { path, message: 'nothing is published' },
        ]);
      return active;
    }
    return this.lifecycle.find(state, Number(ref), path).number;
  }
}

/** The version a new draft starts from: the one in force, else the latest. */
export function startingVersion(state: ResourceState<unknown, unknown>): number {
  return versionInForce(state.publications, new Date()) ?? state.nextVersion - 1;
}

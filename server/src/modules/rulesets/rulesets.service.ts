import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type { Tagged } from '../../common/http/etag.interceptor.js';
import type { ListPage, ListQuery } from '../../common/http/list-query.js';
import { AuditService } from '../audit/audit.service.js';
import { Lifecycle } from '../governance/lifecycle.js';
import { versionInForce, withDerivedStatuses } from '../governance/publications.js';
import { createdView } from '../governance/resource-view.js';
import { VersionedResourceService } from '../governance/versioned-resource.service.js';
import { diffRulesets, type RulesetDiff } from './ruleset-diff.js';
import { validateRulesetContent } from './ruleset-validation.js';
import { rulesetEtag, rulesetView, type RulesetState, type RulesetView } from './ruleset-views.js';
import type { RulesetContent, RulesetMeta } from './ruleset.types.js';
import type { CreateRulesetRequest, PublishRequest, UpdateDraftRequest } from './rulesets.contract.js';
import { RulesetsRepository } from './rulesets.repository.js';

const JUST_READ_MS = 5_000;
const JUST_READ_MAX = 256;

/** Rule sets under governance: drafts, four-eyes review, publication, rollback, diff. No HTTP here. */
@Injectable()
export class RulesetsService implements OnApplicationBootstrap {
  readonly lifecycle = new Lifecycle<RulesetMeta, RulesetContent>('ruleset', 'rule set');
  private readonly resources: VersionedResourceService<RulesetMeta, RulesetContent>;
  private readonly logger = new Logger('Rulesets');
  private readonly listeners: ((key: string) => void)[] = [];
  private readonly tablesByChecksum = new Map<string, string[]>();
  /** States `state()` returned lately: the first guess of the write that usually follows (a test run's record). */
  private readonly justRead = new Map<string, { state: RulesetState; at: number }>();

  constructor(
    private readonly repository: RulesetsRepository,
    audit: AuditService,
  ) {
    this.resources = new VersionedResourceService(this.lifecycle, repository, audit, 'rule set', (key) =>
      this.listeners.forEach((l) => l(key)),
    );
  }

  /** Called with the key of every rule set this instance changes (evaluation caches evict it). */
  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  /** The stored state, freshly read (drafts and tests must never use a cached copy). */
  async state(key: string): Promise<RulesetState> {
    const state = await this.resources.load(key);
    this.justRead.set(key, { state, at: Date.now() });
    if (this.justRead.size > JUST_READ_MAX) this.justRead.delete(this.justRead.keys().next().value!);
    return state;
  }

  /** The stored state, or null when there is no such rule set. */
  find(key: string): Promise<RulesetState | null> {
    return this.repository.get(key);
  }

  /** Current revision numbers, the cheap check other instances' caches poll. */
  revisionsOf(keys: string[]): Promise<Map<string, number>> {
    return this.repository.revisionsOf(keys);
  }

  content(state: RulesetState, number: number): Promise<RulesetContent> {
    return this.resources.content(state, number);
  }

  async recordTestRun(
    key: string,
    number: number,
    run: { checksum: string; passed: number; failed: number },
    actor: string,
  ): Promise<void> {
    // The test run read the state a moment ago: start from it (the write is a compare-and-swap on its revision).
    const read = this.justRead.get(key);
    this.justRead.delete(key);
    const readState = read && Date.now() - read.at < JUST_READ_MS ? read.state : undefined;
    await this.resources.apply(key, (s) => this.lifecycle.recordTestRun(s, number, run, actor, new Date()), {
      readState,
    });
  }

  /** A process that died between a change and its audit write left it in the outbox: record it now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.repository.init();
    const drained = await this.resources.drainAll();
    if (drained > 0)
      this.logger.warn(`recorded ${drained} audit event(s) left in rule set outboxes by an interrupted process`);
  }

  async create(request: CreateRulesetRequest, actor: string): Promise<Tagged<RulesetView>> {
    const { key, name, pilot, format, description, ...content } = request;
    const rulesetContent = content as RulesetContent;
    validateRulesetContent(format, rulesetContent);
    const meta: RulesetMeta = { name, pilot, format, ...(description !== undefined && { description }) };
    const state = await this.resources.create(this.lifecycle.create(key, meta, rulesetContent, actor, new Date()));
    return createdView(tagged(state));
  }

  async get(key: string): Promise<Tagged<RulesetView>> {
    return tagged(await this.resources.load(key));
  }

  async list(query: ListQuery): Promise<ListPage<RulesetView>> {
    const f = query.filter;
    const { items, total } = await this.repository.list(query, {
      pilot: typeof f['pilot'] === 'string' ? f['pilot'] : undefined,
      status: typeof f['status'] === 'string' ? f['status'] : undefined,
      q: typeof f['q'] === 'string' ? f['q'] : undefined,
      archived: f['archived'] === true,
    });
    return { items: items.map((s) => rulesetView(s)), total, skip: query.skip };
  }

  /** Edits the draft (or starts one from the version in force); fields not sent keep their current value. */
  async updateDraft(
    key: string,
    request: UpdateDraftRequest,
    ifMatch: string | undefined,
    actor: string,
  ): Promise<Tagged<RulesetView>> {
    const state = await this.resources.apply(key, async (current) => {
      const base = current.draft?.content ?? (await this.baseContent(current));
      const content = { ...base, ...(request as Partial<RulesetContent>) };
      // The transition checks If-Match first: a stale editor hears "reload" before anything about content.
      const transition = this.lifecycle.editDraft(
        current,
        content,
        ifMatch,
        actor,
        new Date(),
        current.draft ? undefined : base,
      );
      validateRulesetContent(current.meta.format, content);
      return transition;
    });
    return tagged(state);
  }

  async version(
    key: string,
    number: number,
  ): Promise<Tagged<RulesetView['versions'][number] & { content: RulesetContent }>> {
    const state = await this.resources.load(key);
    this.lifecycle.find(state, number);
    const content = await this.resources.content(state, number);
    const version = rulesetView(state).versions.find((v) => v.number === number)!;
    return { body: { ...version, content }, etag: rulesetEtag(state) };
  }

  async versions(key: string): Promise<ListPage<RulesetView['versions'][number]>> {
    const view = rulesetView(await this.resources.load(key));
    const items = [...view.versions].reverse();
    return { items, total: items.length, skip: 0 };
  }

  async submit(key: string, number: number, actor: string, comment?: string): Promise<RulesetView> {
    return rulesetView(
      await this.resources.apply(key, (s) => this.lifecycle.submit(s, number, actor, comment, new Date())),
    );
  }

  async approve(key: string, number: number, actor: string, comment?: string): Promise<RulesetView> {
    return rulesetView(
      await this.resources.apply(key, (s) => this.lifecycle.approve(s, number, actor, comment, new Date())),
    );
  }

  async reject(key: string, number: number, actor: string, comment?: string): Promise<RulesetView> {
    const state = await this.resources.apply(key, async (s) =>
      this.lifecycle.reject(s, number, actor, comment, new Date(), await this.resources.content(s, number)),
    );
    return rulesetView(state);
  }

  async publish(key: string, number: number, actor: string, request: PublishRequest): Promise<RulesetView> {
    const state = await this.resources.apply(
      key,
      async (s) => {
        const content = await this.resources.content(s, number);
        const requiresTestRun = (content.tests?.length ?? 0) > 0;
        return this.lifecycle.publish(s, number, actor, { ...request, requiresTestRun }, new Date());
      },
      { refuseIfPublicationsMoved: true },
    );
    return rulesetView(state);
  }

  async rollback(key: string, number: number, actor: string, comment: string): Promise<RulesetView> {
    const state = await this.resources.apply(
      key,
      (s) => this.lifecycle.rollback(s, number, actor, comment, new Date()),
      { refuseIfPublicationsMoved: true },
    );
    return rulesetView(state);
  }

  /** Publishes a reviewed file's content as a new version unless it is already in force; true when it changed. */
  async importPublished(request: CreateRulesetRequest, actor: string, source: string): Promise<boolean> {
    const { key, name, pilot, format, description, ...content } = request;
    const rulesetContent = content as RulesetContent;
    validateRulesetContent(format, rulesetContent);
    const meta: RulesetMeta = { name, pilot, format, ...(description !== undefined && { description }) };
    const state = await this.resources.upsert(key, (current) =>
      this.lifecycle.importPublished(current, key, current?.meta ?? meta, rulesetContent, actor, source, new Date()),
    );
    return state !== null;
  }

  /**
   * The rule sets with a published version (in force or scheduled) that looks up `table`. Published contents
   * never change, so the tables each one reads are remembered by checksum.
   */
  async publishedReadersOf(table: string): Promise<string[]> {
    const readers: string[] = [];
    for (const state of await this.allStates()) {
      for (const version of withDerivedStatuses(state.versions, state.publications, new Date()).filter(
        (v) => v.status === 'published' && v.checksum,
      )) {
        let tables = this.tablesByChecksum.get(version.checksum!);
        if (!tables) {
          tables = ((await this.resources.content(state, version.number)).lookups ?? []).map((lookup) => lookup.table);
          this.tablesByChecksum.set(version.checksum!, tables);
        }
        if (tables.includes(table)) {
          readers.push(state.key);
          break;
        }
      }
    }
    return readers;
  }

  /** Whether any rule set was ever stored (archived ones included): seeding uses it to recognise a new database. */
  anyStored(): Promise<boolean> {
    return this.repository.any();
  }

  /** Every rule set, for export. */
  async allStates(): Promise<RulesetState[]> {
    const { items } = await this.repository.list(
      { sortField: 'key', sortOrder: 'ASC', skip: 0, limit: 10_000, filter: {} },
      {},
    );
    return items;
  }

  async archive(key: string, actor: string, comment?: string): Promise<RulesetView> {
    return rulesetView(await this.resources.apply(key, (s) => this.lifecycle.archive(s, actor, comment, new Date())));
  }

  /** A readable, structured diff between two versions; `draft` and `active` name the draft and the version in force. */
  async diff(key: string, from: string, to: string): Promise<RulesetDiff> {
    const state = await this.resources.load(key);
    const [fromNumber, toNumber] = [this.resolve(state, from, '/from'), this.resolve(state, to, '/to')];
    const [before, after] = await Promise.all([
      this.resources.content(state, fromNumber),
      this.resources.content(state, toNumber),
    ]);
    return { from: fromNumber, to: toNumber, changes: diffRulesets(state.meta.format, before, after) };
  }

  private resolve(state: RulesetState, ref: string, path: string): number {
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
    return this.lifecycle.find(state, Number(ref)).number;
  }

  private async baseContent(state: RulesetState): Promise<RulesetContent> {
    const active = versionInForce(state.publications, new Date()) ?? state.nextVersion - 1;
    return this.resources.content(state, active);
  }
}

function tagged(state: RulesetState): Tagged<RulesetView> {
  return { body: rulesetView(state), etag: rulesetEtag(state) };
}

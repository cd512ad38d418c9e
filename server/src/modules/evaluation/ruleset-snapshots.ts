import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RulesetState } from '../rulesets/ruleset-views.js';
import { watchResources } from '../audit/trail-feed.js';
import { FreshRun } from '../../common/async/fresh-run.js';
import { SharedReads } from '../../common/async/shared-reads.js';
import { AuditService } from '../audit/audit.service.js';
import { RulesetsService } from '../rulesets/rulesets.service.js';

/** How often every cached rule set's revision is checked, for a change whose audit event comes late. */
const SWEEP_MS = 60_000;
/** How soon a sweep the feed's loss asked for is tried again when it failed. */
const RETRY_MS = 2_000;

/**
 * Rule sets as last read, so evaluations do not query the database, and keep working while it is down.
 * Changes on this instance evict at once. Changes on other instances are told by the audit trail's feed (every
 * governed change records an event naming its rule set; the feed reads other instances' events every 2 s and
 * before each list): only the rule sets named are read again, so a busy trail costs nothing per cached rule
 * set. When the feed lost track, and once a minute in case a change's event is late (its audit write failed and
 * waits in the outbox for the writer's retry, the rule set's next change or the next start-up), every cached
 * revision is compared, one `_id` read each.
 */
@Injectable()
export class RulesetSnapshots implements OnModuleInit, OnApplicationShutdown {
  private readonly snapshots = new Map<string, RulesetState>();
  /** Reads in flight: a rule set named while its read was on the way is not cached from that read. */
  private readonly reads = new SharedReads<RulesetState | null>();
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('RulesetSnapshots');
  /** A sweep asked for (the feed lost track, or a minute passed) compares revisions read after it was asked. */
  private readonly sweeps = new FreshRun(() => this.compareRevisions());

  constructor(
    private readonly rulesets: RulesetsService,
    audit: AuditService,
  ) {
    rulesets.onChange((key) => this.evict(key));
    watchResources(audit.feed, 'ruleset', { changed: (key) => this.evict(key), lost: () => this.lost() });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How many rule sets are held (for tests and metrics). */
  get size(): number {
    return this.snapshots.size;
  }

  /** The rule set as deciding reads it; callers that ask while it is being read share that read. */
  get(key: string): Promise<RulesetState | null> {
    const cached = this.snapshots.get(key);
    if (cached) return Promise.resolve(cached);
    return this.reads.get(key, (stale) => this.read(key, stale));
  }

  private async read(key: string, stale: () => boolean): Promise<RulesetState | null> {
    const state = await this.rulesets.find(key);
    if (!state) return null;
    const snapshot = deciding(state);
    if (!stale()) this.snapshots.set(key, snapshot);
    return snapshot;
  }

  /** What the feed could not tell may have changed any rule set, including those being read right now. */
  private lost(): void {
    this.reads.forgetAll();
    this.sweepAfterLoss();
  }

  /** Forgets the rule set; a read on its way is not kept, and the next caller reads it again. */
  private evict(key: string): void {
    this.snapshots.delete(key);
    this.reads.forget(key);
  }

  /** Drops the snapshots whose revision moved (they are read again when next used); one sweep at a time. */
  sweep(): Promise<void> {
    return this.sweeps.run().catch((err: Error) => this.logger.debug(`sweep skipped: ${err.message}`));
  }

  /** After the feed lost track, a sweep that fails (the database away) is tried again until one succeeds. */
  private sweepAfterLoss(): void {
    this.sweeps.run().catch((err: Error) => {
      this.logger.debug(`sweep after the feed lost track failed, trying again: ${err.message}`);
      setTimeout(() => this.sweepAfterLoss(), RETRY_MS).unref();
    });
  }

  private async compareRevisions(): Promise<void> {
    if (this.snapshots.size === 0) return;
    const held = [...this.snapshots];
    const revisions = await this.rulesets.revisionsOf(held.map(([key]) => key));
    // Only the snapshot that was compared is dropped: one read again during the sweep is newer already.
    for (const [key, snapshot] of held)
      if (revisions.get(key) !== snapshot.rev && this.snapshots.get(key) === snapshot) this.snapshots.delete(key);
  }
}

/**
 * What deciding reads of a rule set: its publications and each version's number, status and checksum. Drafts,
 * authors, comments, test runs and the outbox are left empty, so a thousand snapshots take little memory.
 */
function deciding(state: RulesetState): RulesetState {
  return {
    ...state,
    draft: null,
    outbox: [],
    versions: state.versions.map((v) => ({
      number: v.number,
      status: v.status,
      ...(v.checksum && { checksum: v.checksum }),
      authors: [],
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      comments: [],
    })),
  };
}

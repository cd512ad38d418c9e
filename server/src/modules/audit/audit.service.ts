import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { timeSlices } from '../../common/async/time-slices.js';
import { ConflictError } from '../../common/errors/domain-errors.js';
import { HttpMetrics } from '../../common/metrics/http-metrics.js';
import type { ListPage } from '../../common/http/list-query.js';
import { chain, checkLink, GENESIS_HASH, type AuditEntry, type ChainBreak, type ChainedEvent } from './audit-chain.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AuditAnchors, type AuditAnchor } from './audit-anchors.js';
import { AuditIndex } from './audit-index.js';
import { AuditRepository, type AuditClaim, type AuditFilter } from './audit.repository.js';
import { TrailFeed } from './trail-feed.js';

export type VerifyResult =
  | { ok: true; events: number; head: string; anchor?: AuditAnchor }
  | { ok: false; events: number; brokenAt: ChainBreak; anchor?: AuditAnchor };

const MAX_APPEND_ATTEMPTS = 50;
/** Claims kept behind the head; the hint is moved with every batch, so it never lags that far. */
const CLAIM_WINDOW = 256;
/** Old claims are deleted in one command once this many have fallen out of the window. */
const FORGET_BATCH = 16;
/** How often the trail feed reads other instances' events when nobody asks (well within its reach). */
const INDEX_CATCH_UP_MS = 2_000;
/** Appends waiting while one is written go together: one insert of their claims, one of their events. */
const MAX_BATCH = 100;
/** Event ids this process recorded or found recorded, so "is it already recorded?" rarely needs the database. */
const REMEMBERED_IDS = 20_000;

/** Storage order may differ from chain order a little (concurrent appends); past this many early events, verify reads sorted. */
const MAX_OUT_OF_ORDER = 5_000;

interface PendingAppend {
  id: string;
  entry: AuditEntry;
  at: Date;
  /** The id was generated for this append, or checked just before: no need to look it up again. */
  fresh: boolean;
  settle: (event: ChainedEvent | undefined) => void;
  fail: (err: unknown) => void;
}

export interface RecordOptions {
  /**
   * The caller knows the id is not in the trail yet (just generated, or checked with `recorded()` a moment ago):
   * skip the lookup. A concurrent append of the same id is still caught by the claims' unique event id.
   */
  fresh?: boolean;
}

/**
 * The tamper-evident audit trail: appends to one hash chain shared by every instance, and verifies it.
 *
 * An append claims the next position by inserting `audit_chain/<seq>` (unique `_id`, carrying the whole event),
 * then writes the event into `audit_events`. This process remembers the head it last claimed or saw, so an append
 * is two inserts; a claim refused because another instance moved the head teaches it the new head (one `_id`
 * lookup). Appends that arrive while one is being written are written together (group commit): one ordered insert
 * of their claims, one insert of their events. Nothing an append does depends on the length of the trail
 * (docs/adr/0011).
 */
@Injectable()
export class AuditService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  /** The last position this process claimed or saw claimed, with its hash (a guess: the claims are the truth). */
  private knownHead: { seq: number; hash: string } | null = null;
  private readonly queue: PendingAppend[] = [];
  private appending = false;
  private readonly rememberedIds = new Set<string>();
  private forgettable: number[] = [];
  /** What this process and other instances record, told to the in-memory indexes (docs/adr/0037). */
  readonly feed: TrailFeed<ChainedEvent>;
  /** What filtered queries select on, in memory. */
  private readonly index: AuditIndex;
  private indexTimer: NodeJS.Timeout | undefined;

  private readonly key: Buffer;

  constructor(
    private readonly repository: AuditRepository,
    private readonly anchors: AuditAnchors,
    @Inject(APP_CONFIG) config: AppConfig,
    metrics: HttpMetrics,
  ) {
    this.key = config.auditKey;
    // Recent claims carry their events: what the feed and the index read of positions other instances wrote.
    const claimedEvents = (seqs: number[]) => this.repository.claimedEvents(seqs);
    this.feed = new TrailFeed<ChainedEvent>(
      { changeMarker: () => this.changeMarker(), claimedEvents },
      CLAIM_WINDOW - 2 * FORGET_BATCH,
    );
    this.index = new AuditIndex(
      { indexedEventsAfter: (after) => this.repository.indexedEventsAfter(after), claimedEvents },
      this.feed,
    );
    this.watchIndexes(metrics);
  }

  async onModuleInit(): Promise<void> {
    await this.repository.init();
    await this.refuseAnotherKey();
    // Readers build from the database after the feed's starting position; what comes after, the feed tells.
    // (The indexes are built on first use: an instance that only decides never lists nor queries the trail.)
    await this.feed.start();
    this.indexTimer = setInterval(() => void this.feed.catchUp().catch(() => undefined), INDEX_CATCH_UP_MS);
    this.indexTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.indexTimer);
  }

  /**
   * Refuses to start with an audit key other than the one the trail was written with. Rotating JWT_SECRET without
   * an AUDIT_KEY changed the key silently: verification then failed from the first event, and every event written
   * after chained two keys together, which no single key verifies again. Checked on the latest keyed event only.
   */
  private async refuseAnotherKey(): Promise<void> {
    const head = await this.currentHead();
    if (!head) return;
    for await (const event of this.repository.fromSeq(head.seq)) {
      if (event.mac && checkLink(event, event.seq, event.prevHash, this.key) !== undefined)
        throw new Error(
          `the audit trail's latest event (${event.seq}) does not verify with this process's audit key: AUDIT_KEY, or JWT_SECRET when AUDIT_KEY is unset, is not the one the trail was written with. Start with the previous key: events written with another one would break the chain for good (docs/adr/0017).`,
        );
      break;
    }
  }

  /** /metrics: how often the feed lost track (each time, the in-memory indexes read the database again). */
  private watchIndexes(metrics: HttpMetrics): void {
    const registers = [metrics.registry];
    const lost = new Counter({
      name: 'gabarit_audit_feed_lost_total',
      help: 'Times the audit trail moved further than its kept claims between two reads (lists and audit queries then read the database again)',
      registers,
    });
    this.feed.subscribe((news) => {
      if (!('events' in news)) lost.inc();
    });
    const index = this.index;
    new Gauge({
      name: 'gabarit_audit_index_events',
      help: 'Audit events held in memory for filtered queries, from the first position without a gap',
      registers,
      collect() {
        this.set(index.size);
      },
    });
  }

  /** Appends a new event. */
  record(entry: AuditEntry): Promise<ChainedEvent | undefined> {
    return this.recordOnce(randomUUID(), entry, new Date(), { fresh: true });
  }

  /**
   * Appends under a known id, at most once: an outbox entry drained twice (crash, two instances) is one event.
   * Resolves with the event when this call wrote it, undefined when the id was already recorded (or is being
   * recorded by another instance at the same moment). Concurrent appends race for positions by unique claims.
   */
  recordOnce(
    id: string,
    entry: AuditEntry,
    at = new Date(),
    options: RecordOptions = {},
  ): Promise<ChainedEvent | undefined> {
    if (this.rememberedIds.has(id)) return Promise.resolve(undefined);
    return new Promise((settle, fail) => {
      this.queue.push({ id, entry, at, fresh: options.fresh === true, settle, fail });
      void this.pump();
    });
  }

  /** Writes queued appends one batch at a time (in this process the chain has one writer: no self-contention). */
  private async pump(): Promise<void> {
    if (this.appending) return;
    this.appending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendBatch(batch);
        } catch (err) {
          this.knownHead = null; // re-read from the database next time
          for (const item of batch) item.fail(err); // no effect on those already settled
        }
      }
    } finally {
      this.appending = false;
    }
  }

  private async appendBatch(batch: PendingAppend[]): Promise<void> {
    // The same id twice in a batch takes one position; the copies settle with the first.
    const firsts = new Map<string, PendingAppend>();
    for (const item of batch) {
      const first = firsts.get(item.id);
      if (!first) {
        firsts.set(item.id, item);
        continue;
      }
      const [settle, fail] = [first.settle, first.fail];
      first.settle = (event) => (settle(event), item.settle(undefined));
      first.fail = (err) => (fail(err), item.fail(err));
    }
    let pending = [...firsts.values()];
    const unchecked = pending.filter((item) => !item.fresh && !this.rememberedIds.has(item.id));
    const found =
      unchecked.length > 0 ? await this.repository.existing(unchecked.map((item) => item.id)) : new Set<string>();
    pending = pending.filter((item) => {
      if (!found.has(item.id) && !this.rememberedIds.has(item.id)) return true;
      this.remember(item.id);
      item.settle(undefined);
      return false;
    });
    let refusals = 0;
    while (pending.length > 0) {
      const head = await this.head();
      let seq = head?.seq ?? 0;
      let hash = head?.hash ?? GENESIS_HASH;
      const events = pending.map((item) => {
        const event = chain(item.entry, item.id, ++seq, item.at.toISOString(), hash, this.key);
        hash = event.hash;
        return event;
      });
      const taken = await this.repository.claimMany(events);
      if (taken > 0) {
        const written = events.slice(0, taken);
        const last = written[written.length - 1]!;
        // The hint moves with every batch (in parallel with the events): a cold start follows few claims.
        const [refusedEvents] = await Promise.all([
          this.repository.insertMany(written),
          this.repository.advanceHeadHint(last.seq),
        ]);
        const stored =
          refusedEvents.length > 0
            ? await this.repository.existing(refusedEvents.map((event) => event.id))
            : new Set<string>();
        const misplaced = refusedEvents.filter((event) => !stored.has(event.id));
        if (misplaced.length > 0) {
          // The trail already holds these positions (their claims had been deleted, so ours went through): this
          // process's head was stale. Withdraw the claims and append again from the real head.
          // (Claims are deleted only far behind a head whose claim exists, so then the whole batch is behind it.)
          this.logger.warn(
            `audit positions ${misplaced.map((event) => event.seq).join(', ')} were already taken; appending again from the head`,
          );
          await Promise.all(written.map((event) => this.repository.unclaim(event)));
          const again = await this.repository.existing(pending.map((item) => item.id));
          pending = pending.filter((item) => (again.has(item.id) ? (item.settle(undefined), false) : true));
          this.knownHead = null;
          continue;
        }
        this.knownHead = { seq: last.seq, hash: last.hash };
        this.anchors.note(last.seq, last.hash);
        this.feed.tell(written);
        written.forEach((event, i) => {
          this.remember(event.id);
          pending[i]!.settle(event);
        });
        pending = pending.slice(taken);
        this.forgetOldClaims(written.map((event) => event.seq - CLAIM_WINDOW));
        if (pending.length === 0) return;
      }
      const refused = events[taken]!;
      const holder = await this.repository.claimAt(refused.seq);
      // Another event holds the position: continue after the newest claim (its event completed if its claimant died).
      if (holder) await this.advanceFrom(holder);
      if (!holder || holder.eventId === refused.id) {
        // The refusal was for this event's id: it already holds a position (the same entry drained at the same
        // moment elsewhere), written by its claimant, or by the next appender if that one died.
        pending[0]!.settle(undefined);
        pending = pending.slice(1);
        continue;
      }
      if (taken === 0 && ++refusals >= MAX_APPEND_ATTEMPTS) {
        throw new ConflictError(
          'The audit trail is too busy to record this event; nothing was lost, try again.',
          'audit_contention',
        );
      }
      if (taken === 0) await sleep(Math.random() * 2 * refusals); // another instance is appending right now
    }
  }

  private remember(id: string): void {
    this.rememberedIds.add(id);
    if (this.rememberedIds.size > REMEMBERED_IDS) this.rememberedIds.delete(this.rememberedIds.values().next().value!);
  }

  /** Every embedded-database read of `audit_chain` is an `_id` lookup, but keep it small: delete old claims in batches. */
  private forgetOldClaims(seqs: number[]): void {
    this.forgettable.push(...seqs.filter((seq) => seq > 0));
    if (this.forgettable.length < FORGET_BATCH) return;
    const seqsToForget = this.forgettable;
    this.forgettable = [];
    void this.repository.forgetClaims(seqsToForget);
  }

  /**
   * The head as the database has it now: from what this process knows, follow newer claims by `_id` (usually
   * one lookup); its event is written if its claimant died.
   */
  private async currentHead(): Promise<{ seq: number; hash: string } | null> {
    const head = await this.head();
    const next = head ? await this.repository.claimAt(head.seq + 1) : null;
    return next ? this.advanceFrom(next) : head;
  }

  /**
   * Where the next append starts: what this process knows, unless the hint (moved by every instance's appends,
   * one small `_id` read) is ahead of it — then this process missed appends, and older claims may be gone, so it
   * starts again from the hint. A head that moved since is found by the refused claim.
   */
  private async head(): Promise<{ seq: number; hash: string } | null> {
    const hint = await this.repository.headHint();
    if (this.knownHead && (hint ?? 0) <= this.knownHead.seq) return this.knownHead;
    return this.findHead(hint);
  }

  /** Follows claims by `_id` from one that exists to the newest, writes its event if missing, and remembers it. */
  private async advanceFrom(claim: AuditClaim): Promise<{ seq: number; hash: string }> {
    let newest = claim;
    for (
      let next = await this.repository.claimAt(newest.seq + 1);
      next;
      next = await this.repository.claimAt(next.seq + 1)
    )
      newest = next;
    await this.repository.insert(newest.event); // a no-op (duplicate `_id`) unless its claimant died
    this.knownHead = { seq: newest.seq, hash: newest.hash };
    return this.knownHead;
  }

  /**
   * The last claimed position and its hash, its event written (a claimant that died is completed here).
   * Starts from the hint and follows claims by `_id`: a few lookups, whatever the length of the trail.
   */
  private async findHead(hint: number | null): Promise<{ seq: number; hash: string } | null> {
    let seq = hint ?? (await this.adoptLegacyHead());
    let claim = seq > 0 ? await this.repository.claimAt(seq) : null;
    if (seq > 0 && !claim) {
      // The claims were altered (deleted by hand): start again from the last stored event.
      this.logger.warn(`audit chain position ${seq} has no claim; looking for the head among the stored events`);
      seq = await this.adoptLegacyHead();
      claim = seq > 0 ? await this.repository.claimAt(seq) : null;
    }
    if (claim) return this.advanceFrom(claim);
    const first = await this.repository.claimAt(1);
    return first ? this.advanceFrom(first) : null;
  }

  /**
   * A trail written before positions were claimed has no hint: claim its last event (found once, by a scan)
   * so that appends continue after it. Returns the position to start from.
   */
  private async adoptLegacyHead(): Promise<number> {
    const last = await this.repository.lastEventByScan();
    if (!last) return 0;
    if (await this.repository.claim(last)) this.logger.log(`audit chain head adopted at position ${last.seq}`);
    await this.repository.advanceHeadHint(last.seq);
    return last.seq;
  }

  /**
   * Records outbox items (each at most once), then lets the owner remove exactly those items from its
   * document (`$pullAll`: FerretDB 1.24 ignores a conditional `$pull`). Returns how many were new.
   */
  /**
   * A position that moves whenever any instance appends to the trail (one small `_id` read; it may lag a
   * little behind the true head). Caches poll it to learn, cheaply, that something changed somewhere.
   */
  async changeMarker(): Promise<number> {
    return (await this.repository.headHint()) ?? 0;
  }

  /** Which of these event ids are already in the trail. */
  async recorded(ids: string[]): Promise<Set<string>> {
    const known = new Set(ids.filter((id) => this.rememberedIds.has(id)));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length === 0) return known;
    for (const id of await this.repository.existing(unknown)) {
      this.remember(id);
      known.add(id);
    }
    return known;
  }

  async list(filter: AuditFilter, order: 'ASC' | 'DESC', skip: number, limit: number): Promise<ListPage<ChainedEvent>> {
    if (Object.values(filter).every((v) => v === undefined)) {
      // The whole trail, newest or oldest first: positions are known from the head, each read by `_id`.
      const total = (await this.currentHead())?.seq ?? 0;
      const count = Math.max(0, Math.min(limit, total - skip));
      const seqs = Array.from({ length: count }, (_, i) => (order === 'ASC' ? skip + 1 + i : total - skip - i));
      const items = await this.repository.byPositions(seqs);
      if (items) return { items, total, skip };
    }
    const selected = await this.index.select(filter, order, skip, limit);
    if (selected) return { items: await this.repository.byIds(selected.ids), total: selected.total, skip };
    const { items, total } = await this.repository.find(filter, order === 'ASC' ? 1 : -1, skip, limit);
    return { items, total, skip };
  }

  /**
   * Recomputes every link from the first event and names the first one that does not hold. Streams the trail
   * in storage order through one cursor (no sort: the database does not read and sort everything first) and
   * puts the few events stored out of chain order back in place; then checks that no claimed position at the
   * end of the chain lost its event.
   */
  async verify(): Promise<VerifyResult> {
    const head = await this.currentHead();
    const anchors = this.anchors.all();
    const anchored = new Map<number, AuditAnchor[]>();
    for (const anchor of anchors) anchored.set(anchor.seq, [...(anchored.get(anchor.seq) ?? []), anchor]);
    let disowned: AuditAnchor | undefined; // an anchor whose position now holds another hash
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let keyed = false;
    const early = new Map<number, ChainedEvent>();
    const check = (event: ChainedEvent): ChainBreak | undefined => {
      const broken = checkLink(event, expectedSeq, prevHash, this.key, keyed);
      if (broken) return broken;
      keyed ||= Boolean(event.mac);
      disowned ??= anchored.get(event.seq)?.find((anchor) => anchor.head !== event.hash);
      expectedSeq++;
      prevHash = event.hash;
      return undefined;
    };
    const drainEarly = (): ChainBreak | undefined => {
      for (let next = early.get(expectedSeq); next; next = early.get(expectedSeq)) {
        early.delete(next.seq);
        const broken = check(next);
        if (broken) return broken;
      }
      return undefined;
    };
    let sorted = false;
    // A batch of 1 000 events is 30–40 ms of hashing on an idle machine, up to 91 on a busy one: the loop is given
    // back every 10 ms within it, as long loops over a caller's data do.
    const slice = timeSlices();
    for await (const event of this.repository.inStorageOrder()) {
      const pause = slice();
      if (pause) await pause;
      if (event.seq > expectedSeq) {
        early.set(event.seq, event);
        if (early.size > MAX_OUT_OF_ORDER) {
          sorted = true;
          break;
        }
        continue;
      }
      const broken = check(event) ?? drainEarly();
      if (broken) return { ok: false, events: expectedSeq - 1, brokenAt: broken };
    }
    if (sorted) {
      early.clear();
      for await (const event of this.repository.fromSeq(expectedSeq)) {
        const pause = slice();
        if (pause) await pause;
        const broken = check(event);
        if (broken) return { ok: false, events: expectedSeq - 1, brokenAt: broken };
      }
    }
    if (early.size > 0 || expectedSeq - 1 < (head?.seq ?? 0))
      return { ok: false, events: expectedSeq - 1, brokenAt: { seq: expectedSeq, reason: 'missing_event' } };
    // The chain holds together; does it still pass, unchanged, through every position anchored outside the database?
    if (disowned)
      return {
        ok: false,
        events: expectedSeq - 1,
        brokenAt: { seq: disowned.seq, reason: 'rewritten' },
        anchor: disowned,
      };
    const furthest = anchors.reduce<AuditAnchor | undefined>(
      (max, anchor) => (max && max.seq >= anchor.seq ? max : anchor),
      undefined,
    );
    if (furthest && expectedSeq - 1 < furthest.seq)
      return {
        ok: false,
        events: expectedSeq - 1,
        brokenAt: { seq: expectedSeq, reason: 'truncated' },
        anchor: furthest,
      };
    return { ok: true, events: expectedSeq - 1, head: prevHash, ...(furthest && { anchor: furthest }) };
  }

  events(filter: AuditFilter): AsyncGenerator<ChainedEvent> {
    return this.repository.inOrder(filter);
  }
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConflictError } from '../../common/errors/domain-errors.js';
import type { ListPage } from '../../common/http/list-query.js';
import { chain, checkLink, GENESIS_HASH, type AuditEntry, type ChainBreak, type ChainedEvent } from './audit-chain.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';
import type { OutboxItem } from './outbox.js';

export type VerifyResult = { ok: true; events: number; head: string } | { ok: false; events: number; brokenAt: ChainBreak };

const MAX_APPEND_ATTEMPTS = 50;
/** Claims kept behind the head; the hint is moved on every append, so it never lags that far. */
const CLAIM_WINDOW = 256;

/** Storage order may differ from chain order a little (concurrent appends); past this many early events, verify reads sorted. */
const MAX_OUT_OF_ORDER = 5_000;

/**
 * The tamper-evident audit trail: appends to one hash chain shared by every instance, and verifies it.
 *
 * An append claims the next position by inserting `audit_chain/<seq>` (unique `_id`, carrying the whole event),
 * then writes the event into `audit_events`. The head is found from a hint document and a few `_id` lookups,
 * so an append costs the same with 10 or 100 000 events (docs/adr/0011).
 */
@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger('Audit');
  /** The highest position this process has seen claimed, to start the head search from. */
  private knownHead = 0;

  constructor(private readonly repository: AuditRepository) {}

  async onModuleInit(): Promise<void> {
    await this.repository.init();
  }

  /** Appends a new event. */
  record(entry: AuditEntry): Promise<ChainedEvent | undefined> {
    return this.recordOnce(randomUUID(), entry);
  }

  /**
   * Appends under a known id, at most once: an outbox entry drained twice (crash, two instances) is one event.
   * Concurrent appends race for the next position; the unique claim lets one win and the others retry.
   */
  async recordOnce(id: string, entry: AuditEntry, at = new Date()): Promise<ChainedEvent | undefined> {
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (await this.repository.exists(id)) return undefined;
      const head = await this.head();
      const event = chain(entry, id, (head?.seq ?? 0) + 1, at.toISOString(), head?.hash ?? GENESIS_HASH);
      if (await this.repository.claim(event)) {
        await this.repository.insert(event);
        this.knownHead = Math.max(this.knownHead, event.seq);
        await this.repository.advanceHeadHint(event.seq);
        // Every read of the embedded database scans its collection: keep the claims to a recent window.
        this.repository.forgetClaim(event.seq - CLAIM_WINDOW);
        return event;
      }
      const holder = await this.repository.claimAt(event.seq);
      if (!holder || holder.eventId === id) {
        // This event already holds a position (the same entry drained at the same moment elsewhere): it is
        // written by its claimant, or by the next appender if that one died.
        if (holder) await this.repository.insert(holder.event);
        return undefined;
      }
      this.knownHead = Math.max(this.knownHead, holder.seq);
      await sleep(Math.random() * 5 * attempt);
    }
    throw new ConflictError('The audit trail is too busy to record this event; nothing was lost, try again.', 'audit_contention');
  }

  /**
   * The last claimed position and its hash, its event written (a claimant that died is completed here).
   * Starts from the hint and follows claims by `_id`: a few lookups, whatever the length of the trail.
   */
  private async head(): Promise<{ seq: number; hash: string } | null> {
    let seq = Math.max(this.knownHead, (await this.repository.headHint()) ?? (await this.adoptLegacyHead()));
    let claim = seq > 0 ? await this.repository.claimAt(seq) : null;
    if (seq > 0 && !claim) {
      // The claims were altered (deleted by hand): start again from the last stored event.
      this.logger.warn(`audit chain position ${seq} has no claim; looking for the head among the stored events`);
      this.knownHead = 0;
      seq = await this.adoptLegacyHead();
      claim = seq > 0 ? await this.repository.claimAt(seq) : null;
    }
    for (;;) {
      const next = await this.repository.claimAt(seq + 1);
      if (!next) break;
      claim = next;
      seq = next.seq;
    }
    if (!claim) return null;
    await this.repository.insert(claim.event); // a no-op (duplicate `_id`) unless its claimant died
    this.knownHead = Math.max(this.knownHead, claim.seq);
    return { seq: claim.seq, hash: claim.hash };
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
  async drainOutbox(items: OutboxItem[], remove: (items: OutboxItem[]) => Promise<void>): Promise<number> {
    let written = 0;
    for (const item of items) if (await this.recordOnce(item.id, item.entry, new Date(item.at))) written++;
    if (items.length > 0) await remove(items);
    return written;
  }

  /** Which of these event ids are already in the trail. */
  recorded(ids: string[]): Promise<Set<string>> {
    return ids.length === 0 ? Promise.resolve(new Set()) : this.repository.existing(ids);
  }

  async list(filter: AuditFilter, order: 'ASC' | 'DESC', skip: number, limit: number): Promise<ListPage<ChainedEvent>> {
    if (Object.values(filter).every((v) => v === undefined)) {
      // The whole trail, newest or oldest first: positions are known from the head, each read by `_id`.
      const total = (await this.head())?.seq ?? 0;
      const count = Math.max(0, Math.min(limit, total - skip));
      const seqs = Array.from({ length: count }, (_, i) => (order === 'ASC' ? skip + 1 + i : total - skip - i));
      const items = await this.repository.byPositions(seqs);
      if (items) return { items, total, skip };
    }
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
    const head = await this.head();
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    const early = new Map<number, ChainedEvent>();
    const check = (event: ChainedEvent): ChainBreak | undefined => {
      const broken = checkLink(event, expectedSeq, prevHash);
      if (broken) return broken;
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
    for await (const event of this.repository.inStorageOrder()) {
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
        const broken = check(event);
        if (broken) return { ok: false, events: expectedSeq - 1, brokenAt: broken };
      }
    }
    if (early.size > 0 || expectedSeq - 1 < (head?.seq ?? 0)) return { ok: false, events: expectedSeq - 1, brokenAt: { seq: expectedSeq, reason: 'missing_event' } };
    return { ok: true, events: expectedSeq - 1, head: prevHash };
  }

  events(filter: AuditFilter): AsyncGenerator<ChainedEvent> {
    return this.repository.inOrder(filter);
  }
}

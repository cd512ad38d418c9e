import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { ConflictError } from '../../common/errors/domain-errors.js';
import type { ListPage } from '../../common/http/list-query.js';
import { chain, checkLink, GENESIS_HASH, type AuditEntry, type ChainBreak, type ChainedEvent } from './audit-chain.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';
import type { OutboxItem } from './outbox.js';

export type VerifyResult = { ok: true; events: number; head: string } | { ok: false; events: number; brokenAt: ChainBreak };

const MAX_APPEND_ATTEMPTS = 50;

/** The tamper-evident audit trail: appends to one hash chain shared by every instance, and verifies it. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /** Appends a new event. */
  record(entry: AuditEntry): Promise<ChainedEvent | undefined> {
    return this.recordOnce(randomUUID(), entry);
  }

  /**
   * Appends under a known id, at most once: an outbox entry drained twice (crash, two instances) is one event.
   * Concurrent appends race for the next position; the unique index lets one win and the others retry.
   */
  async recordOnce(id: string, entry: AuditEntry, at = new Date()): Promise<ChainedEvent | undefined> {
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (await this.repository.exists(id)) return undefined;
      const head = await this.repository.head();
      const event = chain(entry, id, (head?.seq ?? 0) + 1, at.toISOString(), head?.hash ?? GENESIS_HASH);
      if (await this.repository.insert(event)) return event;
      await sleep(Math.random() * 5 * attempt);
    }
    throw new ConflictError('The audit trail is too busy to record this event; nothing was lost, try again.', 'audit_contention');
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
    const { items, total } = await this.repository.find(filter, order === 'ASC' ? 1 : -1, skip, limit);
    return { items, total, skip };
  }

  /** Recomputes every link from the first event and names the first one that does not hold. */
  async verify(): Promise<VerifyResult> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for await (const event of this.repository.inOrder()) {
      const broken = checkLink(event, expectedSeq, prevHash);
      if (broken) return { ok: false, events: expectedSeq - 1, brokenAt: broken };
      expectedSeq++;
      prevHash = event.hash;
    }
    return { ok: true, events: expectedSeq - 1, head: prevHash };
  }

  events(filter: AuditFilter): AsyncGenerator<ChainedEvent> {
    return this.repository.inOrder(filter);
  }
}

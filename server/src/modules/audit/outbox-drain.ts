import { Logger } from '@nestjs/common';
import type { AuditService } from './audit.service.js';
import type { OutboxItem } from './outbox.js';

/** After a committed change whose audit write failed, the outbox is drained again this much later. */
const RETRY_MS = 2_000;

/**
 * The one way audit events leave an outbox (docs/adr/0005): each is recorded in the trail at most once, by its
 * id, and a change that committed never reports failure because its audit write did. Its events wait in the
 * outbox, stored with the change, and are recorded again shortly, at the next change, or at start-up.
 */
export class OutboxDrain {
  private readonly logger: Logger;

  constructor(
    private readonly audit: AuditService,
    what: string,
    /** Takes recorded items out of an outbox; absent where the next change's own write prunes them. */
    private readonly remove?: (key: string, items: OutboxItem[]) => Promise<void>,
  ) {
    this.logger = new Logger(`Audit:${what}`);
  }

  /** The items not yet in the trail: what the next write of a revisioned document keeps in its outbox. */
  async unrecorded(outbox: readonly OutboxItem[]): Promise<OutboxItem[]> {
    const recorded = await this.audit.recorded(outbox.map((item) => item.id));
    return outbox.filter((item) => !recorded.has(item.id));
  }

  /** Records the items (queued together, so the trail writes them in one batch, in order); how many were new. */
  async record(key: string, outbox: readonly OutboxItem[], options: { fresh?: boolean } = {}): Promise<number> {
    const written = await Promise.all(
      outbox.map((item) => this.audit.recordOnce(item.id, item.entry, new Date(item.at), options)),
    );
    if (this.remove && outbox.length > 0) await this.remove(key, [...outbox]);
    return written.filter((event) => event !== undefined).length;
  }

  /** After a committed change: records its events now, or later if the trail cannot be written now. Never throws. */
  async afterCommit(key: string, outbox: readonly OutboxItem[]): Promise<void> {
    try {
      // Its items are new or were found unrecorded just before the write: no need to look each up again.
      await this.record(key, outbox, { fresh: true });
    } catch (err) {
      this.logger.warn(`audit of "${key}" deferred: ${(err as Error).message}`);
      setTimeout(
        () =>
          void this.record(key, outbox).catch((again: Error) =>
            this.logger.warn(`audit of "${key}" still deferred: ${again.message}`),
          ),
        RETRY_MS,
      ).unref();
    }
  }

  /** At start-up, for a revisioned store: every document whose outbox still holds events, read fresh by key. */
  drainStored(store: {
    keysWithOutbox(): Promise<string[]>;
    get(key: string): Promise<{ outbox: OutboxItem[] } | null>;
  }): Promise<number> {
    return this.atStartup(
      (async function* () {
        for (const key of await store.keysWithOutbox()) {
          const doc = await store.get(key);
          if (doc) yield [key, doc.outbox] as [string, OutboxItem[]];
        }
      })(),
    );
  }

  /** At start-up: records what a process that died after a change but before its audit write left behind. */
  async atStartup(outboxes: AsyncIterable<[string, OutboxItem[]]> | Iterable<[string, OutboxItem[]]>): Promise<number> {
    let written = 0;
    for await (const [key, outbox] of outboxes) written += await this.record(key, outbox);
    if (written > 0) this.logger.warn(`recorded ${written} audit event(s) left in outboxes by an interrupted process`);
    return written;
  }
}

import { Logger } from '@nestjs/common';
import type { AuditService } from './audit.service.js';
import { isDatabaseDown } from '../../common/errors/database-errors.js';
import type { OutboxItem } from './outbox.js';

/** After a committed change whose audit write failed, the outbox is drained again this much later. */
const RETRY_MS = 2_000;
/** A write the database stopped answering is looked for this often, for 10 minutes; then the next start drains it. */
const FOLLOW_UP_MS = 2_000;
const FOLLOW_UP_TRIES = 300;
/** Once the database answers, a write still on its way to it may land after the first read: read back this often. */
const READS_ONCE_ANSWERED = 3;

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

  /**
   * Runs a write that stores `events` in a document's outbox. When the database stops answering during it, the write
   * may land all the same (the request had gone), and its events would wait in the outbox until the next start: a
   * change the trail did not name for as long as the process ran (a review froze the database while an admin account
   * was created; the account could sign in, its `user.created` event was nowhere). The document is then read back
   * until the database answers, and what the write left in its outbox is recorded. The caller still gets the error.
   */
  async written<T>(
    key: string,
    events: readonly OutboxItem[],
    write: () => Promise<T>,
    readBack: () => Promise<{ outbox?: readonly OutboxItem[] } | null>,
  ): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isDatabaseDown(err) && events.length > 0) this.followUp(key, events, readBack, 1, 0);
      throw err;
    }
  }

  private followUp(
    key: string,
    events: readonly OutboxItem[],
    readBack: () => Promise<{ outbox?: readonly OutboxItem[] } | null>,
    tries: number,
    answered: number,
  ): void {
    const again = (answeredNow: number) => {
      if (tries < FOLLOW_UP_TRIES && answeredNow < READS_ONCE_ANSWERED)
        this.followUp(key, events, readBack, tries + 1, answeredNow);
      else if (answeredNow === 0)
        this.logger.warn(`a change to "${key}" may have landed unaudited; the next start records its events if so`);
    };
    setTimeout(() => {
      void (async () => {
        let document: { outbox?: readonly OutboxItem[] } | null;
        try {
          document = await readBack();
        } catch {
          return again(answered);
        }
        const ids = new Set(events.map((event) => event.id));
        const landed = (document?.outbox ?? []).filter((item) => ids.has(item.id));
        if (landed.length === 0) return again(answered + 1);
        try {
          const recorded = await this.record(key, landed);
          if (recorded > 0)
            this.logger.warn(
              `recorded ${recorded} audit event(s) of a change to "${key}" made as the database stopped answering`,
            );
        } catch {
          again(answered);
        }
      })();
    }, FOLLOW_UP_MS).unref();
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

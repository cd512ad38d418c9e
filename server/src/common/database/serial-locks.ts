import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { ConflictError } from '../errors/domain-errors.js';
import { DB_CONNECTION } from './database.module.js';
import { isDuplicateKey } from './revisioned-store.js';
import { TypedCollection } from './typed-collection.js';

interface LockDocument {
  _id: string;
  owner: string;
  at: Date;
}

/** A lock older than this belongs to a process that died holding it: the next claimant takes it over. */
export const LOCK_STALE_MS = 30_000;
/** How long a change waits for a lock before it answers 409 `busy`. */
export const LOCK_WAIT_MS = 3_000;

/**
 * Changes that read one resource to decide how to change another, run one at a time per thing they share.
 *
 * Each resource changes by a compare-and-swap on its own revision (docs/adr/0005), which keeps one resource
 * consistent but not a rule between two: a prompt's rollback checked that no experiment served the version while an
 * experiment's publication checked that the version was in force, and both went through. Such changes hold a lock
 * named after what they share (`prompt:<key>`, `table:<key>`) from their check to their write. A lock is a document
 * whose `_id` is its name: the unique `_id` lets one claimant in, across instances, as it does for revisions. A
 * claimant that finds it held waits, then gives up with 409 `busy`; one held for LOCK_STALE_MS is taken over, since
 * its holder's writes would have timed out long before (docs/adr/0040).
 */
@Injectable()
export class SerialLocks {
  private readonly locks: Collection<LockDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.locks = new TypedCollection<LockDocument>(connection, 'serial_locks').collection;
  }

  /** Runs `work` holding every named lock (taken in name order, so two claimants never wait on each other). */
  async serially<T>(names: readonly string[], work: () => Promise<T>): Promise<T> {
    const owner = randomUUID();
    const held: string[] = [];
    try {
      for (const name of [...new Set(names)].sort()) {
        await this.take(name, owner);
        held.push(name);
      }
      return await work();
    } finally {
      // A lock that could not be released is taken over once stale: the change itself is done, or refused.
      for (const name of held) await this.locks.deleteOne({ _id: name, owner }).catch(() => undefined);
    }
  }

  private async take(name: string, owner: string): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        await this.locks.insertOne({ _id: name, owner, at: new Date() });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const holder = await this.locks.findOne({ _id: name });
      if (holder && Date.now() - new Date(holder.at).getTime() > LOCK_STALE_MS) {
        await this.locks.deleteOne({ _id: name, owner: holder.owner });
        continue;
      }
      if (Date.now() > deadline)
        throw new ConflictError(
          `Another change that depends on ${name.replace(':', ' "')}" is under way; try again in a moment.`,
          'busy',
        );
      await sleep(pause + Math.random() * pause); // apart, so that claimants that met do not meet again
    }
  }
}

/** SerialLocks for every module (resources of several modules share locks). */
@Global()
@Module({ providers: [SerialLocks], exports: [SerialLocks] })
export class SerialLocksModule {}

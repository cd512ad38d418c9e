import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import type { ChainedEvent } from './audit-chain.js';
import { auditEventSchema, type AuditEventDocument } from './audit-event.schema.js';

export interface AuditFilter {
  resourceType?: string;
  resourceKey?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

const DUPLICATE_KEY = 11000;

/** The only code that touches the audit_events collection. */
@Injectable()
export class AuditRepository {
  private readonly events: Model<AuditEventDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.events = connection.model<AuditEventDocument>('AuditEvent', auditEventSchema);
  }

  async head(): Promise<{ seq: number; hash: string } | null> {
    const last = await this.events.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean<AuditEventDocument>().exec();
    return last ? { seq: last.seq, hash: last.hash } : null;
  }

  async existing(ids: string[]): Promise<Set<string>> {
    const docs = await this.events.find({ _id: { $in: ids } }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return new Set(docs.map((d) => d._id));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.events.exists({ _id: id }).exec()) !== null;
  }

  /** Inserts at the event's position; false when that position (or that event id) is already taken. */
  async insert(event: ChainedEvent): Promise<boolean> {
    try {
      await this.events.init(); // the unique index on seq must exist before the first append
      await this.events.collection.insertOne(toDocument(event) as never);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  async find(filter: AuditFilter, sortOrder: 1 | -1, skip: number, limit: number): Promise<{ items: ChainedEvent[]; total: number }> {
    const query = toQuery(filter);
    const [items, total] = await Promise.all([
      this.events.find(query).sort({ seq: sortOrder }).skip(skip).limit(limit).lean<AuditEventDocument[]>().exec(),
      this.events.countDocuments(query).exec(),
    ]);
    return { items: items.map(fromDocument), total };
  }

  /** Every event in chain order, in batches, for verification and export. */
  async *inOrder(filter: AuditFilter = {}, batchSize = 500): AsyncGenerator<ChainedEvent> {
    let after = 0;
    for (;;) {
      const batch = await this.events
        .find({ ...toQuery(filter), seq: { $gt: after } })
        .sort({ seq: 1 })
        .limit(batchSize)
        .lean<AuditEventDocument[]>()
        .exec();
      for (const doc of batch) yield fromDocument(doc);
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1]!.seq;
    }
  }
}

function toQuery(filter: AuditFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const field of ['resourceType', 'resourceKey', 'actor', 'action'] as const) {
    if (filter[field] !== undefined) query[field] = filter[field];
  }
  if (filter.from || filter.to) query['at'] = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lte: filter.to }) };
  return query;
}

function toDocument(event: ChainedEvent): AuditEventDocument {
  const { id, at, ...rest } = event;
  return { _id: id, at: new Date(at), ...rest };
}

function fromDocument(doc: AuditEventDocument): ChainedEvent {
  const { _id, at, ...rest } = doc;
  return { id: _id, at: at.toISOString(), ...rest };
}

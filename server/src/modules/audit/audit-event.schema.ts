import type { IndexDeclaration } from '../../common/database/typed-collection.js';
import type { ChainedEvent } from './audit-chain.js';

/** An audit event as stored (raw, through the driver, so the hashed JSON is exactly what is kept). */
export type AuditEventDocument = Omit<ChainedEvent, 'id' | 'at'> & { _id: string; at: Date };

export const auditEventIndexes: IndexDeclaration[] = [
  // One event per position: concurrent appends from any number of instances keep one linear chain.
  { key: { seq: 1 }, options: { unique: true } },
  { key: { resourceType: 1, resourceKey: 1, seq: -1 } },
  { key: { actor: 1, seq: -1 } },
  { key: { at: -1 } },
];

/**
 * A position in the chain, claimed before the event is written (docs/adr/0011): `_id` is the sequence number
 * as text, so finding the head is a few `_id` lookups (the only lookup FerretDB 1.24 on SQLite serves from an
 * index) instead of a sort over every event. The claim carries the whole event, so a writer that died between
 * the claim and the event's insert is completed by the next appender. Only the last 256 or so are kept.
 */
export interface AuditClaimDocument {
  _id: string;
  seq: number;
  eventId: string;
  hash: string;
  event: AuditEventDocument;
}

// One position per event: the same outbox entry drained twice at once cannot take two positions.
export const auditClaimIndexes: IndexDeclaration[] = [{ key: { eventId: 1 }, options: { unique: true } }];

/** Where appenders start looking for the head: a hint only (it may lag), the claims are the truth. */
export interface AuditHeadDocument {
  _id: string;
  seq: number;
}

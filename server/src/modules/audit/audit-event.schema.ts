import { Schema } from 'mongoose';
import type { ChainedEvent } from './audit-chain.js';

/** An audit event as stored (raw, through the driver, so the hashed JSON is exactly what is kept). */
export type AuditEventDocument = Omit<ChainedEvent, 'id' | 'at'> & { _id: string; at: Date };

export const auditEventSchema = new Schema<AuditEventDocument>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    resourceType: { type: String, required: true },
    resourceKey: { type: String },
    version: { type: Number },
    reason: { type: String },
    summary: { type: Schema.Types.Mixed },
    details: { type: Schema.Types.Mixed },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    mac: { type: String },
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
// One event per position: concurrent appends from any number of instances keep one linear chain.
auditEventSchema.index({ seq: 1 }, { unique: true });
auditEventSchema.index({ resourceType: 1, resourceKey: 1, seq: -1 });
auditEventSchema.index({ actor: 1, seq: -1 });
auditEventSchema.index({ at: -1 });

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

export const auditClaimSchema = new Schema<AuditClaimDocument>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    eventId: { type: String, required: true },
    hash: { type: String, required: true },
    event: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'audit_chain', versionKey: false, minimize: false },
);
// One position per event: the same outbox entry drained twice at once cannot take two positions.
auditClaimSchema.index({ eventId: 1 }, { unique: true });

/** Where appenders start looking for the head: a hint only (it may lag), the claims are the truth. */
export interface AuditHeadDocument {
  _id: string;
  seq: number;
}

export const auditHeadSchema = new Schema<AuditHeadDocument>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: 'audit_head', versionKey: false },
);

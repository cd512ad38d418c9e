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
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
// One event per position: concurrent appends from any number of instances keep one linear chain.
auditEventSchema.index({ seq: 1 }, { unique: true });
auditEventSchema.index({ resourceType: 1, resourceKey: 1, seq: -1 });
auditEventSchema.index({ actor: 1, seq: -1 });
auditEventSchema.index({ at: -1 });

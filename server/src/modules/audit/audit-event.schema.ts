import { Schema } from 'mongoose';

export interface AuditEventDocument {
  _id: string;
  at: Date;
  actor: string;
  action: string;
  resourceType: string;
  resourceKey?: string;
  version?: number;
  reason?: string;
  details?: Record<string, unknown>;
}

export const auditEventSchema = new Schema<AuditEventDocument>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    resourceType: { type: String, required: true },
    resourceKey: { type: String },
    version: { type: Number },
    reason: { type: String },
    details: { type: Schema.Types.Mixed },
  },
  { collection: 'audit_events', versionKey: false },
);
auditEventSchema.index({ resourceType: 1, resourceKey: 1, at: -1 });
auditEventSchema.index({ actor: 1, at: -1 });

import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { DB_CONNECTION } from '../../common/database/database.module.js';
import { auditEventSchema, type AuditEventDocument } from './audit-event.schema.js';

/** The only code that touches the audit_events collection. */
@Injectable()
export class AuditRepository {
  private readonly events: Model<AuditEventDocument>;

  constructor(@Inject(DB_CONNECTION) connection: Connection) {
    this.events = connection.model<AuditEventDocument>('AuditEvent', auditEventSchema);
  }

  async insert(event: AuditEventDocument): Promise<void> {
    await this.events.create(event);
  }

  findRecent(filter: Partial<Pick<AuditEventDocument, 'action' | 'actor' | 'resourceType'>>, limit: number): Promise<AuditEventDocument[]> {
    return this.events.find(filter).sort({ at: -1 }).limit(limit).lean<AuditEventDocument[]>().exec();
  }
}

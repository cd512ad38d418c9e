import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditEventDocument } from './audit-event.schema.js';
import { AuditRepository } from './audit.repository.js';

export type AuditEntry = Omit<AuditEventDocument, '_id' | 'at'>;

/** Records who did what. Security events (login failures, key creation and revocation) land here. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.repository.insert({ _id: randomUUID(), at: new Date(), ...entry });
  }

  recent(filter: Partial<Pick<AuditEntry, 'action' | 'actor' | 'resourceType'>>, limit = 50): Promise<AuditEventDocument[]> {
    return this.repository.findRecent(filter, limit);
  }
}

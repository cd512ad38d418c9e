import { randomUUID } from 'node:crypto';
import type { AuditEntry } from './audit-chain.js';

/** An audit event stored in the same document update as the change it describes (docs/adr/0005). */
export interface OutboxItem {
  id: string;
  at: string;
  entry: AuditEntry;
}

export function outboxItem(entry: AuditEntry, at = new Date()): OutboxItem {
  return { id: randomUUID(), at: at.toISOString(), entry: JSON.parse(JSON.stringify(entry)) as AuditEntry };
}

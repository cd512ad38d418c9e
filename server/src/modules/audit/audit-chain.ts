import { canonicalJson, sha256Hex } from '../../common/json/canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What an audit event says, before it is placed in the chain. */
export interface AuditEntry {
  actor: string;
  action: string;
  resourceType: string;
  resourceKey?: string;
  version?: number;
  reason?: string;
  /** Before/after summary of the change, in plain JSON. */
  summary?: { before?: unknown; after?: unknown };
  details?: Record<string, unknown>;
}

/** An event as stored: its content plus its place in the chain. */
export interface ChainedEvent extends AuditEntry {
  id: string;
  seq: number;
  at: string; // ISO instant, part of the hashed content
  prevHash: string;
  hash: string;
}

/** Plain JSON only (no undefined, Dates as ISO text), so what is hashed is exactly what is stored and read back. */
export function toPlainEntry(entry: AuditEntry): AuditEntry {
  return JSON.parse(JSON.stringify(entry)) as AuditEntry;
}

function hashedContent(event: Omit<ChainedEvent, 'hash' | 'prevHash'>): string {
  const { id, seq, at, actor, action, resourceType, resourceKey, version, reason, summary, details } = event;
  return canonicalJson({ id, seq, at, actor, action, resourceType, resourceKey, version, reason, summary, details });
}

/** hash = sha256(prevHash + canonical event), so altering or removing an event breaks the chain. */
export function chainHash(prevHash: string, event: Omit<ChainedEvent, 'hash' | 'prevHash'>): string {
  return sha256Hex(prevHash + hashedContent(event));
}

export function chain(entry: AuditEntry, id: string, seq: number, at: string, prevHash: string): ChainedEvent {
  const event = { ...toPlainEntry(entry), id, seq, at };
  return { ...event, prevHash, hash: chainHash(prevHash, event) };
}

export type ChainBreak = { seq: number; eventId?: string; reason: 'missing_event' | 'prev_hash_mismatch' | 'hash_mismatch' };

/** Checks one event against its predecessor; returns why the link is broken, or undefined when it holds. */
export function checkLink(event: ChainedEvent, expectedSeq: number, expectedPrevHash: string): ChainBreak | undefined {
  if (event.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing_event' };
  if (event.prevHash !== expectedPrevHash) return { seq: event.seq, eventId: event.id, reason: 'prev_hash_mismatch' };
  const { hash, prevHash, ...content } = event;
  if (chainHash(prevHash, content) !== hash) return { seq: event.seq, eventId: event.id, reason: 'hash_mismatch' };
  return undefined;
}

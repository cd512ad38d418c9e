import { createHmac } from 'node:crypto';
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
  /** `hmac-sha256`: the hash is keyed (the key is not in the database). Absent on events written before. */
  mac?: 'hmac-sha256';
}

/** Plain JSON only (no undefined, Dates as ISO text), so what is hashed is exactly what is stored and read back. */
export function toPlainEntry(entry: AuditEntry): AuditEntry {
  return JSON.parse(JSON.stringify(entry)) as AuditEntry;
}

function hashedContent(event: Omit<ChainedEvent, 'hash' | 'prevHash'>): string {
  const { id, seq, at, actor, action, resourceType, resourceKey, version, reason, summary, details } = event;
  return canonicalJson({ id, seq, at, actor, action, resourceType, resourceKey, version, reason, summary, details });
}

/**
 * hash = HMAC-SHA256(key, prevHash + canonical event), so altering or removing an event breaks the chain, and
 * without the key (kept out of the database) nobody can write a chain that verifies. Events written before
 * keys were used carry a plain sha256 (no `mac`); they still verify, but never after a keyed one.
 */
export function chainHash(
  prevHash: string,
  event: Omit<ChainedEvent, 'hash' | 'prevHash' | 'mac'>,
  key?: Buffer,
): string {
  return key
    ? createHmac('sha256', key)
        .update(prevHash + hashedContent(event))
        .digest('hex')
    : sha256Hex(prevHash + hashedContent(event));
}

export function chain(
  entry: AuditEntry,
  id: string,
  seq: number,
  at: string,
  prevHash: string,
  key?: Buffer,
): ChainedEvent {
  const event = { ...toPlainEntry(entry), id, seq, at };
  return { ...event, prevHash, hash: chainHash(prevHash, event, key), ...(key && { mac: 'hmac-sha256' as const }) };
}

export type ChainBreak = {
  seq: number;
  eventId?: string;
  /** `truncated` / `rewritten`: the chain disagrees with an anchor kept outside the database (AuditAnchors). */
  reason: 'missing_event' | 'prev_hash_mismatch' | 'hash_mismatch' | 'unkeyed_after_keyed' | 'truncated' | 'rewritten';
};

/**
 * Checks one event against its predecessor; returns why the link is broken, or undefined when it holds.
 * `keyedBefore`: an earlier event was keyed, so this one must be too (no downgrade to plain sha256).
 */
export function checkLink(
  event: ChainedEvent,
  expectedSeq: number,
  expectedPrevHash: string,
  key?: Buffer,
  keyedBefore = false,
): ChainBreak | undefined {
  if (event.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing_event' };
  if (event.prevHash !== expectedPrevHash) return { seq: event.seq, eventId: event.id, reason: 'prev_hash_mismatch' };
  const { hash, prevHash, mac, ...content } = event;
  if (!mac && keyedBefore) return { seq: event.seq, eventId: event.id, reason: 'unkeyed_after_keyed' };
  if (mac && !key) return { seq: event.seq, eventId: event.id, reason: 'hash_mismatch' };
  if (chainHash(prevHash, content, mac ? key : undefined) !== hash)
    return { seq: event.seq, eventId: event.id, reason: 'hash_mismatch' };
  return undefined;
}

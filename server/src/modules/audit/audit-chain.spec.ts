import { describe, expect, it } from '@jest/globals';
import { chain, checkLink, GENESIS_HASH } from './audit-chain.js';

const entry = {
  actor: 'approver',
  action: 'ruleset.approved',
  resourceType: 'ruleset',
  resourceKey: 'invoices',
  version: 3,
  details: { comment: 'Seuil révisé' },
};

describe('audit chain', () => {
  it('links each event to the previous hash', () => {
    const first = chain(entry, 'e1', 1, '2026-03-01T10:00:00.000Z', GENESIS_HASH);
    const second = chain({ ...entry, action: 'ruleset.published' }, 'e2', 2, '2026-03-01T10:05:00.000Z', first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkLink(first, 1, GENESIS_HASH)).toBeUndefined();
    expect(checkLink(second, 2, first.hash)).toBeUndefined();
  });

  it('does not depend on key order', () => {
    const a = chain({ ...entry, details: { x: 1, y: 2 } }, 'e', 1, '2026-03-01T10:00:00.000Z', GENESIS_HASH);
    const b = chain({ ...entry, details: { y: 2, x: 1 } }, 'e', 1, '2026-03-01T10:00:00.000Z', GENESIS_HASH);
    expect(a.hash).toBe(b.hash);
  });

  it('detects an altered field, a re-linked event and a gap', () => {
    const first = chain(entry, 'e1', 1, '2026-03-01T10:00:00.000Z', GENESIS_HASH);
    expect(checkLink({ ...first, actor: 'analyst' }, 1, GENESIS_HASH)).toEqual({
      seq: 1,
      eventId: 'e1',
      reason: 'hash_mismatch',
    });
    expect(checkLink({ ...first, details: { comment: 'autre' } }, 1, GENESIS_HASH)?.reason).toBe('hash_mismatch');
    expect(checkLink(first, 1, 'f'.repeat(64))?.reason).toBe('prev_hash_mismatch');
    expect(checkLink(first, 2, GENESIS_HASH)).toEqual({ seq: 2, reason: 'missing_event' });
  });
});

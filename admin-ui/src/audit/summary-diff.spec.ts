import { describe, expect, it } from 'vitest';
import { compareSummary, NOTHING } from './summary-diff';

describe('before/after comparison of an audit event', () => {
  it('compares key by key and says which keys changed', () => {
    expect(
      compareSummary(
        { status: 'in_review', checksum: 'abc' },
        { status: 'approved', checksum: 'abc', approvedBy: 'approver' },
      ),
    ).toEqual([
      { key: 'status', before: 'in_review', after: 'approved', change: 'changed' },
      { key: 'checksum', before: 'abc', after: 'abc', change: 'unchanged' },
      { key: 'approvedBy', after: 'approver', change: 'added' },
    ]);
  });

  it('reads nested objects as dotted keys and compares arrays and null as values', () => {
    expect(
      compareSummary(
        { activeVersion: null, meta: { name: 'A', pilot: 'invoices' } },
        { activeVersion: 2, meta: { name: 'B', pilot: 'invoices' }, keys: ['x', 'y'] },
      ),
    ).toEqual([
      { key: 'activeVersion', before: NOTHING, after: '2', change: 'changed' },
      { key: 'meta.name', before: 'A', after: 'B', change: 'changed' },
      { key: 'meta.pilot', before: 'invoices', after: 'invoices', change: 'unchanged' },
      { key: 'keys', after: '["x","y"]', change: 'added' },
    ]);
  });

  it('treats a creation as all added and a removal as all removed', () => {
    expect(compareSummary(undefined, { rows: 2 })).toEqual([{ key: 'rows', after: '2', change: 'added' }]);
    expect(compareSummary({ archived: false }, undefined)).toEqual([
      { key: 'archived', before: 'false', change: 'removed' },
    ]);
    expect(compareSummary(undefined, undefined)).toEqual([]);
  });

  it('shows a summary that is a single value (roles, a name) as one line', () => {
    expect(compareSummary(['analyst'], ['analyst', 'approver'])).toEqual([
      { key: '', before: '["analyst"]', after: '["analyst","approver"]', change: 'changed' },
    ]);
    expect(compareSummary('Ana', 'Ana')).toEqual([{ key: '', before: 'Ana', after: 'Ana', change: 'unchanged' }]);
  });

  it('does not mistake a reordering of object keys for a change', () => {
    expect(compareSummary({ x: [{ a: 1, b: 2 }] }, { x: [{ b: 2, a: 1 }] })[0]?.change).toBe('unchanged');
  });
});

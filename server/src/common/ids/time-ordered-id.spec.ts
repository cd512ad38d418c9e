import { describe, expect, it } from '@jest/globals';
import { timeOrderedId } from './time-ordered-id.js';

/** RFC 9562 §5.7: version 7 in the 13th hex digit, the variant 10xx in the 17th. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids', () => {
  it('are UUIDs of version 7 whose first 48 bits are the millisecond they were made', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const at = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(id).toMatch(UUID_V7);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(timeOrderedId(Date.UTC(2026, 11, 5, 12))).toMatch(/^01a24613-4e00-7/);
  });

  it('sort in the order of their milliseconds, and differ within one', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((ms) => timeOrderedId(ms));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedId(1_700_000_000_000)));
    expect(same.size).toBe(1000);
  });
});

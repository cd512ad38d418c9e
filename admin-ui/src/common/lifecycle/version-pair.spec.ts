import { describe, expect, it } from 'vitest';
import { defaultPair, versionNumbers } from './version-pair';

describe('defaultPair', () => {
  const versions = [{ number: 1 }, { number: 3 }, { number: 2 }];
  it('opens on the draft against the version in force', () => {
    expect(defaultPair({ activeVersion: 2, draftVersion: 3, versions })).toEqual({ from: 2, to: 3 });
  });
  it('compares the newest with the one before when the newest is in force', () => {
    expect(defaultPair({ activeVersion: 3, draftVersion: null, versions })).toEqual({ from: 2, to: 3 });
    expect(defaultPair({ activeVersion: null, draftVersion: null, versions: [{ number: 1 }] })).toEqual({
      from: 1,
      to: 1,
    });
    expect(defaultPair({ activeVersion: null, draftVersion: null, versions: [] })).toBeNull();
  });
  it('opens on the version in review, not a draft started beside it: what the approver decides on', () => {
    const lifecycle = [
      { number: 1, status: 'published' },
      { number: 2, status: 'in_review' },
      { number: 3, status: 'draft' },
    ];
    expect(defaultPair({ activeVersion: 1, draftVersion: 3, versions: lifecycle })).toEqual({ from: 1, to: 2 });
    const approved = lifecycle.map((v) => (v.number === 2 ? { ...v, status: 'approved' } : v));
    expect(defaultPair({ activeVersion: 1, draftVersion: 3, versions: approved })).toEqual({ from: 1, to: 2 });
  });
  it('offers versions newest first', () => {
    expect(versionNumbers(versions)).toEqual([3, 2, 1]);
  });
});

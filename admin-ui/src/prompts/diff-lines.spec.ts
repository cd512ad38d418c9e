import { describe, expect, it } from 'vitest';
import { defaultPair, diffLines, settingText, versionNumbers } from './diff-lines';

describe('diffLines', () => {
  it('splits each changed part into marked lines, without the newline that ends a part', () => {
    expect(
      diffLines([
        { field: 'template', kind: 'removed', text: '\nJeux de données :\n' },
        { field: 'template', kind: 'added', text: 'Réponds en trois phrases.\n' },
        { field: 'template', kind: 'added', text: 'sans fin de ligne' },
      ]),
    ).toEqual([
      { marker: '−', kind: 'removed', text: '' },
      { marker: '−', kind: 'removed', text: 'Jeux de données :' },
      { marker: '+', kind: 'added', text: 'Réponds en trois phrases.' },
      { marker: '+', kind: 'added', text: 'sans fin de ligne' },
    ]);
  });
});

describe('settingText', () => {
  it('shows values as JSON and an absent value as null', () => {
    expect(settingText(700)).toBe('700');
    expect(settingText('')).toBe('""');
    expect(settingText(['a'])).toBe('["a"]');
    expect(settingText(undefined)).toBeNull();
  });
});

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
  it('offers versions newest first', () => {
    expect(versionNumbers(versions)).toEqual([3, 2, 1]);
  });
});

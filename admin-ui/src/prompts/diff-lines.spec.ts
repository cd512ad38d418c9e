import { describe, expect, it } from 'vitest';
import { diffLines, settingText } from './diff-lines';

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

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { i18nProvider } from './i18nProvider';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('console messages', () => {
  it('has every French key in English and the reverse', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('has no empty message in either language', () => {
    for (const messages of [fr, en]) {
      const empty = keys(messages).filter(
        (key) =>
          key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('speaks French by default and offers English', () => {
    expect(i18nProvider.getLocale()).toBe('fr');
    expect(i18nProvider.translate('gabarit.roles.approver')).toBe('Approbation');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['fr', 'en']);
  });
});

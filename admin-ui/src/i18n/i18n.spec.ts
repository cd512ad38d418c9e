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

  it('words a count of one in the singular, in French as in English (« 1 décision récente rejouée »)', () => {
    const impact = (compared: number, changed: number) =>
      i18nProvider.translate('gabarit.checks.impact_summary', {
        replayed: i18nProvider.translate('gabarit.checks.impact_replayed', { smart_count: compared }),
        changed: i18nProvider.translate('gabarit.checks.impact_changed', { smart_count: changed }),
        active: 1,
      });
    expect(impact(1, 0)).toMatch(/^1 décision récente rejouée contre la version en vigueur \(1\)\s: 0 changerait\.$/u);
    expect(impact(12, 2)).toMatch(/^12 décisions récentes rejouées .* 2 changeraient\.$/u);
  });

  it('speaks French by default and offers English', () => {
    expect(i18nProvider.getLocale()).toBe('fr');
    expect(i18nProvider.translate('gabarit.roles.approver')).toBe('Approbation');
    expect(i18nProvider.getLocales?.().map((l) => l.locale)).toEqual(['fr', 'en']);
  });
});

describe('French typography', () => {
  const messagesOf = (tree: object): string[] =>
    Object.values(tree).flatMap((value) =>
      typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? messagesOf(value) : [],
    );

  it('keeps every punctuation mark with its word: no breaking space before : ; ? ! $ % or inside « »', () => {
    const loose = messagesOf(fr).filter((text) => / [:;?!$»]| %(?!\{)|« /.test(text));
    expect(loose).toEqual([]);
    // react-admin's own French messages are typeset too.
    expect(i18nProvider.translate('ra.message.are_you_sure')).toMatch(/\u202f\?$/);
  });

  it('quotes English with “ ”, never with French « »', () => {
    expect(messagesOf(en).filter((text) => /[«»]/.test(text))).toEqual([]);
  });

  it('uses the Québec terms, not calques', () => {
    const all = messagesOf(fr).join('\n');
    expect(all).toContain("Fonctions d'aide permises");
    expect(all).toContain('Nombre maximal de jetons');
    expect(all).not.toMatch(/\bl'export\b/i);
  });

  it('writes plurals with smart_count, never « (s) », and French counts 0 and 1 as singular', () => {
    expect(messagesOf(fr).filter((text) => /\((s|nt)\)/.test(text))).toEqual([]);
    expect(messagesOf(en).filter((text) => /\(s\)/.test(text))).toEqual([]);
    const count = (smart_count: number) =>
      i18nProvider.translate('gabarit.prompts.tests_count_passed', { smart_count });
    expect([0, 1, 2].map(count)).toEqual(['0 réussi', '1 réussi', '2 réussis']);
  });
});

import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { wordDetail } from './detail-wording';

const inFrench = polyglotI18nProvider(() => fr, 'fr').translate as (
  key: string,
  options?: Record<string, unknown>,
) => string;
const inEnglish = polyglotI18nProvider(() => en, 'en').translate as (
  key: string,
  options?: Record<string, unknown>,
) => string;

describe('API detail messages in the console’s language', () => {
  it('words the API’s usual shapes in French, keeping the values', () => {
    expect(
      [
        'is required',
        'must be number',
        'must be one of: fr, en, fr-en',
        'must be >= 0',
        'must NOT have fewer than 1 characters',
        'has the wrong format (expected snake_case such as auto_approve)',
        'is not an allowed field',
      ].map((m) => wordDetail(m, inFrench)),
    ).toEqual([
      'Valeur obligatoire.',
      'doit être un nombre',
      'doit valoir l’une de ces valeurs : fr, en, fr-en',
      'doit être >= 0',
      'doit compter au moins 1 caractère',
      'n’a pas le bon format (attendu : snake_case such as auto_approve)',
      'n’est pas un champ permis',
    ]);
  });

  it('leaves English as the API wrote it, and unknown shapes untouched in any language', () => {
    expect(wordDetail('must be number', inEnglish)).toBe('must be number');
    expect(wordDetail('"bogus" is not a known operator', inFrench)).toBe('"bogus" is not a known operator');
  });
});

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
  // Details as the API sends them (server/src/common/http/ajv.ts): English message, keyword and parameters.
  const details = [
    { message: 'is required', keyword: 'required', params: { missingProperty: 'name' } },
    { message: 'must be number', keyword: 'type', params: { type: 'number' } },
    { message: 'must be one of: fr, en, fr-en', keyword: 'enum', params: { allowedValues: ['fr', 'en', 'fr-en'] } },
    { message: 'must be >= 0', keyword: 'minimum', params: { comparison: '>=', limit: 0 } },
    { message: 'must NOT have fewer than 2 characters', keyword: 'minLength', params: { limit: 2 } },
    {
      message: 'has the wrong format (expected snake_case such as auto_approve)',
      keyword: 'pattern',
      params: { pattern: '^[a-z_]+$', expected: 'snake_case such as auto_approve' },
    },
    { message: 'is not an allowed field', keyword: 'additionalProperties', params: { additionalProperty: 'x' } },
    { message: 'must be a date (YYYY-MM-DD)', keyword: 'cellType', params: { type: 'date' } },
    { message: 'is already taken', keyword: 'taken' },
  ];

  it('words each kind of problem in French from its keyword and parameters, keeping the values', () => {
    expect(details.map((d) => wordDetail(d, inFrench, 'fr'))).toEqual([
      'Valeur obligatoire.',
      'doit être un nombre',
      'doit valoir l’une de ces valeurs : fr, en, fr-en',
      'doit être >= 0',
      'ne doit pas faire moins de 2 caractères',
      'n’a pas le bon format (attendu : snake_case such as auto_approve)',
      'n’est pas un champ permis',
      'Doit être une date AAAA-MM-JJ.',
      'est déjà utilisée',
    ]);
  });

  it('words them in English too, and keeps the API’s message when there is no keyword to go by', () => {
    expect(details.slice(0, 5).map((d) => wordDetail(d, inEnglish, 'en'))).toEqual([
      'Value required.',
      'must be number',
      'must be one of: fr, en, fr-en',
      'must be >= 0',
      'must NOT be shorter than 2 characters',
    ]);
    expect(wordDetail({ message: '"bogus" is not a known operator' }, inFrench, 'fr')).toBe(
      '"bogus" is not a known operator',
    );
    expect(wordDetail({ message: 'odd', keyword: 'madeUp', params: {} }, inFrench, 'fr')).toBe('odd');
  });
});

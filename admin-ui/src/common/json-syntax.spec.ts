import { describe, expect, it } from 'vitest';
import { jsonSyntaxPlace, readTypedJson } from './json-syntax';
import { i18nProvider } from '../i18n/i18nProvider';

const placeOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (err) {
    return jsonSyntaxPlace(text, err);
  }
  throw new Error('parsed');
};

describe('where JSON stops parsing, for a person', () => {
  it('counts lines and columns from 1, on the line where the mistake is', () => {
    expect(placeOf('{"invoice": {total: 1}}')).toEqual({ line: 1, column: 14 });
    expect(placeOf('{\n  "a": 1,\n  b: 2\n}')).toEqual({ line: 3, column: 3 });
  });

  it('points at the end of a text that stops too soon', () => {
    expect(placeOf('{"invoice": ')).toEqual({ line: 1, column: 13 });
    expect(placeOf('')).toEqual({ line: 1, column: 1 });
  });
});

describe('JSON typed in an editor', () => {
  it('gives the value of JSON, and says in the console language where other text stops being JSON', () => {
    const translate = (key: string, options?: object) => i18nProvider.translate(key, options);
    expect(readTypedJson('{"a": [1, null]}', translate)).toEqual({ value: { a: [1, null] } });
    expect(readTypedJson('{\n  "a": 1,\n  b: 2\n}', translate)).toEqual({
      mistake: expect.stringMatching(/^JSON invalide\s?: .*ligne 3, colonne 3/),
    });
  });
});

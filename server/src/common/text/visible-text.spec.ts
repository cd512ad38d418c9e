import { describe, expect, it } from '@jest/globals';
import { contractAjv } from '../http/ajv.js';
import { isBlank, VISIBLE_TEXT_PATTERN } from './visible-text.js';

describe('visible text', () => {
  const visible = contractAjv.compile({ type: 'string', pattern: VISIBLE_TEXT_PATTERN });

  it('takes any text with a character a reader sees, in any script', () => {
    for (const text of ['x', ' é ', '\u200Bnon', '中文', 'مرحبا', '한글', '🙂', '👍🏽', '\u00A0.', '-', 'ឥ'])
      expect([text, visible(text), isBlank(text)]).toEqual([text, true, false]);
  });

  it('refuses spaces, line breaks and invisible format characters alone, in the contract and in the service', () => {
    for (const text of [
      '',
      ' \n\t',
      '\u00A0\u202F\u3000',
      '\u200B',
      '\u200C\u200D',
      '\u2060\u00AD',
      '\u200E\u200F',
      '\uFEFF',
      '\u180E',
      '\u202E\u2066', // direction embeddings and isolates
      '\u061C\u2069\u206A',
      '\u034F\uFE0F\u3164\u115F\uFFA0\u2800\u17B4',
    ])
      expect([text, visible(text), isBlank(text)]).toEqual([text, false, true]);
    expect(isBlank(undefined)).toBe(true);
  });
});

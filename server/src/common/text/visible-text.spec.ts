import { describe, expect, it } from '@jest/globals';
import { contractAjv } from '../http/ajv.js';
import { VISIBLE_TEXT_PATTERN } from './visible-text.js';

describe('VISIBLE_TEXT_PATTERN', () => {
  const visible = contractAjv.compile({ type: 'string', pattern: VISIBLE_TEXT_PATTERN });

  it('takes any text with a character a reader sees, in any script', () => {
    for (const text of ['x', ' é ', '\u200Bnon', '中文', 'مرحبا', '🙂', '\u00A0.', '-'])
      expect([text, visible(text)]).toEqual([text, true]);
  });

  it('refuses spaces, line breaks and invisible format characters alone', () => {
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
    ])
      expect([text, visible(text)]).toEqual([text, false]);
  });
});

import { describe, expect, it } from 'vitest';
import { formatScopes, parseScopes } from './scopes-input';

describe('scopes input', () => {
  it('turns lines or commas into a clean list and back', () => {
    expect(parseScopes(' evaluate:invoices-*\n\nprompts:complete:chatbot , evaluate:enrolment ')).toEqual([
      'evaluate:invoices-*',
      'prompts:complete:chatbot',
      'evaluate:enrolment',
    ]);
    expect(parseScopes(undefined)).toEqual([]);
    expect(formatScopes(['a:b', 'c:d'])).toBe('a:b\nc:d');
  });
});

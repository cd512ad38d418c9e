import { describe, expect, it } from 'vitest';
import { parseFacts } from './facts-input';

describe('parseFacts', () => {
  it('accepts a JSON object', () => {
    expect(parseFacts('{"invoice": {"total": 114.98}}')).toEqual({ facts: { invoice: { total: 114.98 } } });
  });

  it('explains malformed JSON and non-objects', () => {
    expect(parseFacts('{"invoice": ')).toEqual({ error: 'gabarit.try.invalid_json', at: { line: 1, column: 13 } });
    expect(parseFacts('[1, 2]')).toEqual({ error: 'gabarit.try.not_object' });
    expect(parseFacts('42')).toEqual({ error: 'gabarit.try.not_object' });
  });
});

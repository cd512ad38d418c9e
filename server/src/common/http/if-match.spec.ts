import { describe, expect, it } from '@jest/globals';
import { ifMatchAccepts, ifMatchRefusal } from './if-match.js';

describe('ifMatchAccepts', () => {
  const current = '"ruleset:invoices:7:n3"';

  it('accepts the current tag, alone or in a list', () => {
    expect(ifMatchAccepts(current, current)).toBe(true);
    expect(ifMatchAccepts(` "ruleset:invoices:6:n3" , ${current}`, current)).toBe(true);
  });

  it('refuses *, another tag, a weak one, a tag without quotes and a malformed list', () => {
    expect(ifMatchAccepts('*', current)).toBe(false);
    expect(ifMatchAccepts('"ruleset:invoices:6:n3"', current)).toBe(false);
    expect(ifMatchAccepts(`W/${current}`, current)).toBe(false);
    expect(ifMatchAccepts(current.slice(1, -1), current)).toBe(false);
    expect(ifMatchAccepts(`${current} junk`, current)).toBe(false);
    expect(ifMatchAccepts(`junk, ${current}`, current)).toBe(false);
    expect(ifMatchAccepts('', current)).toBe(false);
  });
});

describe('ifMatchRefusal', () => {
  it('says why * is not taken, and otherwise gives both tags', () => {
    expect(ifMatchRefusal(' * ', '"t:2"').message).toBe(
      'is *, which any version would match: send the ETag you read (the current one is "t:2")',
    );
    expect(ifMatchRefusal('"t:1"', '"t:2"')).toEqual({
      path: '/',
      message: 'your copy is "t:1", the current one is "t:2"',
    });
  });
});

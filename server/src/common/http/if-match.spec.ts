import { describe, expect, it } from '@jest/globals';
import { ifMatchAccepts } from './if-match.js';

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

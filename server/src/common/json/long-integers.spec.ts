import { describe, expect, it } from '@jest/globals';
import { integerReadsAsWritten } from './long-integers.js';

describe('integerReadsAsWritten', () => {
  it('says which long integers come back as another number', () => {
    expect(integerReadsAsWritten('9007199254740993')).toBe(false);
    expect(integerReadsAsWritten('-12345678901234567890')).toBe(false);
    expect(integerReadsAsWritten('9999999999999999')).toBe(false); // read as 10000000000000000
  });

  it('keeps those read as what they say, however long, and every short one', () => {
    for (const written of ['9007199254740992', '100000000000000000000000', '-2250000000000000000000000000000', '123'])
      expect(integerReadsAsWritten(written)).toBe(true);
    expect(integerReadsAsWritten('0000000000000000001')).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import { inputValidators } from './input-schemas.js';

describe('fact validators', () => {
  it('read facts as own properties: one named like an inherited method is missing when not sent', async () => {
    const validate = await inputValidators.for({
      type: 'object',
      required: ['toString', 'a'],
      properties: {
        toString: { type: 'number' },
        a: { type: 'object', required: ['valueOf'], properties: { valueOf: { type: 'number' } } },
      },
    });
    expect(validate({ a: {} })).toBe(false);
    expect(validate.errors?.map((e) => [e.keyword, e.instancePath, e.params])).toEqual([
      ['required', '', { missingProperty: 'toString' }],
      ['required', '/a', { missingProperty: 'valueOf' }],
    ]);
    expect(validate({ toString: 1, a: { valueOf: 2 } })).toBe(true);
  });
});

import { describe, expect, it } from '@jest/globals';
import { nestsDeeperThan, unacceptableValue } from './json-body-parser.js';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":"\\\\\\"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('42', 0)).toBe(false);
  });

  it('answers for 100 000 levels without parsing them', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(nestsDeeperThan(deep, 64)).toBe(true);
    expect(nestsDeeperThan(deep, 100_000)).toBe(false);
  });
});

describe('unacceptableValue', () => {
  const check = (text: string) => unacceptableValue(JSON.parse(text), text);

  it('names the place of a long or NUL key, an infinite number and an unpaired surrogate', () => {
    expect(check(`{"a":{"${'k'.repeat(1025)}":1}}`)).toEqual({
      path: `/a/${'k'.repeat(64)}`,
      message: expect.stringMatching(/1025 characters/),
    });
    expect(check('{"a\\u0000b":1}')?.message).toMatch(/NUL/);
    expect(check('{"facts":{"total":1e309}}')).toEqual({
      path: '/facts/total',
      message: expect.stringMatching(/too large/),
    });
    // Written out in full, without an exponent: 310 digits.
    expect(check(`{"facts":{"total":1${'0'.repeat(309)}}}`)).toEqual({
      path: '/facts/total',
      message: expect.stringMatching(/too large/),
    });
    expect(check('{"list":["ok","\\ud800"]}')).toEqual({
      path: '/list/1',
      message: expect.stringMatching(/surrogate/),
    });
  });

  it('lets ordinary bodies through, pairs of surrogates (emoji) and large finite numbers included', () => {
    expect(check('{"nom":"Léa 😀","montant":1e300,"\\u00e9":"\\ud83d\\ude00"}')).toBeUndefined();
    expect(
      check(
        JSON.stringify({
          facts: { invoice: { total: 114.98, lines: Array.from({ length: 500 }, (_, i) => ({ n: i })) } },
        }),
      ),
    ).toBeUndefined();
  });
});

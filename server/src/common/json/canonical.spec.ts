import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalByteLength, canonicalJson } from './canonical.js';

describe('canonicalByteLength', () => {
  const bytes = (value: unknown) => Buffer.byteLength(canonicalJson(value));

  it('is the byte length of the canonical JSON, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalByteLength(value) === bytes(value)),
      { numRuns: 2000 },
    );
  });

  it('counts accents, emoji, escapes and numbers as the canonical text writes them', () => {
    const value = {
      zeta: 'Évaluée « ici » — 😀',
      alpha: ['tab\there', 'quote " and \\ backslash', '\u0001', 1e21, 5e-7, 0.1 + 0.2, -0, 10],
      nested: { b: null, a: [true, false, {}] },
    };
    expect(canonicalByteLength(value)).toBe(bytes(value));
    expect(canonicalByteLength(undefined)).toBe(4); // canonicalJson writes null
  });

  it('agrees on the pilots as stored', () => {
    for (const file of ['rulesets/invoices/invoices.json', 'rulesets/enrolment/enrolment.json']) {
      const pilot = JSON.parse(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8')) as unknown;
      expect(canonicalByteLength(pilot)).toBe(bytes(pilot));
    }
  });
});

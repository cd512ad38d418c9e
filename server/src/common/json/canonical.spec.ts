import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import { canonicalByteLength, canonicalJson, checksumOf } from './canonical.js';

// RFC 8785's reference implementation for JavaScript: what checksums were computed with before, and must stay.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

/** The pilots as stored, read from the repository. */
const pilots = [
  'rulesets/invoices/invoices.json',
  'rulesets/enrolment/enrolment.json',
  'prompts/chatbot/chatbot-answer.1.json',
].map((file) => JSON.parse(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8')) as unknown);

describe('canonicalJson', () => {
  it('writes what RFC 8785 writes, for any JSON value (keys in any order, any text, any number)', () => {
    const anyText = fc.string({ unit: 'grapheme' });
    const value = fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 5 });
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === canonicalize(v)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.dictionary(anyText, value), (v) => canonicalJson(v) === canonicalize(v)),
      { numRuns: 500 },
    );
  });

  it('writes the pilots as before, so stored checksums stay the same', () => {
    for (const pilot of pilots) expect(canonicalJson(pilot)).toBe(canonicalize(pilot));
    expect(checksumOf({ b: [1, -0, 1e21, 0.1 + 0.2, 'é\u2028"'], a: null })).toBe(
      '9cd9984d173ec4f23209564e2bb2eb29841d76dbe0077a9c2624580a63aa520d',
    );
  });

  it('leaves out undefined properties as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 1 })).toBe('{"a":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

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
    for (const pilot of pilots) expect(canonicalByteLength(pilot)).toBe(bytes(pilot));
  });
});

import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { manyConditions } from '../../engine/fixtures/large-analyses.js';
import { canonicalJson, checksumOf, sha256Hex } from './canonical.js';
import { canonicalPieces, checksumInTurns } from './checksum-in-turns.js';

const joined = (value: unknown, pieceValues?: number) => [...canonicalPieces(value, pieceValues)].join('');

describe('canonicalPieces', () => {
  it('writes, piece by piece, the very text canonicalJson writes (any keys, lone surrogates included)', () => {
    const key = fc.string({ unit: 'binary', maxLength: 6 });
    const value = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });
    const anyValue = fc.oneof(value, fc.dictionary(key, value), fc.array(fc.dictionary(key, value)));
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 8 }), (v, pieceValues) => {
        expect(joined(v, pieceValues)).toBe(canonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out what JSON leaves out of objects, and writes null for it in arrays', () => {
    const value = { b: undefined, c: [undefined, () => 1, { d: undefined }], a: () => 1, e: {} };
    expect(joined(value, 1)).toBe(canonicalJson(value));
    expect(joined(value, 1)).toBe('{"c":[null,null,{}],"e":{}}');
  });

  it('cuts a rule set at the size limit into pieces the library writes in well under a millisecond', () => {
    const content = manyConditions(2, 39, 'r'); // 7 800 conditions, just under 512 KiB
    const all = [...canonicalPieces(content)];
    const text = all.join('');
    expect(text).toBe(canonicalJson(content));
    expect(text.length).toBeGreaterThan(500_000);
    // No piece holds more than 2 000 values: a condition is about 70 characters.
    expect(Math.max(...all.map((piece) => piece.length))).toBeLessThan(2_000 * 70);
    expect(all.length).toBeGreaterThan(100);
  });
});

describe('checksumInTurns', () => {
  it('is checksumOf, and checksumOf reads it back for the same content', async () => {
    const content = manyConditions(2, 39, 'r');
    const expected = sha256Hex(canonicalJson(content));
    await expect(checksumInTurns(content)).resolves.toBe(expected);
    expect(checksumOf(content)).toBe(expected);
    expect(checksumOf(manyConditions(2, 39, 's'))).not.toBe(expected);
    const small = { b: [1, -0, 1e21, 0.1 + 0.2, 'é\u2028"'], a: null };
    await expect(checksumInTurns(small)).resolves.toBe(
      '9cd9984d173ec4f23209564e2bb2eb29841d76dbe0077a9c2624580a63aa520d',
    );
  });
});

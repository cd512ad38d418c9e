import { describe, expect, it } from '@jest/globals';
import { STORED_OUTPUTS_MAX_BYTES, fitOutputs, outputCap, shortened } from './stored-outputs.js';

describe('outputs shortened to fit a stored run', () => {
  it('keeps every output whole while they fit, and cuts only the long ones to one length when they do not', () => {
    expect(outputCap([10, 20, 30], 60)).toBe(Infinity);
    expect(outputCap([10, 20, 300], 100)).toBe(70); // 10 and 20 whole, the rest for the long one
    expect(outputCap([100, 100, 100, 100], 200)).toBe(50);
  });

  it('fits a run of 80 cases on two sides answered 250 KB each, keeping the full lengths and short answers', () => {
    const long = 'é'.repeat(250_000);
    const sides = Array.from(
      { length: 160 },
      (_, i) =>
        ({ output: i === 0 ? 'court' : long }) as {
          output?: string;
          outputLength?: number;
        },
    );
    sides.push({}); // a side that failed has no output
    fitOutputs(sides);
    const stored = sides.reduce((sum, side) => sum + Buffer.byteLength(JSON.stringify(side.output ?? '')), 0);
    expect(stored).toBeLessThanOrEqual(STORED_OUTPUTS_MAX_BYTES + 160);
    expect(sides[0]).toEqual({ output: 'court' });
    expect(sides[1]!.outputLength).toBe(250_000);
    expect(sides[1]!.output!.length).toBeLessThan(250_000);
    expect(long.startsWith(sides[1]!.output!)).toBe(true);
    expect(sides[160]).toEqual({});
  });

  it('never cuts a character written as a surrogate pair in two', () => {
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const cut = shortened(emoji, 40, 11); // 5.5 units' worth: ends inside a pair, so one unit less
    expect(cut).toBe('😀😀');
  });
});

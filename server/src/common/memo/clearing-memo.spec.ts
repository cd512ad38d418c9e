import { describe, expect, it } from '@jest/globals';
import { ClearingMemo } from './clearing-memo.js';

describe('ClearingMemo', () => {
  it('makes a value once per key, starts again past its limit, and keeps nothing from a make that throws', () => {
    const memo = new ClearingMemo<string, { key: string }>(2);
    let made = 0;
    const make = (key: string) => {
      made++;
      return { key };
    };
    const a = memo.get('a', make);
    expect(memo.get('a', make)).toBe(a);
    memo.get('b', make);
    expect(made).toBe(2);
    memo.get('c', make); // the third key: the memo starts again
    expect(memo.get('a', make)).not.toBe(a);
    expect(made).toBe(4);
    const failing = () => {
      throw new Error('no');
    };
    expect(() => memo.get('x', failing)).toThrow('no');
    expect(() => memo.get('x', failing)).toThrow('no');
  });

  it('keeps an undefined value as made', () => {
    const memo = new ClearingMemo<string, undefined>(10);
    let made = 0;
    memo.get('u', () => void made++);
    memo.get('u', () => void made++);
    expect(made).toBe(1);
  });
});

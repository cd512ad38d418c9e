import { describe, expect, it } from '@jest/globals';
import { decoratorCount, MAX_OPERATOR_DECORATORS } from './operator-names.js';
import { compileOperator } from './operator-table.js';

describe('operators behind decorators', () => {
  it('compiles a chain of up to six decorators, applied as json-rules-engine does', () => {
    const six = compileOperator('not:swap:not:swap:not:swap:greaterThan')!;
    expect(decoratorCount('not:swap:not:swap:not:swap:greaterThan')).toBe(MAX_OPERATOR_DECORATORS);
    // Three swaps: 2 > 1 is asked as 1 > 2; three nots: its negation.
    expect([six(2, 1), six(1, 2)]).toEqual([true, false]);
  });

  it('still compiles a chain of seven to 64 stored before the bound at save, and takes a longer one for unknown', () => {
    expect(compileOperator('not:not:not:not:not:not:not:equal')!(1, 1)).toBe(false);
    expect(compileOperator(`${'not:'.repeat(64)}equal`)!(1, 1)).toBe(true);
    expect(compileOperator(`${'not:'.repeat(65)}equal`)).toBeNull();
    // 40 000 had held the service 16 s compiling, before a stack overflow at the first run.
    expect(compileOperator(`${'not:'.repeat(40_000)}equal`)).toBeNull();
  });
});

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

  it('takes a longer chain stored before the bound for unknown, at once, rather than compiling it for seconds', () => {
    expect(compileOperator(`${'not:'.repeat(40_000)}equal`)).toBeNull();
    expect(compileOperator('not:not:not:not:not:not:not:equal')).toBeNull();
  });
});

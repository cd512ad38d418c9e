import { describe, expect, it } from '@jest/globals';
import { LIMITS } from './ruleset-definition.schema.js';
import { namedConditionProblems } from './named-conditions.js';

const leaf = { fact: 'a', operator: 'equal', value: 1 };
const rule = (conditions: object) => ({ name: 'r', conditions, event: { type: 'x' } });

/** c0 holds `width` references to c1, c1 to c2, …: the rule's expansion is width^depth leaves. */
function fanOut(width: number, depth: number): Record<string, Record<string, unknown>> {
  const named: Record<string, Record<string, unknown>> = { [`c${depth}`]: { all: [leaf] } };
  for (let i = depth - 1; i >= 0; i--)
    named[`c${i}`] = { any: Array.from({ length: width }, () => ({ condition: `c${i + 1}` })) };
  return named;
}

describe('named conditions a rule set may hold', () => {
  it('accepts references that expand within the limits, used many times', () => {
    expect(namedConditionProblems(fanOut(4, 5), [rule({ all: [{ condition: 'c0' }] })])).toEqual([]);
  });

  it('refuses a rule whose expansion passes the limit, at the rule, without expanding it', () => {
    // 100^199 leaves: counting them one by one would never end.
    const problems = namedConditionProblems(fanOut(100, 199), [rule({ all: [{ condition: 'c0' }] })]);
    expect(problems.map((p) => p.path)).toEqual(['/definition/rules/0/conditions']);
    expect(problems[0]!.message).toContain(`more than ${LIMITS.expandedConditionsPerRule} conditions`);
  });

  it('refuses rules that pass the limit together, though each is within it', () => {
    const rules = Array.from({ length: 5 }, () => rule({ all: [{ condition: 'c0' }] }));
    // 4^6 = 4 096 leaves a rule, under 5 000; 20 480 in all, over 20 000.
    expect(namedConditionProblems(fanOut(4, 6), rules).map((p) => p.path)).toEqual(['/definition/rules']);
  });

  it('refuses a cycle at the reference that closes it, naming the names on it', () => {
    const named = { a: { all: [leaf, { condition: 'b' }] }, b: { any: [{ not: { condition: 'a' } }] } };
    expect(namedConditionProblems(named, [rule({ all: [{ condition: 'a' }] })])).toEqual([
      {
        path: '/definition/conditions/b/any/0/not/condition',
        message: expect.stringContaining('("a" → "b" → "a")'),
      },
    ]);
  });

  it('refuses a named condition that refers to itself', () => {
    const problems = namedConditionProblems({ soi: { any: [leaf, { condition: 'soi' }] } }, []);
    expect(problems.map((p) => p.path)).toEqual(['/definition/conditions/soi/any/1/condition']);
  });

  it('refuses a named condition that starts with a leaf, as a rule must not', () => {
    expect(namedConditionProblems({ 'a/b': leaf }, []).map((p) => p.path)).toEqual(['/definition/conditions/a~1b']);
  });

  it('finds a cycle at the end of a chain of 200 without using up the stack', () => {
    const named: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 200; i++) named[`c${i}`] = { all: [{ condition: `c${(i + 1) % 200}` }] };
    expect(namedConditionProblems(named, [])).toHaveLength(1);
  });
});

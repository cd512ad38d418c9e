import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { prepare, run } from './evaluate.js';
import { BUILT_IN_OPERATORS } from './operator-names.js';

// Facts every generated rule may read: numbers, a string, an object reached by path, arrays for decorators.
const factsArb = fc.record({
  a: fc.integer({ min: -5, max: 5 }),
  b: fc.integer({ min: -5, max: 5 }),
  s: fc.constantFrom('x', 'y', 'xy'),
  o: fc.record({ n: fc.integer({ min: -5, max: 5 }), list: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 4 }) }),
  arr: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 4 }),
});

const numberLeaf = fc.record({
  fact: fc.constantFrom('a', 'b'),
  operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
  value: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant({ fact: 'b' }), fc.constant({ fact: 'o', path: '$.n' })),
});
const pathLeaf = fc.record({ fact: fc.constant('o'), path: fc.constant('$.n'), operator: fc.constantFrom('equal', 'greaterThan', 'lessThan'), value: fc.integer({ min: -5, max: 5 }) });
const membershipLeaf = fc.record({ fact: fc.constant('a'), operator: fc.constantFrom('in', 'notIn'), value: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }) });
const containsLeaf = fc.record({ fact: fc.constant('arr'), operator: fc.constantFrom('contains', 'doesNotContain'), value: fc.integer({ min: -3, max: 3 }) });
const decoratedLeaf = fc.record({
  fact: fc.constant('arr'),
  operator: fc.constantFrom('someFact:greaterThan', 'everyFact:lessThan', 'not:contains', 'someFact:equal'),
  value: fc.integer({ min: -3, max: 3 }),
});
const stringLeaf = fc.record({ fact: fc.constant('s'), operator: fc.constantFrom('equal', 'notEqual', 'in'), value: fc.oneof(fc.constantFrom('x', 'y'), fc.constant(['x', 'xy'])) });
const leaf = fc.oneof(numberLeaf, pathLeaf, membershipLeaf, containsLeaf, decoratedLeaf, stringLeaf);

const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
    fc.constant({ condition: 'shared' }),
  ),
}));
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: condition }),
);
const rulesArb = fc.array(
  fc.record({
    priority: fc.integer({ min: 1, max: 3 }),
    conditions: topLevel,
    event: fc.record({ type: fc.constantFrom('e0', 'e1', 'e2', 'e3'), params: fc.record({ n: fc.integer() }) }),
  }),
  { minLength: 1, maxLength: 6 },
);
const sharedArb = fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 2 }) });

describe('fidelity to json-rules-engine', () => {
  it('gives the events (types, params, order) that new Engine(rules).run(facts) gives', async () => {
    expect(BUILT_IN_OPERATORS).toContain('doesNotContain');
    await fc.assert(
      fc.asyncProperty(rulesArb, sharedArb, factsArb, async (generated, shared, facts) => {
        const rules = generated.map((r, i) => ({ ...r, name: `rule-${i}` })) as unknown as RuleProperties[];
        const direct = new Engine(structuredClone(rules));
        direct.setCondition('shared', structuredClone(shared) as TopLevelCondition);
        const expected = (await direct.run(structuredClone(facts))).events;
        const ours = await run(prepare('rules', { rules: structuredClone(rules), conditions: { shared } }), structuredClone(facts));
        expect(ours.events).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { analyseRuleset } from './analyse.js';

const inputSchema = {
  type: 'object',
  properties: {
    employee: {
      type: 'object',
      required: ['age', 'status'],
      properties: {
        age: { type: 'integer', minimum: 0 },
        status: { type: 'string', enum: ['permanent', 'temporary', 'casual'] },
      },
    },
  },
};
const age = (operator: string, value: unknown) => ({ fact: 'employee', path: '$.age', operator, value });
const status = (operator: string, value: unknown) => ({ fact: 'employee', path: '$.status', operator, value });
const leaf = (id: string) => ({ id, outcome: { type: id.replace(/-/g, '_') } });
const tree = (root: object) => analyseRuleset('decisionTree', { inputSchema, definition: { root } });
const found = (a: ReturnType<typeof tree>, kind: string) => a.findings.filter((f) => f.kind === kind);

describe('decision trees', () => {
  it('finds nothing wrong in a tree whose branches all can be taken', () => {
    const a = tree({
      id: 'root',
      branches: [{ when: { all: [age('greaterThanInclusive', 65)] }, node: leaf('senior') }],
      otherwise: {
        id: 'status',
        branches: [{ when: { all: [status('equal', 'casual')] }, node: leaf('no') }],
        otherwise: leaf('yes'),
      },
    });
    expect(a.findings).toEqual([]);
  });

  it('reports a branch the conditions on its path rule out', () => {
    const a = tree({
      id: 'root',
      branches: [
        {
          when: { all: [age('lessThan', 18)] },
          node: {
            id: 'minor',
            branches: [{ label: 'retired', when: { all: [age('greaterThan', 65)] }, node: leaf('retired') }],
            otherwise: leaf('minor-leaf'),
          },
        },
      ],
      otherwise: leaf('adult'),
    });
    expect(found(a, 'unreachable')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/definition/root/branches/0/node/branches/0/when',
        message: expect.stringContaining('path to it'),
      }),
    ]);
  });

  it('reports a branch earlier siblings always take first, and an otherwise they cover', () => {
    const a = tree({
      id: 'root',
      branches: [
        { when: { any: [status('equal', 'permanent'), status('equal', 'temporary')] }, node: leaf('eligible') },
        { when: { all: [status('equal', 'casual')] }, node: leaf('casual') },
        { label: 'late', when: { all: [status('notEqual', 'casual'), age('greaterThan', 30)] }, node: leaf('late') },
      ],
      otherwise: leaf('never'),
    });
    expect(found(a, 'unreachable')).toEqual([
      expect.objectContaining({ severity: 'warning', path: '/definition/root/branches/2/when' }),
      expect.objectContaining({ severity: 'info', path: '/definition/root/otherwise' }),
    ]);
  });

  it('reports contradictory conditions in one branch, also through a not', () => {
    const a = tree({
      id: 'root',
      branches: [
        { when: { all: [age('greaterThan', 5), age('lessThan', 3)] }, node: leaf('impossible') },
        { when: { all: [age('greaterThan', 40), { not: { any: [age('greaterThan', 30)] } }] }, node: leaf('too') },
        // Integers: nothing lies strictly between 3 and 4.
        { when: { all: [age('greaterThan', 3), age('lessThan', 4)] }, node: leaf('between') },
      ],
      otherwise: leaf('rest'),
    });
    expect(found(a, 'contradiction').map((f) => [f.path, f.severity])).toEqual([
      ['/definition/root/branches/0/when', 'error'],
      ['/definition/root/branches/1/when', 'error'],
      ['/definition/root/branches/2/when', 'error'],
    ]);
  });

  it('lists a branch it cannot decide (a comparison with another fact) instead of passing it', () => {
    const a = tree({
      id: 'root',
      branches: [{ when: { all: [age('greaterThan', { fact: 'limit' })] }, node: leaf('over') }],
      otherwise: leaf('under'),
    });
    expect(a.findings).toEqual([]);
    expect(a.notChecked).toContainEqual(
      expect.objectContaining({
        path: '/definition/root/branches/0/when',
        reason: expect.stringContaining('another fact'),
      }),
    );
  });

  it('does not take a computed fact for a number: not (score < 5) holds for a string too', () => {
    const score = (operator: string, value: unknown) => ({ fact: 'score', operator, value });
    const a = analyseRuleset('decisionTree', {
      inputSchema,
      computedFacts: [{ name: 'score' }],
      definition: {
        root: {
          id: 'root',
          branches: [
            { when: { all: [score('lessThan', 5)] }, node: leaf('low') },
            { when: { all: [score('equal', 'high')] }, node: leaf('labelled') },
            { when: { all: [score('lessThan', 3)] }, node: leaf('shadowed') },
            { when: { all: [score('lessThan', 9), score('equal', 'high')] }, node: leaf('impossible') },
          ],
          otherwise: leaf('rest'),
        },
      },
    });
    expect(a.findings.map((f) => [f.kind, f.path])).toEqual([
      ['unreachable', '/definition/root/branches/2/when'],
      ['contradiction', '/definition/root/branches/3/when'],
    ]);
  });

  it('reports a fact absent from the input schema', () => {
    const a = tree({
      id: 'root',
      branches: [{ when: { all: [{ fact: 'salary', operator: 'greaterThan', value: 1 }] }, node: leaf('paid') }],
      otherwise: leaf('unpaid'),
    });
    expect(found(a, 'unknown_fact')).toEqual([
      expect.objectContaining({
        path: '/definition/root/branches/0/when/all/0',
        message: expect.stringContaining('salary'),
      }),
    ]);
  });
});

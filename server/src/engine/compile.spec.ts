import { describe, expect, it } from '@jest/globals';
import { prepare, run } from './evaluate.js';

const table = (hitPolicy: 'first' | 'collect') => ({
  hitPolicy,
  inputs: [
    { id: 'montant', fact: 'invoice', path: '$.total' },
    { id: 'langue', fact: 'invoice', path: '$.language' },
  ],
  rows: [
    { id: 'gros', cells: { montant: { operator: 'greaterThan', value: 1000 } }, event: { type: 'big' } },
    { id: 'anglais', cells: { langue: { operator: 'equal', value: 'en' } }, event: { type: 'english' } },
    { id: 'tout', cells: {}, event: { type: 'any' } },
  ],
});

describe('decision tables', () => {
  it('hit policy first: only the first matching row, in table order', async () => {
    const prepared = prepare('decisionTable', table('first'));
    expect((await run(prepared, { invoice: { total: 5000, language: 'en' } })).events).toEqual([{ type: 'big' }]);
    expect((await run(prepared, { invoice: { total: 10, language: 'en' } })).events).toEqual([{ type: 'english' }]);
    expect((await run(prepared, { invoice: { total: 10, language: 'fr' } })).events).toEqual([{ type: 'any' }]);
  });

  it('hit policy collect: every matching row', async () => {
    const prepared = prepare('decisionTable', table('collect'));
    expect((await run(prepared, { invoice: { total: 5000, language: 'en' } })).events.map((e) => e.type)).toEqual([
      'big',
      'english',
      'any',
    ]);
  });
});

describe('decision trees', () => {
  const tree = {
    root: {
      id: 'a',
      label: 'Montant',
      branches: [
        {
          label: 'élevé',
          when: { all: [{ fact: 'x', operator: 'greaterThan', value: 10 }] },
          node: { id: 'b', outcome: { type: 'high' } },
        },
        {
          label: 'positif',
          when: { all: [{ fact: 'x', operator: 'greaterThan', value: 0 }] },
          node: { id: 'c', outcome: { type: 'positive' } },
        },
      ],
      otherwise: { id: 'd', outcome: { type: 'other' } },
    },
  };

  it('takes the first branch whose condition holds, else otherwise: exactly one leaf fires, with its path', async () => {
    const prepared = prepare('decisionTree', tree);
    const high = await run(prepared, { x: 50 });
    expect(high.events).toEqual([{ type: 'high' }]);
    expect(prepared.compiled.explanations.get(high.fired[0]!.name)?.path).toEqual(['Montant', 'élevé', 'b']);
    expect((await run(prepared, { x: 5 })).events).toEqual([{ type: 'positive' }]);
    expect((await run(prepared, { x: -1 })).events).toEqual([{ type: 'other' }]);
  });
});

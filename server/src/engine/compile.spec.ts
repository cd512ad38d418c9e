import { describe, expect, it } from '@jest/globals';
import { compileDecisionTable } from './compile.js';
import { HitPolicyError, prepare, run, runNow } from './evaluate.js';
import { runLibrary } from './fidelity-oracle.js';
import type { Outcome } from './evaluator.js';
import { applyHitPolicy } from './hit-policy.js';

const table = (hitPolicy: 'first' | 'collect' | 'unique' | 'any') => ({
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

describe('decision tables under hit policies unique and any (docs/adr/0026)', () => {
  const routing = (hitPolicy: 'unique' | 'any', urgentTo = 'director') => ({
    hitPolicy,
    inputs: [
      { id: 'montant', fact: 'invoice', path: '$.total' },
      { id: 'urgent', fact: 'invoice', path: '$.urgent' },
    ],
    rows: [
      { id: 'petit', cells: { montant: { operator: 'lessThan', value: 1000 } }, event: { type: 'auto' } },
      {
        id: 'gros',
        cells: { montant: { operator: 'greaterThanInclusive', value: 1000 } },
        event: { type: 'review', params: { to: 'director' } },
      },
      {
        id: 'urgent',
        cells: { urgent: { operator: 'equal', value: true } },
        event: { type: 'review', params: { to: urgentTo } },
      },
    ],
  });
  const caught = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err;
    }
    throw new Error('expected a HitPolicyError');
  };

  it('unique: one matching row gives its event, none gives none, two are refused naming both rows', async () => {
    const prepared = prepare('decisionTable', routing('unique'));
    expect((await run(prepared, { invoice: { total: 10, urgent: false } })).events).toEqual([{ type: 'auto' }]);
    const none = prepare('decisionTable', { ...routing('unique'), rows: routing('unique').rows.slice(1) });
    expect((await run(none, { invoice: { total: 10, urgent: false } })).events).toEqual([]);
    const facts = { invoice: { total: 5000, urgent: true } };
    await expect(run(prepared, facts)).rejects.toThrow(HitPolicyError);
    for (const traces of [true, false]) {
      const err = caught(() => runNow(prepared, facts, traces)) as HitPolicyError;
      expect(err).toBeInstanceOf(HitPolicyError);
      expect(err.policy).toBe('unique');
      expect(err.rows).toEqual([
        { id: 'gros', index: 1 },
        { id: 'urgent', index: 2 },
      ]);
      expect(err.message).toContain('"gros", "urgent"');
    }
  });

  it('any: rows that agree give their output once (both traced as fired); rows that disagree are refused', async () => {
    const agree = prepare('decisionTable', routing('any'));
    const result = await run(agree, { invoice: { total: 5000, urgent: true } });
    expect(result.events).toEqual([{ type: 'review', params: { to: 'director' } }]);
    expect(result.fired.map((r) => r.name)).toEqual(['gros', 'urgent']);
    expect(runNow(agree, { invoice: { total: 5000, urgent: true } }, false).events).toHaveLength(1);
    const disagree = prepare('decisionTable', routing('any', 'manager'));
    expect((await run(disagree, { invoice: { total: 5000, urgent: false } })).events).toHaveLength(1);
    const err = caught(() => runNow(disagree, { invoice: { total: 5000, urgent: true } }, false)) as HitPolicyError;
    expect(err.policy).toBe('any');
    expect(err.rows.map((r) => r.index)).toEqual([1, 2]);
  });

  it('compile like collect, so json-rules-engine and the compiled evaluator agree before and after the check', async () => {
    for (const definition of [routing('unique'), routing('any'), routing('any', 'manager')]) {
      const compiled = compileDecisionTable(definition);
      expect(compiled.stopAtFirstSuccess).toBe(false);
      const prepared = prepare('decisionTable', definition);
      for (const total of [10, 5000]) {
        for (const urgent of [true, false]) {
          const facts = { invoice: { total, urgent } };
          const library = await runLibrary(compiled, facts);
          if ('error' in library) throw new Error(library.error);
          const policy = (outcome: Pick<Outcome, 'events' | 'fired'>) => {
            try {
              return applyHitPolicy(compiled.hitPolicyCheck!, outcome, () => []).events;
            } catch (err) {
              return (err as Error).message;
            }
          };
          let ours: unknown;
          try {
            ours = runNow(prepared, facts).events;
          } catch (err) {
            ours = (err as Error).message;
          }
          expect(ours).toEqual(policy(library as never));
        }
      }
    }
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
    expect(prepared.compiled.explanations.get(high.fired[0]!.name)?.path).toEqual(['Montant', 'élevé']);
    expect((await run(prepared, { x: 5 })).events).toEqual([{ type: 'positive' }]);
    expect((await run(prepared, { x: -1 })).events).toEqual([{ type: 'other' }]);
  });

  it('names an outcome reached by a labelled branch once, by the branch’s answer: the person reads the path', () => {
    const labelled = structuredClone(tree) as { root: { branches: { node: object }[] } };
    labelled.root.branches[0]!.node = { id: 'b', label: 'montant élevé', outcome: { type: 'high' } };
    const { explanations } = prepare('decisionTree', labelled).compiled;
    // « Montant → élevé → montant élevé » said the answer twice.
    expect(explanations.get('a>b')?.path).toEqual(['Montant', 'élevé']);
    // Reached by `otherwise`, no answer says it: the outcome is named.
    expect(explanations.get('a>d')?.path).toEqual(['Montant', 'd']);
  });
});

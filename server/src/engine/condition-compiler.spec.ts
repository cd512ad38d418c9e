import { describe, expect, it } from '@jest/globals';
import { compileTree, type TreeContext } from './condition-compiler.js';
import type { Node, RefNode, Tree } from './condition-nodes.js';
import { prepare, runNow } from './evaluate.js';
import { FactRead } from './fact-read.js';

type Json = Record<string, unknown>;

const definition = {
  conditions: {
    'gros-montant': {
      all: [
        { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000 },
        { fact: 'invoice', path: '$.currency', operator: 'equal', value: 'CAD' },
      ],
    },
  },
  rules: [
    {
      name: 'direction',
      conditions: { all: [{ fact: 'urgent', operator: 'equal', value: true }, { condition: 'gros-montant' }] },
      event: { type: 'director' },
    },
    {
      name: 'comptabilite',
      conditions: { any: [{ fact: 'urgent', operator: 'equal', value: false }, { condition: 'gros-montant' }] },
      event: { type: 'accounting' },
    },
  ],
};

function context(sources: Record<string, Json>): TreeContext {
  const registry = new Map<string, FactRead>();
  return {
    resolveRef: () => {
      throw new Error('no reference is followed at run time here');
    },
    reads: (fact, params, path) => {
      const key = `${fact}|${String(path)}`;
      let read = registry.get(key);
      if (!read) registry.set(key, (read = new FactRead(fact, params ?? {}, path, registry.size)));
      return read;
    },
    sources: new Map(Object.entries(sources)),
    sharedSteps: new Map(),
    sharedBodies: new Map(),
  };
}

const references = (node: Node): RefNode[] =>
  node.kind === 'ref'
    ? [node]
    : node.kind === 'not'
      ? references(node.child)
      : node.kind === 'leaf'
        ? []
        : node.children.flatMap(references);

describe('named conditions inlined in several rules', () => {
  it('run one compiled body, which writes each rule its own trace', () => {
    const prepared = prepare('rules', definition);
    const result = runNow(prepared, { urgent: true, invoice: { total: 5000, currency: 'USD' } });
    const trace = (name: string) => [...result.fired, ...result.failed].find((r) => r.name === name)!.conditions;
    // Each rule reads the named condition's leaves in its own slots: both see the invoice, and neither sees the
    // other's `urgent` result in place of its own.
    expect(trace('direction')).toEqual([
      { fact: 'urgent', operator: 'equal', value: true, factValue: true, result: true },
      { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000, factValue: 5000, result: true },
      { fact: 'invoice', path: '$.currency', operator: 'equal', value: 'CAD', factValue: 'USD', result: false },
    ]);
    expect(trace('comptabilite')).toEqual([
      { fact: 'urgent', operator: 'equal', value: false, factValue: true, result: false },
      { fact: 'invoice', path: '$.total', operator: 'greaterThan', value: 1000, factValue: 5000, result: true },
      { fact: 'invoice', path: '$.currency', operator: 'equal', value: 'CAD', factValue: 'USD', result: false },
    ]);
    expect(result.events).toEqual([]);
  });

  it('are compiled to the same closures wherever the body is the same, and to their own where it is not', () => {
    const sources = {
      ...(definition.conditions as Record<string, Json>),
      // Inlined inside itself only once: where the expansion starts decides which reference is followed at
      // run time, so its two bodies differ.
      boucle: { any: [{ fact: 'n', operator: 'equal', value: 1 }, { condition: 'autre' }] },
      autre: { all: [{ fact: 'm', operator: 'equal', value: 2 }, { condition: 'boucle' }] },
    };
    const shared = context(sources);
    const trees: Tree[] = [];
    let slots = 0;
    for (const rule of definition.rules) {
      const tree = compileTree(rule.conditions, shared, [], slots);
      trees.push(tree);
      slots = tree.slots;
    }
    const [first, second] = trees.map((tree) => references(tree.root)[0]!);
    expect(first!.slot).not.toBe(second!.slot);
    expect(first!.inline).toBeDefined();
    expect(second!.inline).toBe(first!.inline);

    const boucleFromRule = compileTree({ all: [{ condition: 'boucle' }] }, shared, [], slots);
    const autreFromRule = compileTree({ all: [{ condition: 'autre' }] }, shared, [], boucleFromRule.slots);
    const insideBoucle = references(references(boucleFromRule.root)[0]!.inline!)[0]!; // it follows `boucle` at run time
    const direct = references(autreFromRule.root)[0]!; // it inlines `boucle`
    expect([insideBoucle.name, direct.name]).toEqual(['autre', 'autre']);
    expect(references(insideBoucle.inline!)[0]!.inline).toBeUndefined();
    expect(references(direct.inline!)[0]!.inline).toBeDefined();
    expect(direct.inline).not.toBe(insideBoucle.inline);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { EnginePool } from './engine-pool.js';

// A high-priority rule on an async fact, then a lower-priority rule: the pattern that breaks shared engines.
const rules: RuleProperties[] = [
  { name: 'lookup', priority: 10, conditions: { all: [{ fact: 'supplier', operator: 'equal', value: 'known' }] }, event: { type: 'supplier_known' } },
  { name: 'amount', priority: 1, conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }] }, event: { type: 'amount_positive' } },
];
const slowLookup = async () => {
  await sleep(Math.random() * 5);
  return 'known';
};

describe('EnginePool', () => {
  it('keeps every decision whole under 200 concurrent runs with async lookups', async () => {
    const compiled: CompiledRules = { rules, namedConditions: {}, explanations: new Map(), stopAtFirstSuccess: false };
    const pool = new EnginePool(compiled, { supplier: slowLookup });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => pool.use(async (engine) => (await engine.run({ amount: i + 1 })).events.map((e) => e.type))),
    );
    expect(results.every((types) => types.join() === 'supplier_known,amount_positive')).toBe(true);
  });

  it('is needed: one shared engine under the same load loses lower-priority rules', async () => {
    const shared = new Engine(structuredClone(rules));
    shared.addFact('supplier', slowLookup);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => shared.run({ amount: i + 1 }).then((r) => r.events.map((e) => e.type).join())));
    expect(results.filter((types) => types !== 'supplier_known,amount_positive').length).toBeGreaterThan(0);
  });
});

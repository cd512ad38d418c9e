import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { timeSlices } from '../common/async/time-slices.js';
import { turnsDuring } from '../common/async/turns-during.js';
import { prepare, prepareInTurns, runNow } from './evaluate.js';
import { manyConditions } from './fixtures/large-analyses.js';
import { withSeededLookups } from './fixtures/seeded-lookups.js';

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')) as {
  format: string;
  definition: { rules: unknown[] } & Record<string, unknown>;
  computedFacts: { name: string; expression: string }[];
  lookups?: Parameters<typeof withSeededLookups>[0];
  tests: { name: string; facts: Record<string, unknown> }[];
};

describe('runNow without traces', () => {
  it('decides the same events on every pilot case, building no trace', () => {
    const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts);
    for (const test of pilot.tests) {
      const facts = withSeededLookups(pilot.lookups, test.facts);
      const traced = runNow(prepared, facts);
      const bare = runNow(prepared, facts, false);
      expect(bare.events).toEqual(traced.events);
      expect(bare.computed).toEqual(traced.computed);
      expect([bare.fired, bare.failed]).toEqual([[], []]);
      expect(traced.fired.length + traced.failed.length).toBe(pilot.definition.rules.length);
    }
  });
});

describe('lookups and computed facts', () => {
  const rules = {
    rules: [{ conditions: { all: [{ fact: 'listed', operator: 'equal', value: true }] }, event: { type: 'reject' } }],
  };
  const computed = [{ name: 'listed', expression: 'has(supplier.onRena) && supplier.onRena' }];
  const rows: Record<string, { onRena: boolean }> = { 'FRN-1': { onRena: true }, 'FRN-2': { onRena: false } };
  const lookup = (_: Record<string, unknown>, factValue: (fact: string, path?: string) => unknown) =>
    rows[String(factValue('invoice', '$.supplierId'))] ?? null;

  it('reads a lookup keyed by a given fact before the computed facts, which read its row', () => {
    const prepared = prepare('rules', rules, computed, { supplier: lookup });
    expect(runNow(prepared, { invoice: { supplierId: 'FRN-1' } }).events).toEqual([{ type: 'reject' }]);
    expect(runNow(prepared, { invoice: { supplierId: 'FRN-2' } }).events).toEqual([]);
    expect(runNow(prepared, { invoice: { supplierId: 'FRN-9' } }).computed).toEqual({ supplier: null, listed: false });
  });

  it('leaves a lookup whose key is missing to the rules, which fail where the library would', () => {
    const failing = () => {
      throw new Error('table not loaded');
    };
    const prepared = prepare('rules', rules, computed, { supplier: failing });
    expect(runNow(prepared, { invoice: {} }).computed).toEqual({ listed: false });
  });
});

describe('prepareInTurns', () => {
  it('compiles a rule set at the size limit giving the event loop turns, to the same decisions as prepare', async () => {
    const { definition } = manyConditions(2, 39);
    const { result: inTurns, turns } = await turnsDuring(() =>
      prepareInTurns(timeSlices(0), 'rules', definition, pilot.computedFacts),
    );
    // Two rules and their passes: prepare in one go would give the loop no turn at all until it returned.
    expect(turns).toBeGreaterThanOrEqual(4);
    const inOneGo = prepare('rules', definition, pilot.computedFacts);
    const x = (v: number) => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`x${i}`, v]));
    for (const facts of [{ t: x(0) }, { t: x(150) }, { t: { ...x(0), x7: 4000 } }]) {
      const [a, b] = [runNow(inTurns, facts), runNow(inOneGo, facts)];
      expect(a.events).toEqual(b.events);
      expect([a.fired, a.failed]).toEqual([b.fired, b.failed]);
    }
    expect(runNow(inTurns, { t: x(10_000) }).events).toEqual([{ type: 'e' }, { type: 'e' }]);
  });
});

describe('decorated operators', () => {
  const rules = (operator: string, value: unknown, times = 1) => ({
    rules: Array.from({ length: times }, (_, i) => ({
      name: `r${i}`,
      conditions: { all: [{ fact: 'codes', operator, value }] },
      event: { type: 'flag' },
    })),
  });
  const codes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

  it('search at most two million list members in one run, across conditions: past it the run stops', () => {
    // 2 000 codes, none in a list of 999: 1 998 000 pairs, decided; a second such condition passes the bound.
    const list = codes(999, 5_000_000);
    expect(runNow(prepare('rules', rules('someFact:in', list), []), { codes: codes(2_000) }).events).toEqual([]);
    const twice = prepare('rules', rules('someFact:in', list, 2), []);
    expect(() => runNow(twice, { codes: codes(2_000) })).toThrow(/search more than 2000000 list members/);
    // The count is the run's: the next run starts again from none.
    expect(runNow(prepare('rules', rules('someFact:in', list), []), { codes: codes(2_000) }).events).toEqual([]);
    // Stacked decorators count what the operator within compares: 40 000 codes, each searched in a list of 600.
    const stacked = prepare('rules', rules('someFact:someValue:in', [codes(600, 5_000_000)]), []);
    expect(() => runNow(stacked, { codes: codes(40_000) })).toThrow(/search more than 2000000 list members/);
  });

  it('search at most two million list members undecorated too: a list searched once per condition', () => {
    // 20 000 conditions (a named condition of 100 used 50 times in each of four rules) on a list of 100 000.
    const definition = {
      conditions: {
        n0: { any: Array.from({ length: 100 }, () => ({ fact: 'codes', operator: 'contains', value: -1 })) },
      },
      rules: Array.from({ length: 4 }, (_, i) => ({
        name: `r${i}`,
        conditions: { any: Array.from({ length: 50 }, () => ({ condition: 'n0' })) },
        event: { type: 'flag' },
      })),
    };
    // Two thousand million members: 1.5 s of a held event loop before, the run now stops past two million,
    // naming the rule's first condition that searches (not replaying 20 000 failures in the library's order).
    expect(() => runNow(prepare('rules', definition, []), { codes: codes(100_000) })).toThrow(
      /search more than 2000000 list members/,
    );
    expect(() => runNow(prepare('rules', definition, []), { codes: codes(100_000) })).toThrow(
      expect.objectContaining({ fact: 'codes', operator: 'contains' }) as never,
    );
    // A short list is searched as before.
    expect(runNow(prepare('rules', definition, []), { codes: codes(100) }).events).toEqual([]);
    // A pattern reads its text again at each condition: a character counts as a member.
    const reads = JSON.parse(JSON.stringify(definition).replaceAll('"contains","value":-1', '"matches","value":"^z"'));
    expect(() => runNow(prepare('rules', reads, []), { codes: 'a'.repeat(10_000) })).toThrow(
      /search more than 2000000 list members/,
    );
    expect(runNow(prepare('rules', reads, []), { codes: 'a'.repeat(100) }).events).toEqual([]);
  });

  it('count each call of the operator within too: a million at most, whatever it compares', () => {
    // 2 000 codes against 1 000 listed values, compared one by one: two million calls of `equal`.
    const oneByOne = prepare('rules', rules('someFact:someValue:equal', codes(1_000, 5_000_000)), []);
    expect(() => runNow(oneByOne, { codes: codes(2_000) })).toThrow(/more than 1000000 comparisons/);
    expect(runNow(oneByOne, { codes: codes(900) }).events).toEqual([]);
    // `not:` and `swap:` iterate nothing: two lists of 5 000 compared once, as json-rules-engine does.
    const negated = prepare('rules', rules('not:equal', codes(5_000)), []);
    expect(runNow(negated, { codes: codes(5_000) }).events).toEqual([{ type: 'flag' }]);
  });

  it('charge only what is compared: a some that stops at its first item costs that item', () => {
    // 25 conditions over 100 000 codes against a list of 2 000: each matches on the first code.
    const list = codes(2_000);
    const many = prepare('rules', rules('someFact:in', list, 25), []);
    expect(runNow(many, { codes: codes(100_000) }).events).toHaveLength(25);
  });
});

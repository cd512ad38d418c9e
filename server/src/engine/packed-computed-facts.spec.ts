import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { prepare, runNow } from './evaluate.js';
import { withSeededLookups } from './fixtures/seeded-lookups.js';
import { HOT_COMPUTED_FACTS, PackedComputedFacts, tieredComputeFacts } from './packed-computed-facts.js';

interface Pilot {
  format: string;
  definition: Record<string, unknown>;
  computedFacts: { name: string; expression: string }[];
  lookups?: Parameters<typeof withSeededLookups>[0];
  tests: { name: string; facts: Record<string, unknown> }[];
}
const pilot = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Pilot;
const pilots = ['rulesets/invoices/invoices.json', 'rulesets/enrolment/enrolment.json'].map(pilot);

describe('computed facts of a cached version, compiled while hot and packed when cold', () => {
  it('decides every pilot case the same whether its computed facts were compiled or had gone cold', () => {
    for (const { format, definition, computedFacts, lookups, tests } of pilots) {
      expect(computedFacts.length).toBeGreaterThan(0);
      const prepared = prepare(format, definition, computedFacts);
      for (const test of tests) {
        const facts = withSeededLookups(lookups, test.facts);
        const hot = runNow(prepared, facts);
        PackedComputedFacts.coolAll();
        const cold = runNow(prepared, facts); // compiled again from the packed source
        expect(cold.computed).toEqual(hot.computed);
        expect(cold.events).toEqual(hot.events);
        expect(cold.failed.map((r) => r.name)).toEqual(hot.failed.map((r) => r.name));
      }
    }
  });

  it('compiles again on first use after going cold, and stays compiled while used', () => {
    const packed = new PackedComputedFacts(
      [
        { name: 'total', expression: 'price * qty' },
        { name: 'broken', expression: 'price +' }, // does not compile: absent, compiled again or not
        { name: 'label', expression: 'row.name + " × " + string(qty)' },
      ],
      ['row'],
    );
    expect(packed.isCompiled).toBe(true);
    PackedComputedFacts.coolAll();
    expect(packed.isCompiled).toBe(false);
    const result = packed.compute({ price: 2, qty: 3 }, { row: { name: 'vis' } });
    expect(result).toEqual({ row: { name: 'vis' }, total: 6, label: 'vis × 3' });
    expect(Object.hasOwn(result, 'broken')).toBe(false);
    expect(packed.isCompiled).toBe(true);
  });

  it('keeps at most HOT_COMPUTED_FACTS versions compiled, the least recently used going cold first', () => {
    PackedComputedFacts.coolAll();
    const versions = Array.from(
      { length: HOT_COMPUTED_FACTS + 1 },
      (_, i) => new PackedComputedFacts([{ name: 'n', expression: `x + ${i}` }], []),
    );
    expect(versions[0]!.isCompiled).toBe(false);
    expect(versions[1]!.isCompiled).toBe(true);
    expect(versions[0]!.compute({ x: 1 })).toEqual({ n: 1 }); // back, pushing out the next least recent
    expect(versions[1]!.isCompiled).toBe(false);
    expect(versions.at(-1)!.isCompiled).toBe(true);
  });

  it('passes the lookups’ rows through for a version without computed facts', () => {
    const compute = tieredComputeFacts([], ['supplier']);
    expect(compute({ invoice: {} }, { supplier: { id: 'S1' } })).toEqual({ supplier: { id: 'S1' } });
    expect(compute({ invoice: {} })).toEqual({});
  });
});

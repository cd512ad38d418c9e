import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { prepare, runNow } from './evaluate.js';

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')) as {
  format: string;
  definition: { rules: unknown[] } & Record<string, unknown>;
  computedFacts: { name: string; expression: string }[];
  tests: { name: string; facts: Record<string, unknown> }[];
};

describe('runNow without traces', () => {
  it('decides the same events on every pilot case, building no trace', () => {
    const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts);
    for (const test of pilot.tests) {
      const traced = runNow(prepared, test.facts);
      const bare = runNow(prepared, test.facts, false);
      expect(bare.events).toEqual(traced.events);
      expect(bare.computed).toEqual(traced.computed);
      expect([bare.fired, bare.failed]).toEqual([[], []]);
      expect(traced.fired.length + traced.failed.length).toBe(pilot.definition.rules.length);
    }
  });
});

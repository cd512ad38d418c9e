import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { compileDefinition } from './compile.js';
import { prepare, runNow } from './evaluate.js';
import { explain } from './explain.js';
import { withSeededLookups } from './fixtures/seeded-lookups.js';
import { PackedExplanations } from './packed-explanations.js';

const pilot = JSON.parse(readFileSync('rulesets/invoices/invoices.json', 'utf8')) as {
  format: string;
  definition: Record<string, unknown>;
  computedFacts: { name: string; expression: string }[];
  lookups?: Parameters<typeof withSeededLookups>[0];
  tests: { name: string; facts: Record<string, unknown> }[];
};

describe('explanations of a cached version, kept packed', () => {
  it('explains every pilot case in the same words whether the version was hot or had gone cold', () => {
    const prepared = prepare(pilot.format, pilot.definition, pilot.computedFacts);
    const { explanations } = compileDefinition(pilot.format, pilot.definition); // as written, never packed
    for (const test of pilot.tests) {
      const facts = withSeededLookups(pilot.lookups, test.facts);
      const { fired, computed } = runNow(prepared, facts);
      const expected = explain({ explanations }, fired, facts, computed);
      PackedExplanations.coolAll();
      expect(prepared.compiled.explanations.isInflated).toBe(false);
      expect(explain(prepared.compiled, fired, facts, computed)).toEqual(expected); // inflated again on first use
      expect(prepared.compiled.explanations.isInflated).toBe(true);
      expect(explain(prepared.compiled, fired, facts, computed)).toEqual(expected); // and while hot
    }
  });

  it('gives back tree paths and missing languages as they were', () => {
    const written = new Map([
      ['a>b', { fr: 'Montant élevé : {{money x}}', path: ['Montant', 'élevé'], pathEn: ['Amount', 'high'] }],
      ['a>c', {}],
    ]);
    const packed = new PackedExplanations(written);
    PackedExplanations.coolAll();
    expect(packed.get('a>b')).toEqual(written.get('a>b'));
    expect(packed.get('a>c')).toEqual({});
    expect(packed.get('a>d')).toBeUndefined();
  });
});

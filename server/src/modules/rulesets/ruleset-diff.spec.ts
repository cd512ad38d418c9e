import { describe, expect, it } from '@jest/globals';
import { turnsDuring } from '../../common/async/turns-during.js';
import { longTable } from '../../engine/fixtures/large-analyses.js';
import { diffRulesets, diffRulesetsInTurns } from './ruleset-diff.js';
import type { RulesetContent } from './ruleset.types.js';

const base: RulesetContent = {
  inputSchema: { type: 'object' },
  definition: { rules: [] },
  computedFacts: [
    { name: 'parameters', expression: '{"formDeadlineDays": 14}' },
    { name: 'late', expression: 'days > parameters.formDeadlineDays' },
  ],
  lookups: [{ fact: 'supplier', table: 'suppliers', key: { fact: 'invoice', path: '$.supplier' } }],
  settings: { logDecisions: true, decidesAboutPersons: true },
};

describe('diffRulesets', () => {
  it('lists a changed computed fact, a reordered one, a changed lookup and changed settings, each with its pointer', () => {
    const after: RulesetContent = {
      ...base,
      computedFacts: [
        { name: 'late', expression: 'days > parameters.formDeadlineDays' },
        { name: 'parameters', expression: '{"formDeadlineDays": 3}' },
      ],
      lookups: [{ fact: 'supplier', table: 'suppliers-2026', key: { fact: 'invoice', path: '$.supplier' } }],
      settings: { logDecisions: false },
    };
    expect(diffRulesets('rules', base, after).map(({ kind, entity, id, path }) => [kind, entity, id, path])).toEqual([
      ['moved', 'computedFact', 'late', '/computedFacts/0'],
      ['moved', 'computedFact', 'parameters', '/computedFacts/1'],
      ['changed', 'computedFact', 'parameters', '/computedFacts/1/expression'],
      ['changed', 'lookup', 'supplier', '/lookups/0/table'],
      ['changed', 'setting', 'logDecisions', '/settings/logDecisions'],
      ['removed', 'setting', 'decidesAboutPersons', '/settings/decidesAboutPersons'],
    ]);
  });

  it('finds nothing between identical contents, settings absent or empty alike', () => {
    expect(diffRulesets('rules', base, structuredClone(base))).toEqual([]);
    const { settings: _, ...withoutSettings } = base;
    expect(diffRulesets('rules', withoutSettings, { ...withoutSettings, settings: {} })).toEqual([]);
  });

  it('lists a tree branch whose English label alone changed, as a reviewer must see it', () => {
    const tree = (labelEn: string): RulesetContent => ({
      ...base,
      definition: {
        root: {
          id: 'statut',
          branches: [
            {
              label: 'non admissible',
              labelEn,
              when: { fact: 'status', operator: 'equal', value: 'contract' },
              node: { id: 'refus', outcome: { type: 'ineligible' } },
            },
          ],
          otherwise: { id: 'accord', outcome: { type: 'eligible' } },
        },
      },
    });
    expect(
      diffRulesets('decisionTree', tree('not eligible'), tree('status not eligible')).map(
        ({ kind, id, path, after }) => [kind, id, path, after],
      ),
    ).toEqual([['changed', 'statut', '/definition/root/branches/0/labelEn', 'status not eligible']]);
  });

  it('compares 2 000 rows moved and changed in turns, with the same changes as in one go', async () => {
    const before = longTable('first', 2000) as RulesetContent;
    const after = structuredClone(before);
    const rows = (after.definition as { rows: { cells: Record<string, { value: unknown }> }[] }).rows;
    rows.reverse();
    for (const row of rows) for (const cell of Object.values(row.cells)) cell.value = 1;
    let asked = 0;
    const pause = () => (++asked % 5 === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
    const { result, turns } = await turnsDuring(() => diffRulesetsInTurns('decisionTable', before, after, pause));
    expect(result).toEqual(diffRulesets('decisionTable', before, after));
    expect(result.filter((c) => c.kind === 'moved')).toHaveLength(2000);
    // A pause may be taken every 100 rows: the service's slices take one every 10 ms of them.
    expect(asked).toBeGreaterThanOrEqual(20);
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});

import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fanOut, longTable, manyConditions, wideTree } from '../fixtures/large-analyses.js';
import { analyseRuleset, analyseRulesetInTurns, type AnalysedContent } from './analyse.js';

describe('the work budget of one analysis', () => {
  it('stops comparing the rows of a table too long for one analysis, says from which row, and keeps what it found', () => {
    const a = analyseRuleset('decisionTable', longTable('first', 2000));
    const cut = a.notChecked.find((n) => n.reason.includes('too many rows for one analysis'))!;
    expect(cut.path).toMatch(/^\/definition\/rows\/\d+$/);
    const from = Number(cut.path.split('/').pop());
    expect(from).toBeGreaterThan(1);
    expect(from).toBeLessThan(2000);
    expect(cut.text.fr).toContain('trop de lignes pour une analyse');
    // Found before the budget ran out: the overlaps of the first rows, and row 1 shadowed by row 0.
    expect(a.findings.filter((f) => f.kind === 'overlap').length).toBeGreaterThan(0);
    expect(a.findings).toContainEqual(expect.objectContaining({ kind: 'unreachable', path: '/definition/rows/1' }));
    // Every row asks for values above some bound: the gap below them is still found, over all the rows.
    expect(a.findings).toContainEqual(
      expect.objectContaining({ kind: 'gap', message: expect.stringContaining('a <= 0') }),
    );
  });

  it('still reports overlaps as errors under unique up to where the rows were compared', () => {
    const a = analyseRuleset('decisionTable', longTable('unique', 2000));
    expect(a.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(a.notChecked.some((n) => n.reason.includes('too many rows'))).toBe(true);
  });

  it('compares every row of a table within the budget, and says nothing of a budget', () => {
    const a = analyseRuleset('decisionTable', longTable('first', 40));
    expect(a.notChecked.filter((n) => /budget|too many rows/.test(n.reason))).toEqual([]);
  });

  it('reads named conditions that fan out exponentially, and leaves the impossible rule not checked, not ok', () => {
    const a = analyseRuleset('rules', fanOut(17));
    expect(a.findings.filter((f) => f.kind === 'contradiction')).toEqual([]);
    expect(a.notChecked).toContainEqual(
      expect.objectContaining({ path: '/definition/rules/1', reason: expect.stringContaining('is not decided') }),
    );
    // Small enough, the same shape is decided: the impossible rule is found.
    const small = analyseRuleset('rules', fanOut(6));
    expect(small.findings).toContainEqual(
      expect.objectContaining({ kind: 'contradiction', path: '/definition/rules/1' }),
    );
  });

  it('stops searching the branches of a tree too wide for one analysis, naming the first left and counting the rest', () => {
    const a = analyseRuleset('decisionTree', wideTree(2000));
    // Found before the budget ran out: the second branch, which the first always takes.
    expect(a.findings).toContainEqual(
      expect.objectContaining({ kind: 'unreachable', path: '/definition/root/branches/1/when' }),
    );
    const left = a.notChecked.find((n) => n.reason.startsWith('whether this branch and'))!;
    expect(left.path).toMatch(/^\/definition\/root\/branches\/\d+\/when$/);
    expect(left.reason).toMatch(/^whether this branch and [\d,]+ more after it can be taken is not decided/);
    expect(left.text.fr).toContain('le budget de travail d’une analyse est épuisé');
  });

  it.each([
    ['a long table under first', 'decisionTable', longTable('first', 2000), 2000],
    ['a long table under unique', 'decisionTable', longTable('unique', 2000), 2000],
    ['a wide tree', 'decisionTree', wideTree(2000), 2000],
    ['named conditions fanning out', 'rules', fanOut(17), 2],
    // Two rules, so 8 pauses between rules and searches; the others are asked within the searches, which held
    // the event loop 23–33 ms in one go.
    ['two rules of 3 900 conditions', 'rules', manyConditions(2, 39), 30],
  ])(
    'analyses %s in turns, asking for a pause between rows or rules and within long searches, with the same result as in one go',
    async (_label, format, content, steps) => {
      let asked = 0;
      let turns = 0;
      const pause = () => {
        asked++;
        // Every 100 steps the event loop gets a real turn, as the service's time slices give it.
        return asked % 100 === 0 ? new Promise<void>((resolve) => setImmediate(() => (turns++, resolve()))) : undefined;
      };
      const inTurns = await analyseRulesetInTurns(format as string, content as AnalysedContent, pause);
      expect(inTurns).toEqual(analyseRuleset(format as string, content as AnalysedContent));
      expect(asked).toBeGreaterThanOrEqual(steps as number);
      if ((steps as number) >= 2000) expect(turns).toBeGreaterThan(10);
    },
  );

  it('analyses the pilots fully: no question left for want of budget', () => {
    for (const file of [
      'rulesets/invoices/invoices.json',
      'rulesets/invoices/invoices-approval-routing.json',
      'rulesets/enrolment/enrolment.json',
    ]) {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as AnalysedContent & { format: string };
      const a = analyseRuleset(doc.format, doc);
      expect(a.notChecked.filter((n) => /budget|too many rows|more than/.test(n.reason))).toEqual([]);
      expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});

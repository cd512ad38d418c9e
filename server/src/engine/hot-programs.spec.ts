import { describe, expect, it } from '@jest/globals';
import type { RuleProperties } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { evaluateProgram } from './evaluator.js';
import { BUSY_AFTER, MAX_WRITTEN_OUT, writeOutNow, writtenOutCount } from './hot-programs.js';
import { compileProgram, type Program } from './rule-program.js';

const compiled: CompiledRules = {
  rules: ['small', 'medium', 'large'].map((name, i) => ({
    name,
    priority: 3 - i,
    conditions: {
      any: [
        { fact: 'amount', operator: 'lessThan', value: (i + 1) * 100 },
        { fact: 'order', path: '$.urgent', operator: 'equal', value: true },
      ],
    },
    event: { type: name },
  })) as RuleProperties[],
  namedConditions: {},
  explanations: new Map(),
  stopAtFirstSuccess: false,
};
const facts = { amount: 150, order: { urgent: false } };
const writtenOut = (program: Program) => program.rules.map((rule) => rule.run !== rule.closures);

describe('versions written out when busy', () => {
  it('runs a version on its closures until it is busy, then writes out a rule per run, answering the same throughout', () => {
    const program = compileProgram(compiled);
    const first = JSON.stringify(evaluateProgram(program, facts));
    for (let i = 1; i < BUSY_AFTER; i++) evaluateProgram(program, facts);
    expect(writtenOut(program)).toEqual([false, false, false]);

    const seen: boolean[][] = [];
    for (let i = 0; i < 4; i++) {
      expect(JSON.stringify(evaluateProgram(program, facts))).toBe(first);
      seen.push(writtenOut(program));
    }
    // The BUSY_AFTER-th run found it busy; each run after it writes out one more rule before running them.
    expect(seen).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
      [true, true, true],
    ]);
  });

  it(`keeps at most ${MAX_WRITTEN_OUT} versions written out: the least recently busy goes back to its closures`, () => {
    const programs = Array.from({ length: MAX_WRITTEN_OUT + 1 }, () => compileProgram(compiled));
    const expected = JSON.stringify(evaluateProgram(programs[0]!, facts));
    for (const program of programs) writeOutNow(program);

    expect(writtenOutCount()).toBe(MAX_WRITTEN_OUT);
    expect(writtenOut(programs[0]!)).toEqual([false, false, false]);
    expect(writtenOut(programs[1]!)).toEqual([true, true, true]);
    for (const program of programs) expect(JSON.stringify(evaluateProgram(program, facts))).toBe(expected);
  });
});

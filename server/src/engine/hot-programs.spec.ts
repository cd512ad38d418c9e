import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { RuleProperties } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { evaluateProgram } from './evaluator.js';
import { BUSY_AFTER, IDLE_AFTER_MS, MAX_WRITTEN_OUT, release, writeOutNow, writtenOutCounts } from './hot-programs.js';
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

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it(`keeps at most ${MAX_WRITTEN_OUT} versions written out; a newly busy one takes the place of one idle for a minute`, () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const held = Array.from({ length: MAX_WRITTEN_OUT }, () => compileProgram(compiled));
    for (const program of held) writeOutNow(program);
    const expected = JSON.stringify(evaluateProgram(compileProgram(compiled), facts));

    // Every place held by a version busy within the minute: the newcomer stays on its closures.
    const newcomer = compileProgram(compiled);
    for (let i = 0; i < BUSY_AFTER + 3; i++) evaluateProgram(newcomer, facts);
    expect(writtenOut(newcomer)).toEqual([false, false, false]);
    expect(writtenOutCounts().versions).toBe(MAX_WRITTEN_OUT);

    // A minute later the oldest has not been busy since: the newcomer's next busy round takes its place.
    now += IDLE_AFTER_MS + 1;
    for (let i = 0; i < BUSY_AFTER + 3; i++) evaluateProgram(newcomer, facts);
    expect(writtenOut(newcomer)).toEqual([true, true, true]);
    expect(writtenOut(held[0]!)).toEqual([false, false, false]);
    expect(writtenOut(held[1]!)).toEqual([true, true, true]);
    expect(writtenOutCounts().versions).toBe(MAX_WRITTEN_OUT);
    for (const program of [newcomer, ...held]) expect(JSON.stringify(evaluateProgram(program, facts))).toBe(expected);

    // A version the compiled-version cache lets go gives up its place at once.
    release(held[1]!);
    expect(writtenOut(held[1]!)).toEqual([false, false, false]);
    expect(writtenOutCounts().versions).toBe(MAX_WRITTEN_OUT - 1);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { evaluateProgram } from './evaluator.js';
import { runLibrary } from './fidelity-oracle.js';
import { writeOutNow } from './hot-programs.js';
import { compileProgram } from './rule-program.js';

// A named condition inlined in several rules keeps one list of trace steps, its slots counted from where it is
// inlined: each rule's trace must still show its own run's values, as the library's does.
const small = { fact: 'amount', operator: 'lessThan', value: 100 };
const named: Record<string, TopLevelCondition> = {
  known: { all: [{ fact: 'supplier', path: '$.known', operator: 'equal', value: true }] },
  routine: { all: [{ condition: 'known' }, small] } as TopLevelCondition,
};
const rule = (name: string, priority: number, conditions: unknown): RuleProperties => ({
  name,
  priority,
  conditions: conditions as TopLevelCondition,
  event: { type: name },
});
const compiled: CompiledRules = {
  rules: [
    rule('approve', 3, { all: [{ condition: 'routine' }, { fact: 'urgent', operator: 'equal', value: false }] }),
    rule('flag', 2, { any: [{ fact: 'urgent', operator: 'equal', value: true }, { condition: 'routine' }] }),
    rule('review', 1, { not: { condition: 'known' } }),
  ],
  namedConditions: named,
  explanations: new Map(),
  stopAtFirstSuccess: false,
};

describe('trace steps of named conditions inlined in several rules', () => {
  const cases = [
    { amount: 50, urgent: false, supplier: { known: true } },
    { amount: 500, urgent: true, supplier: { known: true } },
    { amount: 50, urgent: true, supplier: { known: false } },
    { amount: 500, urgent: false, supplier: {} },
  ];

  it.each(cases)('traces each rule as json-rules-engine does (%o)', async (facts) => {
    const ours = evaluateProgram(compileProgram(compiled), facts);
    expect({ events: ours.events, fired: ours.fired, failed: ours.failed }).toEqual(await runLibrary(compiled, facts));
  });

  it.each(cases)('traces each rule written out as json-rules-engine does (%o)', async (facts) => {
    const program = compileProgram(compiled);
    writeOutNow(program);
    const ours = evaluateProgram(program, facts);
    expect({ events: ours.events, fired: ours.fired, failed: ours.failed }).toEqual(await runLibrary(compiled, facts));
  });
});

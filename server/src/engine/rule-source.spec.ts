import { describe, expect, it } from '@jest/globals';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { CompiledRules } from './compile.js';
import { evaluateProgram } from './evaluator.js';
import { asEvent, describeError, runLibrary, type Observed } from './fidelity-oracle.js';
import { writeOutNow } from './hot-programs.js';
import { compileProgram } from './rule-program.js';
import { WRITTEN_OUT_NODE_LIMIT } from './rule-source.js';

type Json = Record<string, unknown>;

/** A run of the rules written out (`writtenOut`, as a busy version runs them) or of their closures. */
function ours(compiled: CompiledRules, facts: Json, writtenOut = true): Observed {
  try {
    const program = compileProgram(compiled);
    if (writtenOut) writeOutNow(program);
    // A rule that failed to write out would quietly keep its closures: this run would not test the written form.
    if (writtenOut && program.rules.some((rule) => rule.writable && rule.run === rule.closures))
      throw new Error('a rule was not written out');
    const outcome = evaluateProgram(program, structuredClone(facts));
    return { ...outcome, events: outcome.events.map(asEvent) };
  } catch (err) {
    return describeError(err);
  }
}

const rulesOf = (rules: Json[], namedConditions: Json = {}, stopAtFirstSuccess = false): CompiledRules => ({
  rules: rules as unknown as RuleProperties[],
  namedConditions: namedConditions as Record<string, TopLevelCondition>,
  explanations: new Map(),
  stopAtFirstSuccess,
});

// Names that would break out of a string, a comment or a template literal if any of them were written into
// the generated source: they must stay data, whatever they contain.
const hostile = [
  '"); globalThis.pwned = true; ("',
  "'; globalThis.pwned = true; '",
  '`${globalThis.pwned = true}`',
  '*/ globalThis.pwned = true; /*',
  'k0',
  'rec',
  'm',
  'line\u2028separator\nnewline',
  '__proto__',
];

describe('rules written out as functions', () => {
  it('treat every name, path, operator and value as data, and answer as the library does', async () => {
    const rules = hostile.map((name, i) => ({
      name,
      priority: 1 + (i % 3),
      conditions: {
        any: [
          { fact: name, operator: 'equal', value: name },
          { fact: 'order', path: `$['${name}']`, operator: 'equal', value: { fact: name } },
          { not: { fact: name, operator: 'notEqual', value: `${name}\\` } },
          { condition: name },
        ],
      },
      event: { type: name, params: { label: name } },
    }));
    const named = Object.fromEntries(
      hostile.map((name) => [name, { all: [{ fact: name, operator: 'in', value: [name] }] }]),
    );
    const facts: Json = Object.fromEntries(hostile.map((name, i) => [name, i % 2 ? name : `${name}-not`]));
    facts['order'] = Object.fromEntries(hostile.map((name) => [name, name]));
    const compiled = rulesOf(rules, named);

    const expected = await runLibrary(compiled, facts);
    expect('error' in expected).toBe(false);
    expect(ours(compiled, facts)).toEqual(expected);
    expect((globalThis as Json)['pwned']).toBeUndefined();
  });

  it('fail on an unknown operator with hostile characters as the library does', async () => {
    const compiled = rulesOf([
      {
        name: 'r',
        conditions: { all: [{ fact: 'a', operator: '"); globalThis.pwned = true; ("', value: 1 }] },
        event: { type: 'e' },
      },
    ]);
    const expected = await runLibrary(compiled, { a: 1 });
    expect(expected).toEqual({ error: 'error Unknown operator: "); globalThis.pwned = true; ("' });
    expect(ours(compiled, { a: 1 })).toEqual(expected);
    expect((globalThis as Json)['pwned']).toBeUndefined();
  });

  it('follow a named condition that refers to itself, or to one that does not exist, when the run reaches it', async () => {
    // `loop` ends where its higher-priority leaf holds: an `any` stops between priority sets.
    const named = {
      loop: {
        any: [
          { fact: 'x', operator: 'equal', value: 1, priority: 2 },
          { all: [{ fact: 'y', operator: 'equal', value: 1 }, { condition: 'loop' }], priority: 1 },
        ],
      },
    };
    const rules = [
      {
        name: 'loops',
        conditions: { all: [{ condition: 'loop' }, { fact: 'y', operator: 'equal', value: 1 }] },
        event: { type: 'loops' },
      },
      {
        name: 'missing',
        conditions: { any: [{ fact: 'x', operator: 'equal', value: 1, priority: 2 }, { condition: 'nowhere' }] },
        event: { type: 'missing' },
      },
    ];
    for (const facts of [
      { x: 1, y: 1 },
      { x: 1, y: 2 },
    ]) {
      const expected = await runLibrary(rulesOf(rules.slice(0, 1), named), facts);
      expect('error' in expected).toBe(false);
      expect(ours(rulesOf(rules.slice(0, 1), named), facts)).toEqual(expected);
    }
    // x = 1 ends `missing` before its reference; x = 2 reaches it.
    for (const facts of [{ x: 1 }, { x: 2 }]) {
      const expected = await runLibrary(rulesOf(rules.slice(1), named), facts);
      expect(ours(rulesOf(rules.slice(1), named), facts)).toEqual(expected);
    }
    expect('error' in (await runLibrary(rulesOf(rules.slice(1), named), { x: 1 }))).toBe(false);
    expect(await runLibrary(rulesOf(rules.slice(1), named), { x: 2 })).toEqual({
      error: 'error No condition nowhere exists',
    });
  });

  it('count groups as well as leaves in the size of a rule they write out', () => {
    const emptyGroups = Array.from({ length: WRITTEN_OUT_NODE_LIMIT }, () => ({ all: [] }));
    const program = compileProgram(
      rulesOf([
        {
          name: 'groups',
          conditions: { any: [...emptyGroups, { fact: 'a', operator: 'equal', value: 1 }] },
          event: { type: 'g' },
        },
        { name: 'small', conditions: { all: [{ fact: 'a', operator: 'equal', value: 1 }] }, event: { type: 's' } },
      ]),
    );
    writeOutNow(program);
    expect(program.rules.map((rule) => rule.run !== rule.closures)).toEqual([false, true]);
  });

  it('keep closures for a rule too large to write out, with the same events and traces as the library', async () => {
    const leaves = Array.from({ length: WRITTEN_OUT_NODE_LIMIT + 10 }, (_, i) => ({
      fact: `f${i % 40}`,
      operator: i % 2 ? 'greaterThanInclusive' : 'lessThan',
      value: i % 7,
    }));
    const compiled = rulesOf(
      [
        { name: 'large-all', conditions: { all: leaves }, event: { type: 'all' } },
        { name: 'large-any', conditions: { any: [...leaves, { condition: 'small' }] }, event: { type: 'any' } },
        { name: 'small', conditions: { all: [{ condition: 'small' }] }, event: { type: 'small' } },
      ],
      { small: { any: [{ fact: 'f1', operator: 'equal', value: 3 }] } },
    );
    const facts = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i % 9]));

    const expected = await runLibrary(compiled, facts);
    expect('error' in expected).toBe(false);
    if ('error' in expected) return;
    // Every leaf of the large rules is traced: the fallback really ran them.
    expect([...expected.fired, ...expected.failed].find((r) => r.name === 'large-any')?.conditions).toHaveLength(
      leaves.length + 1,
    );
    expect(ours(compiled, facts)).toEqual(expected);
  });
});

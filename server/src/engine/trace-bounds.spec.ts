import { describe, expect, it } from '@jest/globals';
import { maskedCondition } from '../modules/evaluation/pii.js';
import type { ConditionTrace, RuleTrace } from './trace.js';
import { boundTraceValues, TRACE_VALUE_MAX_CHARS, TRACE_VALUES_MAX_CHARS, writtenLength } from './trace-bounds.js';

const condition = (factValue: unknown, value: unknown = 1): ConditionTrace => ({
  fact: 'f',
  operator: 'equal',
  value,
  factValue,
  result: false,
});
const rule = (conditions: ConditionTrace[]): RuleTrace => ({ name: 'r', event: { type: 'x' }, conditions });

describe('trace values of a bounded size', () => {
  it('counts about the characters of the JSON, and stops counting just past the limit', () => {
    const value = { a: [1, 'deux', null], b: { c: true } };
    expect(writtenLength(value, 1_000)).toBeGreaterThanOrEqual(JSON.stringify(value).length - 5);
    expect(writtenLength(value, 1_000)).toBeLessThanOrEqual(JSON.stringify(value).length + 10);
    // A list shared by reference a million times over is not walked: the count stops at the limit.
    const a = Array.from({ length: 1_000 }, () => 'x'.repeat(100));
    const shared = Array.from({ length: 1_000 }, () => Array.from({ length: 1_000 }, () => a));
    const started = performance.now();
    expect(writtenLength(shared, 1_024)).toBe(1_025);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('keeps numbers, flags, short texts and small lists; says what a large value was instead of repeating it', () => {
    const big = Array.from({ length: 2_000 }, (_, i) => i);
    const long = 'é'.repeat(TRACE_VALUE_MAX_CHARS + 1);
    const conditions = [
      condition(3),
      condition('court'),
      condition([1, 2, 3], [0]),
      condition({ seuil: 'x'.repeat(100) }),
      condition(big),
      condition(long, { seuil: big }),
      condition(undefined),
    ];
    boundTraceValues([rule(conditions)], []);
    expect(conditions.map(({ factValue, value, omitted }) => ({ factValue, value, omitted }))).toEqual([
      { factValue: 3, value: 1, omitted: undefined },
      { factValue: 'court', value: 1, omitted: undefined },
      { factValue: [1, 2, 3], value: [0], omitted: undefined },
      { factValue: { seuil: 'x'.repeat(100) }, value: 1, omitted: undefined },
      { factValue: undefined, value: 1, omitted: { factValue: { type: 'array', length: 2_000 } } },
      {
        factValue: undefined,
        value: undefined,
        omitted: { factValue: { type: 'string', length: long.length }, value: { type: 'object', length: 1 } },
      },
      { factValue: undefined, value: 1, omitted: undefined },
    ]);
    // Left out, not set to undefined: the JSON has no `factValue`, which would read as a fact with no value.
    expect(Object.keys(conditions[4]!)).not.toContain('factValue');
  });

  it('keeps at most 64 KiB of larger values in one decision, fired rules first, then says what the others were', () => {
    const text = 'x'.repeat(1_000);
    const fired = [rule(Array.from({ length: 40 }, () => condition(text)))];
    const failed = [rule(Array.from({ length: 40 }, () => condition(text)))];
    boundTraceValues(fired, failed);
    const kept = [...fired, ...failed].flatMap((r) => r.conditions).filter((c) => c.factValue === text);
    expect(kept).toHaveLength(Math.floor(TRACE_VALUES_MAX_CHARS / (text.length + 2)));
    expect(fired[0]!.conditions.every((c) => c.factValue === text)).toBe(true);
    expect(failed[0]!.conditions.at(-1)!.omitted).toEqual({ factValue: { type: 'string', length: 1_000 } });
    // Short values stay whatever the budget: they cost no more than the entry that holds them.
    const more = [rule([condition(text), condition('court')])];
    boundTraceValues([...fired, ...failed, ...more], []);
    expect(more[0]!.conditions[1]!.factValue).toBe('court');
  });

  it('masks what it says of a personal value too: its length is something about the person', () => {
    const traced = rule([condition('x'.repeat(5_000), 'y'.repeat(5_000))]);
    boundTraceValues([traced], []);
    expect(maskedCondition(traced.conditions[0]!)).toEqual({
      fact: 'f',
      operator: 'equal',
      factValue: '***',
      result: false,
      omitted: { value: { type: 'string', length: 5_000 } },
    });
  });
});

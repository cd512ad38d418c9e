import { describe, expect, it } from '@jest/globals';
import {
  addCounts,
  compare,
  emptyCounts,
  EXAMPLES_PER_RUN,
  EXAMPLES_PER_TRANSITION,
  outcome,
  rateOf,
  rates,
  Sampler,
  ShadowTally,
} from './shadow-tally.js';

const example = (id: string) => () => ({
  evaluationId: id,
  rulesOnlyBefore: [],
  rulesOnlyAfter: [],
  facts: {},
  at: '2026-01-01T00:00:00.000Z',
});

describe('shadow runs: comparison', () => {
  it('names outcomes as the impact replay does', () => {
    expect(outcome([])).toBe('(none)');
    expect(outcome(['auto_approve'])).toBe('auto_approve');
    expect(outcome(['review', 'notify'])).toBe('review+notify');
  });

  it('a divergence is a different outcome; the rules that differ are those fired on one side only', () => {
    const c = compare(
      { outcome: 'auto_approve', fired: ['small', 'known supplier'] },
      { outcome: 'manual_review', fired: ['known supplier', 'new threshold'] },
    );
    expect(c).toEqual({
      before: 'auto_approve',
      after: 'manual_review',
      diverged: true,
      transition: 'auto_approve → manual_review',
      rulesOnlyBefore: ['small'],
      rulesOnlyAfter: ['new threshold'],
    });
    expect(compare({ outcome: 'x', fired: ['a'] }, { outcome: 'x', fired: ['b'] }).diverged).toBe(false);
  });

  it('the same types with other parameters diverge, named by the parameters that differ, not by their values', () => {
    const side = (level: string, dueBy = '2026-04-05') => ({
      outcome: 'route_approval',
      fired: [],
      events: [{ type: 'route_approval', params: { level, dueBy } }],
    });
    const routed = compare(side('manager'), side('director'));
    expect([routed.diverged, routed.transition]).toEqual([true, 'route_approval → route_approval (level)']);
    // Values differ from one decision to the next; names do not: one transition however many due dates.
    expect(compare(side('manager', '2026-01-01'), side('director', '2026-02-02')).transition).toBe(
      'route_approval → route_approval (dueBy, level)',
    );
    expect(compare(side('manager'), side('manager')).diverged).toBe(false);
    // Key order is not a difference; a parameter that appears is.
    expect(
      compare(
        { outcome: 'a', fired: [], events: [{ type: 'a', params: { x: 1, y: { p: 1, q: 2 } } }] },
        { outcome: 'a', fired: [], events: [{ type: 'a', params: { y: { q: 2, p: 1 }, x: 1 } }] },
      ).diverged,
    ).toBe(false);
    expect(
      compare(
        { outcome: 'a', fired: [], events: [{ type: 'a' }] },
        { outcome: 'a', fired: [], events: [{ type: 'a', params: { note: 'x' } }] },
      ).transition,
    ).toBe('a → a (note)');
  });
});

describe('shadow runs: tallies', () => {
  it('counts compared, diverged, errors, shed, and divergent transitions only', () => {
    const tally = new ShadowTally();
    const same = compare({ outcome: 'a', fired: [] }, { outcome: 'a', fired: [] });
    const changed = compare({ outcome: 'a', fired: [] }, { outcome: 'b', fired: [] });
    const failed = compare({ outcome: 'a', fired: [] }, { outcome: 'error: undefined_fact', fired: [] });
    tally.record(same, example('1'), false);
    tally.record(changed, example('2'), false);
    tally.record(changed, example('3'), false);
    tally.record(failed, example('4'), true);
    tally.shed(2);
    expect(tally.counts).toEqual({
      compared: 4,
      diverged: 3,
      shed: 2,
      errors: 1,
      byTransition: { 'a → b': 2, 'a → error: undefined_fact': 1 },
    });
    expect(tally.takeExamples().map((e) => [e.evaluationId, e.before, e.after])).toEqual([
      ['2', 'a', 'b'],
      ['3', 'a', 'b'],
      ['4', 'a', 'error: undefined_fact'],
    ]);
    expect(tally.takeExamples()).toEqual([]);
  });

  it('keeps at most 20 examples per transition and 200 per run', () => {
    const tally = new ShadowTally();
    for (let i = 0; i < 50; i++)
      tally.record(compare({ outcome: 'a', fired: [] }, { outcome: 'b', fired: [] }), example(`${i}`), false);
    expect(tally.takeExamples()).toHaveLength(EXAMPLES_PER_TRANSITION);
    for (let t = 0; t < 30; t++)
      for (let i = 0; i < 25; i++)
        tally.record(
          compare({ outcome: 'a', fired: [] }, { outcome: `c${t}`, fired: [] }),
          example(`${t}/${i}`),
          false,
        );
    expect(tally.takeExamples()).toHaveLength(EXAMPLES_PER_RUN - EXAMPLES_PER_TRANSITION);
    expect(tally.counts.diverged).toBe(50 + 30 * 25);
  });

  it('examples taken for a store that failed are put back first', () => {
    const tally = new ShadowTally();
    const changed = compare({ outcome: 'a', fired: [] }, { outcome: 'b', fired: [] });
    tally.record(changed, example('1'), false);
    const taken = tally.takeExamples();
    tally.record(changed, example('2'), false);
    tally.restore(taken);
    expect(tally.peekExamples().map((e) => e.evaluationId)).toEqual(['1', '2']);
  });

  it('adds instances’ counts together', () => {
    const a = { ...emptyCounts(), compared: 10, diverged: 2, byTransition: { 'a → b': 2 } };
    const b = { ...emptyCounts(), compared: 5, diverged: 3, shed: 1, byTransition: { 'a → b': 1, 'a → c': 2 } };
    expect(addCounts(a, b)).toEqual({
      compared: 15,
      diverged: 5,
      shed: 1,
      errors: 0,
      byTransition: { 'a → b': 3, 'a → c': 2 },
    });
  });
});

describe('shadow runs: sampling and rates', () => {
  it('takes exactly the share asked for, evenly', () => {
    const count = (percent: number, n: number) => {
      const sampler = new Sampler(percent);
      return Array.from({ length: n }, () => sampler.take()).filter(Boolean).length;
    };
    expect(count(100, 37)).toBe(37);
    expect(count(25, 100)).toBe(25);
    expect(count(1, 1000)).toBe(10);
    const quarter = new Sampler(25);
    expect(Array.from({ length: 8 }, () => quarter.take())).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('gives Wilson 95 % intervals (reference values), none from nothing', () => {
    const { rate, interval } = rateOf(10, 100);
    expect(rate).toBe(0.1);
    expect(interval[0]).toBeCloseTo(0.0552, 4);
    expect(interval[1]).toBeCloseTo(0.1744, 4);
    expect(rateOf(0, 0)).toEqual({ rate: 0, interval: [0, 1] });
    const zero = rateOf(0, 50).interval;
    expect(zero[0]).toBe(0);
    expect(zero[1]).toBeCloseTo(0.0713, 4);
    const all = rates({ ...emptyCounts(), compared: 100, diverged: 10, byTransition: { 'a → b': 10 } });
    expect(all.byTransition['a → b']).toEqual(rateOf(10, 100));
  });
});

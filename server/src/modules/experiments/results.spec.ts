import { describe, expect, it } from '@jest/globals';
import type { AnswerRow, FeedbackRow } from '../completions/experiment-rows.js';
import { resultsInputs, type VariantExposure } from './results-inputs.js';
import type { ExperimentContent } from './experiment.types.js';
import { computeResults, holmSignificant, variantPrices } from './results.js';

const content = (guardrails: ExperimentContent['guardrails'] = {}): ExperimentContent => ({
  prompt: 'ask',
  variants: [
    { name: 'control', version: 1, weight: 1 },
    { name: 'concise', version: 2, weight: 1 },
  ],
  salt: 's',
  hash: 'sha256',
  coverage: 1,
  primaryMetric: 'positive_feedback_rate',
  guardrails,
});

/**
 * `n` people per variant, each asking `asks` questions, every `every`-th person's first answer positive; served
 * alternately; `extra` overrides the counts of `concise` (its errors, its p95).
 */
async function input(
  n: number,
  every: { control: number; concise: number },
  extra: Partial<VariantExposure> = {},
  asks = 1,
) {
  const answers: AnswerRow[] = [];
  const feedback: FeedbackRow[] = [];
  for (let i = 0; i < n; i++)
    for (const variant of ['control', 'concise'] as const)
      for (let q = 0; q < asks; q++) {
        const id = `${variant}-${i}-${q}`;
        const at = 1_700_000_000_000 + answers.length;
        answers.push([id, variant, at, 'ok', 800, 1000, 500, `${variant}-person-${i}`]);
        if (q === 0 && i % every[variant] === 0) feedback.push([id, variant, 'positive', at + 1]);
      }
  const read = await resultsInputs({ answers, feedback });
  if (Object.keys(extra).length > 0) read.exposures.set('concise', { ...read.exposures.get('concise')!, ...extra });
  return read;
}

describe('experiment results', () => {
  it('allows no stop below the minimum sample, and names the leading variant', async () => {
    const results = await computeResults({
      key: 'x',
      content: content(),
      running: true,
      ...(await input(60, { control: 10, concise: 2 })),
    });
    expect(results.minimumSample).toEqual({ perVariant: 100, reached: false });
    expect(results.sequential).toMatchObject({ variant: 'concise', canStop: false });
    expect(results.sequential.pValue).toBeLessThan(0.05); // 50 % against 10 %: clear, but too early to stop
    expect(results.alarm).toBeUndefined();
  });

  it('says nothing is known of a variant before its first answer: no rate, no error rate, an interval of [0, 1]', async () => {
    const results = await computeResults({
      key: 'x',
      content: content(),
      running: true,
      ...(await input(0, { control: 1, concise: 1 })),
    });
    for (const variant of results.variants)
      expect([variant.rate, variant.errorRate, variant.ci95]).toEqual([null, null, [0, 1]]);
  });

  it('allows a stop once every variant has the minimum sample and the always-valid p-value is below 5 %', async () => {
    const results = await computeResults({
      key: 'x',
      content: content(),
      running: true,
      ...(await input(150, { control: 10, concise: 2 })),
    });
    expect(results.sequential.canStop).toBe(true);
    expect(results.probabilityToBeatControl).toBeGreaterThan(0.999);
    const [lo, hi] = results.sequential.confidenceSequence;
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(0.4); // observed 0.5 − 0.1 = 0.4
  });

  it('prices the answers and raises an alarm on a guardrail only once its variant has the minimum sample', async () => {
    // 1 000 input and 500 output tokens at 3 and 15 per million: 0.0105 an answer.
    const cheap = await computeResults({
      key: 'x',
      content: content({ maxCostPerAnswer: 0.01, minSamplePerVariant: 100 }),
      running: true,
      ...(await input(50, { control: 10, concise: 10 })),
    });
    const cost = cheap.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10);
    expect(cost.breached).toBe(true);
    expect(cheap.alarm).toBeUndefined();
    const enough = await computeResults({
      key: 'x',
      content: content({ maxCostPerAnswer: 0.01, minSamplePerVariant: 40 }),
      running: true,
      ...(await input(50, { control: 10, concise: 10 })),
    });
    expect(enough.alarm).toEqual({
      reason: 'guardrail',
      metric: 'cost_per_answer',
      variant: 'control',
      value: expect.closeTo(0.0105, 10),
      threshold: 0.01,
    });
    const slow = await computeResults({
      key: 'x',
      content: content({ minSamplePerVariant: 40 }),
      running: true,
      ...(await input(50, { control: 10, concise: 10 }, { p95LatencyMs: 25_000, errors: 10 })),
    });
    expect(slow.alarm).toMatchObject({ metric: 'error_rate', variant: 'concise', threshold: 0.05 });
    expect(slow.alarm!.value).toBeCloseTo(10 / 60, 10);
    expect(slow.guardrails.filter((g) => g.breached).map((g) => g.metric)).toEqual(['error_rate', 'p95_latency_ms']);
  });

  it('prices each variant at the list price of its own model, unless the experiment names a price for all', async () => {
    const models = new Map([
      ['control', 'claude-sonnet-4-6'],
      ['concise', 'claude-haiku-4-5'],
    ]);
    const data = await input(50, { control: 10, concise: 10 });
    const costs = async (guardrails: ExperimentContent['guardrails']) => {
      const experiment = content(guardrails);
      const results = await computeResults({
        key: 'x',
        content: experiment,
        running: true,
        ...data,
        prices: variantPrices(experiment, models),
      });
      return results.guardrails.filter((g) => g.metric === 'cost_per_answer').map((g) => [g.variant, g.value]);
    };
    // 1 000 input and 500 output tokens: at 3 and 15 per million 0.0105, at Haiku's 1 and 5 0.0035. Priced at one
    // price for all, the Haiku variant was three times too dear, and could be stopped for a cost it did not have.
    expect(await costs({})).toEqual([
      ['control', expect.closeTo(0.0105, 10)],
      ['concise', expect.closeTo(0.0035, 10)],
    ]);
    expect(await costs({ pricePerMillionTokens: { input: 2, output: 10 } })).toEqual([
      ['control', expect.closeTo(0.007, 10)],
      ['concise', expect.closeTo(0.007, 10)],
    ]);
    // A model of no known family, or a version that could not be read, is priced at Sonnet's list price.
    expect(variantPrices(content(), new Map([['control', 'mistral-large']]))).toEqual(
      new Map([
        ['control', { input: 3, output: 15 }],
        ['concise', { input: 3, output: 15 }],
      ]),
    );
  });

  it('leaves out of the cost an answer stored with counts that are not counts, so the cost stays finite', async () => {
    const data = await input(50, { control: 10, concise: 10 });
    data.answers[1]![5] = 1e308; // the input tokens of the first answer of `concise`
    const results = await computeResults({ key: 'x', content: content({}), running: true, ...data });
    const cost = results.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10);
  });

  it('leaves out of the cost an answer whose provider reported no tokens, rather than counting it as free', async () => {
    const data = await input(50, { control: 10, concise: 10 });
    for (const answer of data.answers.filter((row) => row[1] === 'concise').slice(0, 25)) {
      answer[5] = null;
      answer[6] = null;
    }
    const results = await computeResults({ key: 'x', content: content({}), running: true, ...data });
    const cost = results.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10); // 1 000 × $3 + 500 × $15 per million, over the 25 that said
  });

  it('counts people, not answers: one person asking sixty questions is one exposure and sets off no split alarm', async () => {
    const data = await input(120, { control: 10, concise: 10 }, {}, 1);
    const talkative = data.answers.find((row) => row[7] === 'control-person-0')!;
    for (let q = 1; q < 60; q++)
      data.answers.push([`${talkative[0]}-${q}`, 'control', 1_800_000_000_000 + q, 'ok', 800, 1000, 500, talkative[7]]);
    const again = await resultsInputs({ answers: data.answers, feedback: [] });
    expect(again.exposures.get('control')).toMatchObject({ served: 179, exposed: 120, assigned: 120 });
    const results = await computeResults({ key: 'x', content: content(), running: true, ...again });
    expect(results.variants.map((v) => v.exposures)).toEqual([120, 120]);
    // Counted by answer, 179 against 120 gave p ≈ 0.0006: a split alarm that stops the experiment.
    expect(results.srm).toEqual({ pValue: 1, mismatch: false });
    expect(results.alarm).toBeUndefined();
  });

  it('counts in the split the people a variant failed, and converts a person once however many answers they liked', async () => {
    const answers: AnswerRow[] = [];
    for (let i = 0; i < 150; i++)
      for (const variant of ['control', 'concise'] as const) {
        const failed = variant === 'concise' && i < 8;
        answers.push([
          `${variant}-${i}`,
          variant,
          answers.length,
          failed ? 'error' : 'ok',
          800,
          null,
          null,
          `p-${variant}-${i}`,
        ]);
      }
    // One person of the control liked three answers; an old row without a subject counts as a person of its own.
    answers.push(['control-0-b', 'control', 1_000, 'ok', 800, null, null, 'p-control-0']);
    answers.push(['control-0-c', 'control', 1_001, 'ok', 800, null, null, 'p-control-0']);
    answers.push(['old', 'control', 1_002, 'ok', 800, null, null]);
    const feedback: FeedbackRow[] = ['control-0', 'control-0-b', 'control-0-c', 'old'].map((id) => [
      id,
      'control',
      'positive',
      2_000,
    ]);
    const read = await resultsInputs({ answers, feedback });
    expect(read.exposures.get('concise')).toMatchObject({ served: 142, errors: 8, exposed: 142, assigned: 150 });
    expect(read.exposures.get('control')).toMatchObject({ served: 153, exposed: 151, assigned: 151 });
    expect(read.conversions.get('control')).toBe(2);
    const results = await computeResults({ key: 'x', content: content(), running: true, ...read });
    expect(results.srm.pValue).toBeGreaterThan(0.9); // 151 against 150 assigned; by people served, 151 against 142
    expect(results.variants.map((v) => [v.exposures, v.conversions])).toEqual([
      [151, 2],
      [142, 0],
    ]);
  });

  it('shares the 5 % among the variants compared with the control: a gap one variant shows alone is not shown beside a second', async () => {
    // People in order; the first `conversions` of each arm gave positive feedback.
    const rows = (arms: [string, number][]) => {
      const answers: AnswerRow[] = [];
      const feedback: FeedbackRow[] = [];
      for (let i = 0; i < 300; i++)
        for (const [name, conversions] of arms) {
          answers.push([`${name}-${i}`, name, answers.length, 'ok', 800, 10, 10, `${name}-p${i}`]);
          if (i < conversions) feedback.push([`${name}-${i}`, name, 'positive', answers.length]);
        }
      return resultsInputs({ answers, feedback });
    };
    const withVariants = (names: string[]): ExperimentContent => ({
      ...content(),
      variants: names.map((name, i) => ({ name, version: i + 1, weight: 1 })),
    });
    const alone = await computeResults({
      key: 'x',
      content: withVariants(['control', 'b']),
      running: true,
      ...(await rows([
        ['control', 30],
        ['b', 48],
      ])),
    });
    const b = alone.comparison.byVariant[0]!;
    // 16 % against 10 % of 300: always-valid p ≈ 0.038 and fixed-horizon p ≈ 0.029, both under 5 % and over 2.5 %.
    expect([b.sequential.pValue, b.pValue].every((p) => p > 0.025 && p < 0.05)).toBe(true);
    expect([b.sequential.canStop, alone.comparison.winner]).toEqual([true, 'b']);
    const beside = await computeResults({
      key: 'x',
      content: withVariants(['control', 'b', 'c']),
      running: true,
      ...(await rows([
        ['control', 30],
        ['b', 48],
        ['c', 30],
      ])),
    });
    const sameB = beside.comparison.byVariant.find((v) => v.name === 'b')!;
    expect([sameB.sequential.pValue, sameB.pValue]).toEqual([b.sequential.pValue, b.pValue]);
    expect([sameB.sequential.canStop, beside.comparison.winner]).toEqual([false, undefined]);
    // The confidence sequence says the same: it leaves out 0 alone, and holds it beside a second variant.
    const holdsZero = ([lo, hi]: [number, number]) => lo <= 0 && hi >= 0;
    expect([holdsZero(b.sequential.confidenceSequence), holdsZero(sameB.sequential.confidenceSequence)]).toEqual([
      false,
      true,
    ]);
  });

  it('finds by Holm’s steps the comparisons significant over the family', () => {
    const tests = [0.01, 0.04, 0.03, 0.2].map((pValue, i) => ({ name: `v${i}`, pValue }));
    // 0.01 < 0.05/4; then 0.03 ≥ 0.05/3 stops the steps.
    expect(holmSignificant(tests, 0.05).map((t) => t.name)).toEqual(['v0']);
    expect(holmSignificant([{ pValue: 0.04 }], 0.05)).toHaveLength(1);
    expect(holmSignificant([{ pValue: 0.01 }, { pValue: 0.02 }], 0.05)).toHaveLength(2);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { AnswerRow } from '../completions/experiment-rows.js';
import type { VariantExposure } from './results-inputs.js';
import type { ExperimentContent } from './experiment.types.js';
import { computeResults } from './results.js';

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

/** `n` answers per variant, every `every`-th positive, served alternately; `errors` failures of `concise`. */
function input(n: number, every: { control: number; concise: number }, extra: Partial<VariantExposure> = {}) {
  const answers: AnswerRow[] = [];
  const positives = new Set<string>();
  for (let i = 0; i < n; i++)
    for (const variant of ['control', 'concise'] as const) {
      const id = `${variant}-${i}`;
      answers.push([id, variant, 1_700_000_000_000 + answers.length, 'ok', 800, 1000, 500]);
      if (i % every[variant] === 0) positives.add(id);
    }
  const conversions = new Map(
    (['control', 'concise'] as const).map((v) => [v, [...positives].filter((id) => id.startsWith(`${v}-`)).length]),
  );
  const exposures = new Map<string, VariantExposure>([
    ['control', { served: n, errors: 0, p95LatencyMs: 800 }],
    ['concise', { served: n, errors: 0, p95LatencyMs: 900, ...extra }],
  ]);
  return { exposures, conversions, answers, positives };
}

describe('experiment results', () => {
  it('allows no stop below the minimum sample, and names the leading variant', async () => {
    const results = await computeResults({
      key: 'x',
      content: content(),
      running: true,
      ...input(60, { control: 10, concise: 2 }),
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
      ...input(0, { control: 1, concise: 1 }),
    });
    for (const variant of results.variants)
      expect([variant.rate, variant.errorRate, variant.ci95]).toEqual([null, null, [0, 1]]);
  });

  it('allows a stop once every variant has the minimum sample and the always-valid p-value is below 5 %', async () => {
    const results = await computeResults({
      key: 'x',
      content: content(),
      running: true,
      ...input(150, { control: 10, concise: 2 }),
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
      ...input(50, { control: 10, concise: 10 }),
    });
    const cost = cheap.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10);
    expect(cost.breached).toBe(true);
    expect(cheap.alarm).toBeUndefined();
    const enough = await computeResults({
      key: 'x',
      content: content({ maxCostPerAnswer: 0.01, minSamplePerVariant: 40 }),
      running: true,
      ...input(50, { control: 10, concise: 10 }),
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
      ...input(50, { control: 10, concise: 10 }, { p95LatencyMs: 25_000, errors: 10 }),
    });
    expect(slow.alarm).toMatchObject({ metric: 'error_rate', variant: 'concise', threshold: 0.05 });
    expect(slow.alarm!.value).toBeCloseTo(10 / 60, 10);
    expect(slow.guardrails.filter((g) => g.breached).map((g) => g.metric)).toEqual(['error_rate', 'p95_latency_ms']);
  });

  it('leaves out of the cost an answer stored with counts that are not counts, so the cost stays finite', async () => {
    const data = input(50, { control: 10, concise: 10 });
    data.answers[1]![5] = 1e308; // the input tokens of the first answer of `concise`
    const results = await computeResults({ key: 'x', content: content({}), running: true, ...data });
    const cost = results.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10);
  });

  it('leaves out of the cost an answer whose provider reported no tokens, rather than counting it as free', async () => {
    const data = input(50, { control: 10, concise: 10 });
    for (const answer of data.answers.filter((row) => row[1] === 'concise').slice(0, 25)) {
      answer[5] = null;
      answer[6] = null;
    }
    const results = await computeResults({ key: 'x', content: content({}), running: true, ...data });
    const cost = results.guardrails.find((g) => g.variant === 'concise' && g.metric === 'cost_per_answer')!;
    expect(cost.value).toBeCloseTo(0.0105, 10); // 1 000 × $3 + 500 × $15 per million, over the 25 that said
  });
});

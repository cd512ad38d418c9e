import { describe, expect, it } from '@jest/globals';
import { costUsd } from './model-pricing.js';

describe('costUsd', () => {
  const usage = { inputTokens: 100_000, outputTokens: 10_000 };

  it('prices a model by its family, in the current ids and in the older ones named after the generation', () => {
    expect(costUsd('claude-sonnet-4-6', usage)).toBeCloseTo(0.45, 10); // 0.1 × 3 + 0.01 × 15
    expect(costUsd('claude-opus-4-5-20251101', usage)).toBeCloseTo(0.75, 10);
    // Read as no family before: an evaluation run of 100 000 input tokens cost « 0 ».
    expect(costUsd('claude-3-5-haiku-20241022', usage)).toBeCloseTo(0.15, 10);
    expect(costUsd('claude-3-opus-20240229', usage)).toBeCloseTo(0.75, 10);
  });

  it('estimates a model of no known family at 0, and no property of an object passes for a family', () => {
    expect(costUsd('claude-instant-1', usage)).toBe(0);
    expect(costUsd('claude-constructor-1', usage)).toBe(0);
    expect(costUsd('gpt-4o', usage)).toBe(0);
  });
});

import { Logger } from '@nestjs/common';

/**
 * List prices of the Claude families, in US dollars per million tokens (input, output), for estimates of what
 * an evaluation run cost. A model is priced by its family, named `claude-<family>-…` (claude-sonnet-4-6) or, in
 * the older ids, after the generation (claude-3-5-haiku-20241022): at the current family's price, an estimate.
 * Update with the provider's price list.
 */
const PER_MILLION: Record<string, { input: number; output: number }> = {
  opus: { input: 5, output: 25 },
  sonnet: { input: 3, output: 15 },
  haiku: { input: 1, output: 5 },
};

const FAMILY = /^claude-(?:\d+(?:[-.]\d+)*-)?([a-z]+)/;
const unpriced = new Set<string>();

/** A model's list price per million tokens, by its family; undefined for a model of no known family. */
export function listPrice(model: string): { input: number; output: number } | undefined {
  const family = FAMILY.exec(model)?.[1];
  return family && Object.hasOwn(PER_MILLION, family) ? PER_MILLION[family] : undefined;
}

/**
 * The estimated cost of a model's usage. A model of no known family costs 0, and the log says so once per model:
 * the estimate then understates, which an operator must know to read budgets and costs.
 */
export function costUsd(model: string, usage: { inputTokens: number; outputTokens: number }): number {
  const price = listPrice(model);
  if (!price) {
    if (!unpriced.has(model) && unpriced.size < 100) {
      unpriced.add(model);
      new Logger('Llm').warn(`no price is known for the model "${model}": its costs are estimated at 0`);
    }
    return 0;
  }
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

/**
 * List prices of the Claude families, in US dollars per million tokens (input, output), for estimates of what
 * an evaluation run cost. A model is priced by its family (`claude-<family>-…`); an unknown family costs 0 and
 * the estimate says so by its `priced: false`. Update with the provider's price list.
 */
const PER_MILLION: Record<string, { input: number; output: number }> = {
  opus: { input: 5, output: 25 },
  sonnet: { input: 3, output: 15 },
  haiku: { input: 1, output: 5 },
};

export function costUsd(model: string, usage: { inputTokens: number; outputTokens: number }): number {
  const family = /^claude-([a-z]+)/.exec(model)?.[1];
  const price = family ? PER_MILLION[family] : undefined;
  if (!price) return 0;
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

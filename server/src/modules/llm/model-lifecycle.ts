/**
 * Models the provider has announced for retirement, with their end-of-life dates, as listed by
 * @anthropic-ai/sdk 1.14 (its list is internal, not exported). Update when the SDK is upgraded.
 * A prompt version naming one of them is refused: it would stop answering on that date.
 */
export const RETIRING_MODELS: Record<string, string> = {
  'claude-mythos-preview': '2026-06-30',
  'claude-opus-4-5': '2027-01-22',
  'claude-opus-4-5-20251101': '2027-01-22',
  'claude-sonnet-4-5': '2026-11-30',
  'claude-sonnet-4-5-20250929': '2026-11-30',
};

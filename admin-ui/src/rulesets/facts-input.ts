/** The facts typed in "Try it": a JSON object, or an error message key with the parser's hint. */
export function parseFacts(text: string): { facts: Record<string, unknown> } | { error: string; hint?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: 'gabarit.try.invalid_json', hint: (err as Error).message };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'gabarit.try.not_object' };
  return { facts: value as Record<string, unknown> };
}

import { jsonSyntaxPlace } from '../common/json-syntax';

/** The facts typed in "Try it": a JSON object, or an error message key with where the JSON stops parsing. */
export function parseFacts(
  text: string,
): { facts: Record<string, unknown> } | { error: string; at?: { line: number; column: number } } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: 'gabarit.try.invalid_json', at: jsonSyntaxPlace(text, err) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'gabarit.try.not_object' };
  return { facts: value as Record<string, unknown> };
}

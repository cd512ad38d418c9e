export interface TestCase {
  name: string;
  facts: Record<string, unknown>;
  expectedEvents: string[];
}

/**
 * The draft's test cases with one more: the facts just tried and the decisions they gave, which the analyst has
 * checked are right. Names identify cases in test reports, so a name already used is refused.
 */
export function withTestCase(
  tests: TestCase[],
  name: string,
  facts: Record<string, unknown>,
  events: { type: string }[],
): { tests: TestCase[] } | { error: string } {
  const trimmed = name.trim();
  if (!trimmed) return { error: 'gabarit.try.case_name_required' };
  if (tests.some((t) => t.name === trimmed)) return { error: 'gabarit.try.case_name_taken' };
  return { tests: [...tests, { name: trimmed, facts, expectedEvents: events.map((e) => e.type) }] };
}

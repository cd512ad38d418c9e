/** json-rules-engine 7.3's built-in operators. */
export const BUILT_IN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

/** Operators Gabarit registers on every engine. */
export const GABARIT_OPERATORS = [
  'matches',
  'dateBefore',
  'dateAfter',
  'dateOnOrBefore',
  'dateOnOrAfter',
  'withinTolerance',
] as const;

/** json-rules-engine's operator decorators, written `decorator:operator` and stackable. */
export const OPERATOR_DECORATORS = ['someFact', 'everyFact', 'someValue', 'everyValue', 'not', 'swap'] as const;

export const KNOWN_OPERATORS: readonly string[] = [...BUILT_IN_OPERATORS, ...GABARIT_OPERATORS];

/**
 * Decorators one operator may stack. json-rules-engine takes any number, and each adds a call around the next:
 * 40 000 `not:` held the service 16 s compiling the version, then overflowed the stack at its first run (a
 * review). Six is one of each; a useful chain has two or three.
 */
export const MAX_OPERATOR_DECORATORS = 6;

/** A known operator, optionally behind decorators: `greaterThan`, `not:in`, `everyValue:matches`. */
export const OPERATOR_PATTERN = `^((${OPERATOR_DECORATORS.join('|')}):){0,${MAX_OPERATOR_DECORATORS}}(${KNOWN_OPERATORS.join('|')})$`;

/** How many decorators `name` stacks before what follows them (`not:swap:equal`: 2). */
export function decoratorCount(name: string): number {
  let count = 0;
  let at = 0;
  for (let colon = name.indexOf(':'); colon >= 0; colon = name.indexOf(':', at)) {
    if (!(OPERATOR_DECORATORS as readonly string[]).includes(name.slice(at, colon))) break;
    count++;
    at = colon + 1;
  }
  return count;
}

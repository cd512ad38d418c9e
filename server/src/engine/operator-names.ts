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

/** A known operator, optionally behind decorators: `greaterThan`, `not:in`, `everyValue:matches`. */
export const OPERATOR_PATTERN = `^((${OPERATOR_DECORATORS.join('|')}):)*(${KNOWN_OPERATORS.join('|')})$`;

/**
 * For specs: what GET /api/v1/schemas/rulesets answers (server/src/engine/operator-names.ts; a server spec checks
 * they agree). It imports nothing, so the server's type-check can read it too.
 */
export const SERVER_VOCABULARY: { operators: string[]; decorators: string[] } = {
  operators: [
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
    'matches',
    'dateBefore',
    'dateAfter',
    'dateOnOrBefore',
    'dateOnOrAfter',
    'withinTolerance',
  ],
  decorators: ['someFact', 'everyFact', 'someValue', 'everyValue', 'not', 'swap'],
};

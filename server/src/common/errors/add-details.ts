import type { ErrorDetail } from './domain-errors.js';

/**
 * Adds the details to the list one by one. Spread as arguments (`push(...more)`), a list of 200 000, as ajv makes
 * for a definition of 200 000 wrong items, overflowed the stack: a 500 where a 400 was due.
 */
export function addDetails(details: ErrorDetail[], more: readonly ErrorDetail[]): void {
  for (const detail of more) details.push(detail);
}

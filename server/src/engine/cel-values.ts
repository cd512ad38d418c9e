// Checks on the JSON values computed facts work with; a value that does not fit makes the fact absent.

export type Json = Record<string, unknown>;

/** A value the expression cannot work with (a missing field, a type mismatch): the fact is absent. */
export class EvaluationFailure extends Error {}

export function fail(message: string): never {
  throw new EvaluationFailure(message);
}

export function isMap(x: unknown): x is Json {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
export function bool(x: unknown): boolean {
  return typeof x === 'boolean' ? x : fail('a condition must be true or false');
}
export function num(x: unknown): number {
  return typeof x === 'number' ? x : fail('a number was expected');
}
export function str(x: unknown): string {
  return typeof x === 'string' ? x : fail('a string was expected');
}
export function integer(x: unknown): number {
  return Number.isInteger(x) ? (x as number) : fail('a whole number was expected');
}
export function finite(x: number): number {
  return Number.isFinite(x) ? x : fail('the result is not a finite number');
}
export function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '' && x.length < 64) return finite(Number(x));
  return fail('not a number');
}

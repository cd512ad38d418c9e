import { charge, type Run } from './cel-budget.js';
import { fail, finite, isMap, num, type Json } from './cel-values.js';

// The binary operators of computed facts; whatever grows with its operands' size charges for it.

export const BINARY: Record<string, (run: Run, a: unknown, b: unknown) => unknown> = {
  '+': (run, a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return finite(a + b);
    if (typeof a === 'string' && typeof b === 'string') {
      charge(run, (a.length + b.length) >> 3);
      return a + b;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      charge(run, 2 * (a.length + b.length));
      return a.concat(b);
    }
    return fail('"+" adds two numbers, two strings or two lists');
  },
  '-': (_run, a, b) => finite(num(a) - num(b)),
  '*': (_run, a, b) => finite(num(a) * num(b)),
  '/': (_run, a, b) => finite(num(a) / num(b)),
  '%': (_run, a, b) => finite(num(a) % num(b)),
  '==': (run, a, b) => equal(run, a, b),
  '!=': (run, a, b) => !equal(run, a, b),
  '<': (run, a, b) => compare(run, a, b) < 0,
  '<=': (run, a, b) => compare(run, a, b) <= 0,
  '>': (run, a, b) => compare(run, a, b) > 0,
  '>=': (run, a, b) => compare(run, a, b) >= 0,
  in: (run, a, b) => {
    if (Array.isArray(b)) {
      charge(run, b.length);
      return b.some((item) => equal(run, a, item));
    }
    if (isMap(b)) return typeof a === 'string' && Object.hasOwn(b, a);
    return fail('"in" looks in a list or a map');
  },
};

function equal(run: Run, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    charge(run, a.length);
    return a.length === other.length && a.every((item, i) => equal(run, item, other[i]));
  }
  const ka = Object.keys(a);
  charge(run, ka.length);
  const bo = b as Json;
  return (
    ka.length === Object.keys(bo).length && ka.every((k) => Object.hasOwn(bo, k) && equal(run, (a as Json)[k], bo[k]))
  );
}

function compare(run: Run, a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    charge(run, Math.min(a.length, b.length) >> 3);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return fail('only two numbers or two strings can be ordered');
}

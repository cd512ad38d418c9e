import { charge, type Run } from './cel-budget.js';
import { addMonths, dayNumber, formatDay, parseDate, yearsBetween } from './cel-dates.js';
import { fail, finite, integer, isMap, num, str, toNumber } from './cel-values.js';

// The built-in functions of computed facts (has, cel.bind and the comprehensions are compiled apart).

type Fn = (run: Run, ...args: unknown[]) => unknown;

/** `cost`: work units of one call beyond its arguments (date arithmetic is about 20 times a plain step). */
export const FUNCTIONS: Record<string, { arity: number[]; fn: Fn; cost?: number }> = {
  size: {
    arity: [1],
    fn: (_run, x) =>
      typeof x === 'string' || Array.isArray(x)
        ? x.length
        : isMap(x)
          ? Object.keys(x).length
          : fail('size() of a string, list or map'),
  },
  string: {
    arity: [1],
    fn: (_run, x) =>
      typeof x === 'string'
        ? x
        : typeof x === 'number' || typeof x === 'boolean'
          ? String(x)
          : x === null
            ? 'null'
            : fail('string() of a scalar'),
  },
  int: { arity: [1], fn: (_run, x) => Math.trunc(toNumber(x)) },
  double: { arity: [1], fn: (_run, x) => toNumber(x) },
  round: { arity: [1, 2], fn: (_run, x, digits = 0) => roundHalfUp(num(x), num(digits)) },
  floor: { arity: [1], fn: (_run, x) => Math.floor(num(x)) },
  ceil: { arity: [1], fn: (_run, x) => Math.ceil(num(x)) },
  abs: { arity: [1], fn: (_run, x) => Math.abs(num(x)) },
  min: { arity: [1, 2, 3, 4, 5, 6, 7, 8], fn: (run, ...xs) => extreme(run, xs, -1) },
  max: { arity: [1, 2, 3, 4, 5, 6, 7, 8], fn: (run, ...xs) => extreme(run, xs, 1) },
  sum: {
    arity: [1],
    fn: (run, xs) => {
      const list = Array.isArray(xs) ? xs : fail('sum() of a list of numbers');
      charge(run, list.length);
      return finite(list.reduce((total: number, x) => total + num(x), 0));
    },
  },
  daysBetween: { arity: [2], cost: 20, fn: (_run, from, to) => dayNumber(to) - dayNumber(from) },
  yearsBetween: { arity: [2], cost: 20, fn: (_run, from, to) => yearsBetween(parseDate(from), parseDate(to)) },
  addDays: { arity: [2], cost: 20, fn: (_run, date, days) => formatDay(dayNumber(date) + integer(days)) },
  addMonths: { arity: [2], cost: 20, fn: (_run, date, months) => addMonths(parseDate(date), integer(months)) },
  // Receiver functions: "text".contains("x"), list.size().
  contains: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).includes(str(t)) },
  startsWith: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).startsWith(str(t)) },
  endsWith: { arity: [2], fn: (run, s, t) => chargeText(run, s, t).endsWith(str(t)) },
  lowerAscii: { arity: [1], fn: (run, s) => chargeText(run, s).toLowerCase() },
  upperAscii: { arity: [1], fn: (run, s) => chargeText(run, s).toUpperCase() },
  trim: { arity: [1], fn: (run, s) => chargeText(run, s).trim() },
  split: {
    arity: [2],
    fn: (run, s, sep) => {
      // At most as many parts as units left, plus one to know the budget is exceeded.
      const parts = chargeText(run, s).split(str(sep), Math.max(run.left, 0) + 1);
      charge(run, parts.length);
      return parts;
    },
  },
  substring: {
    arity: [2, 3],
    fn: (run, s, start, end) => {
      const text = chargeText(run, s);
      return text.substring(integer(start), end === undefined ? text.length : integer(end));
    },
  },
};

function chargeText(run: Run, s: unknown, t?: unknown): string {
  const text = str(s);
  charge(run, (text.length + (typeof t === 'string' ? t.length : 0)) >> 3);
  return text;
}
function extreme(run: Run, xs: unknown[], sign: 1 | -1): number {
  const list = xs.length === 1 && Array.isArray(xs[0]) ? (xs[0] as unknown[]) : xs;
  if (list.length === 0) fail('min()/max() of nothing');
  charge(run, list.length);
  return list.reduce((best: number, x) => (sign * (num(x) - best) > 0 ? (x as number) : best), num(list[0]));
}

/** Rounds half away from zero (half up for amounts) on the decimal value written, so 9.975 → 9.98 and 0.125 → 0.13. */
export function roundHalfUp(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) fail('round() keeps 0 to 10 decimals');
  const factor = 10 ** digits;
  const raw = Math.abs(x) * factor;
  // Reading the written value back (toPrecision(15)) moves `raw` by at most 5e-16 of itself: below 1e9 that
  // is under 1e-6, so it can only change the rounding when `raw` lies that close to a half. Elsewhere
  // Math.round gives the same answer without the costly string round trip.
  const fromHalf = Math.abs(raw - Math.floor(raw) - 0.5);
  const scaled = raw < 1e9 && fromHalf > 1e-6 ? raw : Number(raw.toPrecision(15));
  return finite((Math.sign(x) * Math.round(scaled)) / factor) || 0;
}

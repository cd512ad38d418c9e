import { words, type Words } from './words.js';

/**
 * The values one fact path may still take on a branch of the search: a numeric interval with open or closed
 * bounds, an optional finite set of allowed values (equal, in, a schema enum, booleans) and excluded values
 * (notEqual, notIn). Values are compared by their JSON text, so 1 and "1" differ as in json-rules-engine.
 */
export interface Bound {
  value: number;
  closed: boolean;
}

export interface Domain {
  lo?: Bound;
  hi?: Bound;
  only?: Map<string, unknown>;
  not: Set<string>;
  integer: boolean;
  /**
   * Only numbers are allowed: the schema says so, or a numeric test asked it (json-rules-engine's lessThan
   * on a string is false). A negated one (`not x < 5`) holds for a string too, so it does not set this.
   */
  numeric: boolean;
}

export type NumericOp = 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';
export type SetOp = 'in' | 'notIn';
/** What an atom asks of one fact path: membership (equal is `in` one value) or a numeric comparison. */
export type Test = { op: SetOp; values: unknown[] } | { op: NumericOp; n: number; negated?: boolean };

/** The key of an absent optional field among allowed values: no JSON text reads so. */
export const ABSENT = '(absent)';
const key = (v: unknown) => (v === undefined ? ABSENT : JSON.stringify(v));

export const emptyDomain = (): Domain => ({ not: new Set(), integer: false, numeric: false });

export function copyDomain(d: Domain): Domain {
  return { ...d, only: d.only && new Map(d.only), not: new Set(d.not) };
}

// Tests are never changed once made: the search negates the same ones at many steps, each once here.
const negations = new WeakMap<Test, Test>();

/** The test's negation; a negated numeric test also holds for values that are not numbers. */
export function negate(test: Test): Test {
  let negation = negations.get(test);
  if (!negation) negations.set(test, (negation = negationOf(test)));
  return negation;
}

function negationOf(test: Test): Test {
  if (!('n' in test)) return { op: test.op === 'in' ? 'notIn' : 'in', values: test.values };
  const flipped = {
    lessThan: 'greaterThanInclusive',
    lessThanInclusive: 'greaterThan',
    greaterThan: 'lessThanInclusive',
    greaterThanInclusive: 'lessThan',
  } as const;
  return { op: flipped[test.op], n: test.n, ...(test.negated ? {} : { negated: true }) };
}

const tighterLo = (a: Bound | undefined, b: Bound) =>
  !a || b.value > a.value || (b.value === a.value && !b.closed) ? b : a;
const tighterHi = (a: Bound | undefined, b: Bound) =>
  !a || b.value < a.value || (b.value === a.value && !b.closed) ? b : a;

// Each list of values by key, read once: a search narrows by the same test at many of its steps.
const keyed = new WeakMap<unknown[], Map<string, unknown>>();
function byKey(values: unknown[]): Map<string, unknown> {
  let map = keyed.get(values);
  if (!map) keyed.set(values, (map = new Map(values.map((v) => [key(v), v]))));
  return map;
}

/**
 * The domain narrowed by one more test: a new domain that shares with `d` what the test leaves as it was
 * (domains are never changed in place once built, so copying them whole at every search step is waste).
 */
export function narrow(d: Domain, test: Test): Domain {
  const out = { ...d };
  switch (test.op) {
    case 'in': {
      const allowed = byKey(test.values);
      out.only = d.only ? new Map([...d.only].filter(([k]) => allowed.has(k))) : allowed;
      break;
    }
    case 'notIn':
      out.not = new Set([...d.not, ...byKey(test.values).keys()]);
      break;
    case 'lessThan':
    case 'lessThanInclusive':
      out.numeric ||= !test.negated;
      out.hi = tighterHi(out.hi, { value: test.n, closed: test.op === 'lessThanInclusive' });
      break;
    default:
      out.numeric ||= !test.negated;
      out.lo = tighterLo(out.lo, { value: test.n, closed: test.op === 'greaterThanInclusive' });
  }
  return out;
}

/** What narrowing `d` by `test` reads, in units of the analysis budget: the values of both. */
export const narrowCost = (d: Domain, test: Test): number =>
  1 + (d.only?.size ?? 0) + d.not.size + ('values' in test ? test.values.length : 0);

/** Values both domains allow. */
export function intersect(a: Domain, b: Domain): Domain {
  const only = a.only && b.only ? new Map([...a.only].filter(([k]) => b.only!.has(k))) : (a.only ?? b.only);
  return {
    lo: b.lo ? tighterLo(a.lo, b.lo) : a.lo,
    hi: b.hi ? tighterHi(a.hi, b.hi) : a.hi,
    only: only && new Map(only),
    not: new Set([...a.not, ...b.not]),
    integer: a.integer || b.integer,
    numeric: a.numeric || b.numeric,
  };
}

/** Whether some value lies in both domains; without building their intersection for the common cases. */
export function compatible(a: Domain, b: Domain): boolean {
  if (a.integer || b.integer || a.not.size > 0 || b.not.size > 0) return satisfiable(intersect(a, b));
  if (a.only && b.only) {
    const [small, large] = a.only.size <= b.only.size ? [a, b] : [b, a];
    for (const [k, v] of small.only!) if (large.only!.has(k) && inInterval(a, v) && inInterval(b, v)) return true;
    return false;
  }
  if (a.only || b.only) return satisfiable(intersect(a, b));
  const lo = b.lo ? tighterLo(a.lo, b.lo) : a.lo;
  const hi = b.hi ? tighterHi(a.hi, b.hi) : a.hi;
  if (!lo || !hi || lo.value < hi.value) return true;
  return (lo.value === hi.value && lo.closed && hi.closed) || !(a.numeric || b.numeric);
}

const hasInterval = (d: Domain) => d.lo !== undefined || d.hi !== undefined;

function inInterval(d: Domain, v: unknown): boolean {
  if (!hasInterval(d) && !d.integer) return true;
  if (typeof v !== 'number') return !d.numeric;
  if (d.integer && !Number.isInteger(v)) return false;
  if (d.lo && (v < d.lo.value || (v === d.lo.value && !d.lo.closed))) return false;
  if (d.hi && (v > d.hi.value || (v === d.hi.value && !d.hi.closed))) return false;
  return true;
}

/** The values still allowed when the domain is finite, else undefined. */
export function finiteValues(d: Domain): unknown[] | undefined {
  if (d.only) return [...d.only].filter(([k, v]) => !d.not.has(k) && inInterval(d, v)).map(([, v]) => v);
  if (d.integer && d.lo && d.hi) {
    const lo = d.lo.closed ? Math.ceil(d.lo.value) : Math.floor(d.lo.value) + 1;
    const hi = d.hi.closed ? Math.floor(d.hi.value) : Math.ceil(d.hi.value) - 1;
    if (hi - lo > 1000) return undefined;
    const values: number[] = [];
    for (let n = lo; n <= hi; n++) if (!d.not.has(key(n))) values.push(n);
    return values;
  }
  return undefined;
}

/** Whether some value satisfies every test so far (as `finiteValues` would count, without listing them). */
export function satisfiable(d: Domain): boolean {
  if (d.only) {
    for (const [k, v] of d.only) if (!d.not.has(k) && inInterval(d, v)) return true;
    return false;
  }
  if (d.integer && d.lo && d.hi) {
    const lo = d.lo.closed ? Math.ceil(d.lo.value) : Math.floor(d.lo.value) + 1;
    const hi = d.hi.closed ? Math.floor(d.hi.value) : Math.ceil(d.hi.value) - 1;
    if (hi - lo <= 1000) {
      if (hi - lo + 1 > d.not.size) return true; // more integers than exclusions
      for (let n = lo; n <= hi; n++) if (!d.not.has(key(n))) return true;
      return false;
    }
  }
  if (!hasInterval(d)) return true; // infinitely many values, finitely many excluded
  const { lo, hi } = d;
  if (lo && hi) {
    // An empty interval leaves the non-numbers, where only negated tests made it.
    if (lo.value > hi.value) return !d.numeric;
    if (lo.value === hi.value) return (lo.closed && hi.closed && !d.not.has(key(lo.value))) || !d.numeric;
  }
  return true; // a non-degenerate interval of reals minus finitely many points
}

const fmt = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

/** No number satisfies the interval: only an absent field or a value that is not a number is left. */
export function onlyNonNumbers(d: Domain): boolean {
  const { lo, hi } = d;
  return !!lo && !!hi && (lo.value > hi.value || (lo.value === hi.value && !(lo.closed && hi.closed)));
}

/** The domain in words, for an example gap: `= "fr"`, `in [1, 2]`, `< 0`, `>= 5 and < 10`. */
export function describeDomain(d: Domain): Words {
  const finite = finiteValues(d);
  if (finite) {
    if (finite.length === 1) return words(`= ${fmt(finite[0])}`, `= ${fmt(finite[0])}`);
    const list = `[${finite.map(fmt).join(', ')}]`;
    return words(`parmi ${list}`, `in ${list}`);
  }
  if (onlyNonNumbers(d)) return words('absent ou pas un nombre', 'absent or not a number');
  const parts: Words[] = [];
  if (d.lo) parts.push(words(`${d.lo.closed ? '≥' : '>'} ${d.lo.value}`, `${d.lo.closed ? '>=' : '>'} ${d.lo.value}`));
  if (d.hi) parts.push(words(`${d.hi.closed ? '≤' : '<'} ${d.hi.value}`, `${d.hi.closed ? '<=' : '<'} ${d.hi.value}`));
  if (d.not.size > 0) {
    const list = `[${[...d.not].join(', ')}]`;
    parts.push(words(`hors de ${list}`, `not in ${list}`));
  }
  if (parts.length === 0) return words('toute valeur', 'any value');
  return words(parts.map((p) => p.fr).join(' et '), parts.map((p) => p.en).join(' and '));
}

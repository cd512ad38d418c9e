import type { Engine } from 'json-rules-engine';
import { linearPattern } from './linear-pattern.js';
import { chargeOperatorWork } from './operator-work.js';

const MAX_SUBJECT_LENGTH = 10_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const instants = new Map<string, number>();
// The same dates come back run after run (an invoice date read by several rules): parse each once.
const instant = (value: unknown): number => {
  if (typeof value !== 'string') return Number.NaN;
  if (value.length > 40) return ISO_DATE.test(value) ? Date.parse(value) : Number.NaN; // not worth keeping
  let parsed = instants.get(value);
  if (parsed === undefined) {
    parsed = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
    if (instants.size >= 10_000) instants.clear();
    instants.set(value, parsed);
  }
  return parsed;
};
const compareDates = (test: (a: number, b: number) => boolean) => (factValue: unknown, jsonValue: unknown) => {
  const [a, b] = [instant(factValue), instant(jsonValue)];
  return !Number.isNaN(a) && !Number.isNaN(b) && test(a, b);
};
const dateTests: Record<string, (a: number, b: number) => boolean> = {
  dateBefore: (a, b) => a < b,
  dateAfter: (a, b) => a > b,
  dateOnOrBefore: (a, b) => a <= b,
  dateOnOrAfter: (a, b) => a >= b,
};

/** `{expected, percent?, absolute?}`: the fact is within `percent` % or `absolute` of `expected` (the larger allowance). */
export function withinTolerance(factValue: unknown, jsonValue: unknown): boolean {
  if (typeof factValue !== 'number' || jsonValue === null || typeof jsonValue !== 'object') return false;
  const {
    expected,
    percent = 0,
    absolute = 0,
  } = jsonValue as { expected?: unknown; percent?: number; absolute?: number };
  if (typeof expected !== 'number') return false;
  const allowance = Math.max(Math.abs(expected) * (percent / 100), absolute);
  return Math.abs(factValue - expected) <= allowance + 1e-9;
}

/** Gabarit's operators, `(factValue, jsonValue) => boolean`: the compiled evaluator calls them directly. */
export const GABARIT_OPERATOR_FUNCTIONS: Readonly<Record<string, (factValue: unknown, jsonValue: unknown) => boolean>> =
  Object.freeze({
    matches: (factValue: unknown, jsonValue: unknown) => {
      if (typeof factValue !== 'string' || typeof jsonValue !== 'string' || factValue.length > MAX_SUBJECT_LENGTH)
        return false;
      return linearPattern(jsonValue)?.test(factValue) ?? false;
    },
    dateBefore: compareDates(dateTests['dateBefore']!),
    dateAfter: compareDates(dateTests['dateAfter']!),
    dateOnOrBefore: compareDates(dateTests['dateOnOrBefore']!),
    dateOnOrAfter: compareDates(dateTests['dateOnOrAfter']!),
    withinTolerance,
  });

/**
 * The same operator with its constant right-hand side prepared once (a date parsed, a pattern compiled), or
 * undefined when there is nothing to prepare. Same answers as the plain function on that value.
 */
export function withConstantValue(operator: string, jsonValue: unknown): ((factValue: unknown) => boolean) | undefined {
  const test = Object.hasOwn(dateTests, operator) ? dateTests[operator] : undefined;
  if (test) {
    const b = instant(jsonValue);
    if (Number.isNaN(b)) return () => false;
    return (factValue) => {
      const a = instant(factValue);
      return !Number.isNaN(a) && test(a, b);
    };
  }
  if (operator === 'matches' && typeof jsonValue === 'string') {
    const pattern = linearPattern(jsonValue);
    return (factValue) => {
      if (typeof factValue !== 'string' || factValue.length > MAX_SUBJECT_LENGTH) return false;
      chargeOperatorWork(0, factValue.length); // each condition reads its text again
      return pattern?.test(factValue) ?? false;
    };
  }
  return undefined;
}

/** Registers Gabarit's operators on a json-rules-engine engine (the test oracle), beside its built-ins. */
export function addGabaritOperators(engine: Engine): void {
  for (const [name, fn] of Object.entries(GABARIT_OPERATOR_FUNCTIONS)) engine.addOperator(name, fn);
}

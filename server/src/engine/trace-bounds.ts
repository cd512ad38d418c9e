import type { ConditionTrace, OmittedValue, RuleTrace } from './trace.js';

// How much of its values a decision's traces keep (docs/adr/0009, "Traces of a bounded size").
//
// A trace lists each condition with its value and the fact's value, by reference: cheap to build, but written out
// (an explanation's answer, a decision record, a record read back) each place is written in full. A caller's list
// of 2 000 numbers read by 20 000 conditions (a named condition used fifty times) was 81 MB of JSON, written in
// one synchronous call: seconds of a stalled event loop, and past 512 MB a 500. So a trace keeps small values
// whole and says what a large one was instead of repeating it; the facts themselves are in the record, once.

/**
 * Values of at most this many characters of JSON (numbers, flags, short texts and lists) are always kept: they cost
 * no more than the entry itself, whose number the limits on rules bound (docs/adr/0034).
 */
export const TRACE_SHORT = 64;
/** A value longer than this, written as JSON, is left out of its trace entry (its kind and length are kept). */
export const TRACE_VALUE_MAX_CHARS = 1_024;
/** What one decision's traces keep of the other values in all (characters of JSON); past it, they are left out. */
export const TRACE_VALUES_MAX_CHARS = 64 * 1_024;

/**
 * Bounds the values of one decision's traces, in place: each condition's `value` and `factValue` is kept when it
 * is short, or when it is at most TRACE_VALUE_MAX_CHARS written out and the decision's TRACE_VALUES_MAX_CHARS
 * allow it; otherwise the condition is replaced by one without it, whose `omitted` says what it was. Conditions
 * are visited in order, fired rules first, so what is kept depends on nothing but the decision.
 */
export function boundTraceValues(fired: RuleTrace[], failed: RuleTrace[]): void {
  const state: Weighing = { left: TRACE_VALUES_MAX_CHARS, sizes: undefined };
  for (const traces of [fired, failed])
    for (const rule of traces) {
      const conditions = rule.conditions;
      for (let i = 0; i < conditions.length; i++) {
        const bounded = boundCondition(conditions[i]!, state);
        if (bounded !== undefined) conditions[i] = bounded;
      }
    }
}

interface Weighing {
  /** Characters of larger values the decision's traces may still keep. */
  left: number;
  /** Sizes already weighed, by identity: the same rule value or fact is read by many conditions. */
  sizes: Map<object, number> | undefined;
}

/** Undefined when the condition is kept as it is, else the same condition with its large values left out. */
function boundCondition(condition: ConditionTrace, state: Weighing): ConditionTrace | undefined {
  const valueOut = omission(condition.value, state);
  const factOut = omission(condition.factValue, state);
  if (!valueOut && !factOut) return undefined;
  // A new object rather than `delete`: deleting members leaves every trace entry slow to read and to write out.
  const bounded: Record<string, unknown> = { fact: condition.fact };
  if (condition.path !== undefined) bounded['path'] = condition.path;
  bounded['operator'] = condition.operator;
  if (!valueOut) bounded['value'] = condition.value;
  if (!factOut) bounded['factValue'] = condition.factValue;
  bounded['result'] = condition.result;
  bounded['omitted'] = { ...(valueOut && { value: valueOut }), ...(factOut && { factValue: factOut }) };
  return bounded as unknown as ConditionTrace;
}

/** Undefined when the value is kept (charged to the decision's allowance if not short), else what is said of it. */
function omission(value: unknown, state: Weighing): OmittedValue | undefined {
  if (typeof value !== 'object' || value === null) {
    if (typeof value !== 'string' || value.length <= TRACE_SHORT) return undefined;
    return keep(value.length + 2, state) ? undefined : { type: 'string', length: value.length };
  }
  let size = state.sizes?.get(value);
  if (size === undefined) {
    size = writtenLength(value, TRACE_VALUE_MAX_CHARS);
    (state.sizes ??= new Map()).set(value, size);
  }
  if (size <= TRACE_SHORT || keep(size, state)) return undefined;
  if (Array.isArray(value)) return { type: 'array', length: value.length };
  return { type: 'object', length: Object.keys(value).length };
}

function keep(size: number, state: Weighing): boolean {
  if (size > TRACE_VALUE_MAX_CHARS || size > state.left) return false;
  state.left -= size;
  return true;
}

/**
 * About how many characters `value` takes as JSON, counted only up to `max` (past it, max + 1): the walk stops
 * there, so a list shared by reference thousands of times inside another costs no more than a small one.
 */
export function writtenLength(value: unknown, max: number): number {
  let length = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') length += v.length + 2;
    else if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) {
        length += 1 + v.length;
        for (let i = v.length - 1; i >= 0 && length <= max; i--) stack.push(v[i]);
      } else {
        length += 1;
        for (const key in v) {
          length += key.length + 4;
          stack.push((v as Record<string, unknown>)[key]);
          if (length > max) break;
        }
      }
    } else length += 5; // a number, a boolean or null: a few characters each
    if (length > max) return max + 1;
  }
  return length;
}

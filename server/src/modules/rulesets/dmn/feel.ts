import { integerReadsAsWritten } from '../../../common/json/long-integers.js';
import { isReservedName } from '../../../common/json/reserved-names.js';
import { MAX_JSON_DEPTH } from '../../../common/http/json-body-parser.js';
import { isWellFormed } from '../../../common/text/well-formed.js';
/**
 * The part of FEEL (DMN 1.3's expression language) a decision table cell maps to, both ways: unary tests for
 * input entries (`"a","b"`, `< 10`, `not("x")`, `-`; on import a range `[1..5]`, as its two ends) and literal
 * values for output entries (strings, numbers, booleans, null, lists, contexts). What has no exact counterpart
 * among our operators is refused, never approximated (docs/adr/0027-dmn-exchange.md).
 */

export interface Cell {
  operator: string;
  value: unknown;
}

type Scalar = string | number | boolean | null;

const COMPARISONS: Record<string, string> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};
const BY_SYMBOL = Object.fromEntries(Object.entries(COMPARISONS).map(([op, symbol]) => [symbol, op]));

// ---------------------------------------------------------------------------------------------- writing FEEL

/**
 * A FEEL string literal: the escapes FEEL 1.3 knows, control characters as \u, and the characters XML cannot carry
 * at all (U+FFFE, U+FFFF, a lone surrogate) as \u too: written as they were, the file was not XML.
 */
export function feelString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff))
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A FEEL number literal: FEEL 1.3 has no exponent, so 1e21 is written out in full (and reads back the same). */
export function feelNumber(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, head, tail = '', exp] = match;
  const digits = head! + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

function scalar(value: Scalar): string {
  if (typeof value === 'string') return feelString(value);
  if (typeof value === 'number') return feelNumber(value);
  return String(value);
}

/** Any JSON value as a FEEL literal expression: objects become contexts, arrays lists. */
export function feelValue(value: unknown): string {
  if (isScalar(value)) return scalar(value);
  if (Array.isArray(value)) return `[${value.map(feelValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${feelString(k)}: ${feelValue(v)}`)
      .join(', ')}}`;
  throw new Error(`no FEEL literal for ${typeof value}`);
}

/** A cell as FEEL unary tests, or why it has none. */
export function cellToUnaryTests(cell: Cell): { text: string } | { error: string } {
  let operator = cell.operator;
  const negated = operator.startsWith('not:');
  if (negated) operator = operator.slice(4);
  if (operator.includes(':'))
    return { error: `operator ${cell.operator}: decorators other than not: have no FEEL unary test` };
  const value = cell.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return { error: `compares with another fact (${JSON.stringify(value)}), which a FEEL unary test cannot name here` };
  let positive: string;
  switch (operator) {
    case 'equal':
    case 'notEqual':
      if (!isScalar(value)) return { error: `${operator} with a list or object value has no FEEL unary test` };
      positive = scalar(value);
      break;
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || value.length === 0 || !value.every(isScalar))
        return { error: `${operator} needs a non-empty list of strings, numbers, booleans or null to map to FEEL` };
      positive = value.map(scalar).join(', ');
      break;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { error: `${operator} compares numbers; FEEL would compare ${JSON.stringify(value)} otherwise` };
      positive = `${COMPARISONS[operator]} ${feelNumber(value)}`;
      break;
    default:
      return { error: `operator ${operator} has no FEEL unary-test equivalent` };
  }
  const inner = operator === 'notEqual' || operator === 'notIn';
  if (negated && inner) return { error: `operator ${cell.operator} (a double negation) is not exported` };
  return { text: negated || inner ? `not(${positive})` : positive };
}

// ---------------------------------------------------------------------------------------------- reading FEEL

/**
 * Why a FEEL text is not read: `reason` and `params` let the console word it in its language (the DMN import's
 * refusal details carry them); `message` is the English.
 */
class FeelSyntaxError extends Error {
  constructor(
    message: string,
    readonly reason: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A FEEL text that is not read: the English, and the reason and values to word it by. */
export interface FeelProblem {
  error: string;
  reason: string;
  params: Record<string, unknown>;
}

const feelProblem = (error: string, reason: string, params: Record<string, unknown> = {}): FeelProblem => ({
  error,
  reason,
  params,
});

const problemOf = (err: unknown): FeelProblem =>
  err instanceof FeelSyntaxError
    ? feelProblem(err.message, err.reason, err.params)
    : feelProblem(String(err), 'other', { message: String(err) });

/**
 * How deep a list or context in an entry may nest: a guard for the reader's own recursion, which overflowed the
 * stack at a few thousand levels. What the rule set may hold is decided where every content is checked
 * (validateRulesetContent, 64 levels as a JSON body): an exported table always reads back.
 */
const MAX_VALUE_DEPTH = MAX_JSON_DEPTH;

const NUMBER = /^-?\s*(\d+(\.\d+)?|\.\d+)(?![\w.])/;
const NUMBER_BEFORE_RANGE = /^-?\s*(\d+(\.\d+)?|\.\d+)(?!\w|\.(?!\.))/;

/** A small reader over one FEEL text: literals, lists, contexts and the unary-test forms we map. */
class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  peek(s: string): boolean {
    this.skip();
    return this.text.startsWith(s, this.pos);
  }
  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }
  expect(s: string): void {
    if (!this.eat(s))
      throw new FeelSyntaxError(`expected ${s} at character ${this.pos + 1}`, 'expected', {
        expected: s,
        at: this.pos + 1,
      });
  }
  atEnd(): boolean {
    this.skip();
    return this.pos >= this.text.length;
  }

  string(): string {
    this.expect('"');
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++]!;
      if (ch === '"') {
        // `"\uD800"` alone: a text every JSON body refuses, which the draft could then never be saved back as.
        if (!isWellFormed(out))
          throw new FeelSyntaxError('a string holds half of a character (an unpaired surrogate)', 'lone_surrogate');
        return out;
      }
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.text[this.pos++];
      if (esc === 'n') out += '\n';
      else if (esc === 'r') out += '\r';
      else if (esc === 't') out += '\t';
      else if (esc === '"' || esc === '\\' || esc === "'") out += esc;
      else if (esc === 'u' && /^[0-9a-fA-F]{4}/.test(this.text.slice(this.pos))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else if (esc === 'U' && /^[0-9a-fA-F]{6}/.test(this.text.slice(this.pos))) {
        out += String.fromCodePoint(parseInt(this.text.slice(this.pos, this.pos + 6), 16));
        this.pos += 6;
      } else
        throw new FeelSyntaxError(`unknown escape \\${esc ?? ''} in a string`, 'escape', { escape: `\\${esc ?? ''}` });
    }
    throw new FeelSyntaxError('a string is not closed', 'unclosed_string');
  }

  /** A number; `beforeRange` lets `..` follow it, as the low end of `[1..5]`. */
  number(beforeRange = false): number | undefined {
    this.skip();
    const match = (beforeRange ? NUMBER_BEFORE_RANGE : NUMBER).exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    const written = match[0].replace(/\s/g, '');
    // An identifier of 19 digits would be compared as another number: refused, as JSON bodies and CSV cells are.
    if (/^-?\d{16,}$/.test(written) && !integerReadsAsWritten(written))
      throw new FeelSyntaxError(
        `the whole number ${written} has more digits than a number keeps exactly`,
        'inexact_number',
        { number: written },
      );
    const number = Number(written);
    // 400 digits make Infinity, which JSON writes as null: `< 9…9` became `lessThan null`, matching nothing.
    if (!Number.isFinite(number))
      throw new FeelSyntaxError(`the number ${written.slice(0, 20)}… is too large for a number`, 'inexact_number', {
        number: `${written.slice(0, 20)}…`,
      });
    return number;
  }

  /** A literal value: string, number, boolean, null, list, context. */
  value(level = 1): unknown {
    this.skip();
    if (level > MAX_VALUE_DEPTH && (this.peek('[') || this.peek('{')))
      throw new FeelSyntaxError(`a value nests more than ${MAX_VALUE_DEPTH} levels deep`, 'too_deep', {
        max: MAX_VALUE_DEPTH,
      });
    if (this.peek('"')) return this.string();
    if (this.eat('[')) {
      const items: unknown[] = [];
      if (!this.eat(']')) {
        do items.push(this.value(level + 1));
        while (this.eat(','));
        this.expect(']');
      }
      return items;
    }
    if (this.eat('{')) {
      const context: Record<string, unknown> = {};
      if (!this.eat('}')) {
        do {
          this.skip();
          const key = this.peek('"') ? this.string() : this.name();
          // Assigned to a plain object, `__proto__` set its prototype and was dropped without a word.
          if (isReservedName(key))
            throw new FeelSyntaxError(
              `a context key "${key}" names no data (it reaches into JavaScript's objects)`,
              'reserved_key',
              {
                key,
              },
            );
          this.expect(':');
          context[key] = this.value(level + 1);
        } while (this.eat(','));
        this.expect('}');
      }
      return context;
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const)
      if (new RegExp(`^${word}(?![\\w.])`).test(this.text.slice(this.pos))) {
        this.pos += word.length;
        return v;
      }
    const n = this.number();
    if (n !== undefined) return n;
    throw new FeelSyntaxError(`not a literal value at character ${this.pos + 1}`, 'not_literal', { at: this.pos + 1 });
  }

  name(): string {
    this.skip();
    const match = /^[A-Za-z_$?][A-Za-z0-9_$?]*/.exec(this.text.slice(this.pos));
    if (!match)
      throw new FeelSyntaxError(`expected a name at character ${this.pos + 1}`, 'expected_name', { at: this.pos + 1 });
    this.pos += match[0].length;
    return match[0];
  }
}

/** A FEEL literal expression (an output entry) as JSON; `error` when it is anything else. */
export function parseFeelValue(text: string): { value: unknown } | FeelProblem {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    if (!reader.atEnd())
      return feelProblem('only a literal value (string, number, boolean, null, list, context) maps', 'only_literal');
    return { value };
  } catch (err) {
    if (!(err instanceof FeelSyntaxError)) return problemOf(err);
    // A literal too deep is not a syntax error: « only literal values map » would send the analyst looking for one.
    if (err.reason === 'too_deep') return feelProblem(err.message, err.reason, err.params);
    return feelProblem(`${err.message}; only literal values map`, err.reason, { ...err.params, literalOnly: true });
  }
}

type PositiveTest =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'compare'; operator: string; value: number }
  | { kind: 'range'; low: Cell; high: Cell };

/**
 * A FEEL range of numbers, `[1000..10000)`: each end inclusive with a square bracket turned inwards, exclusive
 * with a parenthesis or a bracket turned outwards (`]1000..10000[`). Its two ends are two comparisons.
 */
function range(reader: Reader): PositiveTest {
  const opening = reader.text[reader.pos]!;
  reader.pos++;
  const low = reader.number(true);
  const dots = low !== undefined && reader.eat('..');
  const high = dots ? reader.number() : undefined;
  if (low === undefined || high === undefined)
    throw new FeelSyntaxError('a range ([a..b]) maps only with a number at each end', 'range_numbers');
  reader.skip();
  const closing = reader.text[reader.pos];
  if (closing !== ']' && closing !== ')' && closing !== '[')
    throw new FeelSyntaxError(`expected ], ) or [ at character ${reader.pos + 1}`, 'expected', {
      expected: ']',
      at: reader.pos + 1,
    });
  reader.pos++;
  return {
    kind: 'range',
    low: { operator: opening === '[' ? 'greaterThanInclusive' : 'greaterThan', value: low },
    high: { operator: closing === ']' ? 'lessThanInclusive' : 'lessThan', value: high },
  };
}

function positiveTests(reader: Reader): PositiveTest[] {
  const tests: PositiveTest[] = [];
  do {
    reader.skip();
    if (reader.peek('[') || reader.peek('(') || reader.peek(']')) {
      tests.push(range(reader));
      continue;
    }
    const symbol = ['<=', '>=', '<', '>'].find((s) => reader.peek(s));
    if (symbol) {
      reader.eat(symbol);
      const n = reader.number();
      if (n === undefined) throw new FeelSyntaxError(`${symbol} maps only with a number`, 'number_only', { symbol });
      tests.push({ kind: 'compare', operator: BY_SYMBOL[symbol]!, value: n });
    } else {
      const value = reader.value();
      if (!isScalar(value)) throw new FeelSyntaxError('a list or context is not a unary test we map', 'list_not_test');
      tests.push({ kind: 'literal', value });
    }
  } while (reader.eat(','));
  return tests;
}

/**
 * FEEL unary tests as a cell: `null` for `-` (the row does not constrain the column). Each form has one
 * reading; `hint` (an operator our export wrote beside the text) picks among equivalent ones, so `in ["a"]`
 * and `notIn ["a"]` survive a round trip. A hint that does not fit the text is ignored. A range alone is two
 * cells: its low end as `cell`, its high end as `upper`, for a second column on the same fact (ADR 0027).
 */
export function unaryTestsToCell(text: string, hint?: string): { cell: Cell | null; upper?: Cell } | FeelProblem {
  const trimmed = text.trim();
  if (trimmed === '-' || trimmed === '') return { cell: null };
  const reader = new Reader(trimmed);
  try {
    let negated = false;
    if (/^not\s*\(/.test(trimmed)) {
      negated = true;
      reader.eat('not');
      reader.expect('(');
    }
    const tests = positiveTests(reader);
    if (negated) reader.expect(')');
    if (!reader.atEnd())
      throw new FeelSyntaxError(`unexpected text at character ${reader.pos + 1}`, 'unexpected_text', {
        at: reader.pos + 1,
      });
    const ranges = tests.filter((t) => t.kind === 'range');
    if (ranges.length > 0) {
      if (negated || tests.length > 1)
        throw new FeelSyntaxError(
          'a range maps alone in its cell; negated or listed with other tests it is an "or" of comparisons',
          'range',
        );
      return { cell: ranges[0]!.low, upper: ranges[0]!.high };
    }
    let cell: Cell;
    if (tests.length === 1 && tests[0]!.kind === 'compare')
      cell = { operator: (negated ? 'not:' : '') + tests[0]!.operator, value: tests[0]!.value };
    else if (tests.every((t) => t.kind === 'literal')) {
      const values = tests.map((t) => t.value);
      cell =
        values.length === 1
          ? { operator: negated ? 'notEqual' : 'equal', value: values[0] }
          : { operator: negated ? 'notIn' : 'in', value: values };
    } else
      throw new FeelSyntaxError('a list of comparisons (an "or" of ranges) has no single Gabarit operator', 'or_list');
    return { cell: hint ? withHint(cell, hint) : cell };
  } catch (err) {
    return problemOf(err);
  }
}

/** The same test written with the operator the hint names, when that is an equivalent form. */
function withHint(cell: Cell, hint: string): Cell {
  const list = Array.isArray(cell.value) ? cell.value : [cell.value];
  const alternatives: Record<string, Record<string, unknown>> = {
    equal: { in: [cell.value] },
    notEqual: { notIn: [cell.value], 'not:equal': cell.value, 'not:in': [cell.value] },
    notIn: { 'not:in': list },
  };
  const value = alternatives[cell.operator]?.[hint];
  return value === undefined ? cell : { operator: hint, value };
}

import { findFact, isDerived, isUncheckedPath, type FactOption } from './fact-paths';
import type { RuleVocabulary } from './vocabulary';
import { getAt, setAt, removeAt, type Pointer } from './json-pointer';
import { MAX_PATTERN_LENGTH } from '../../../../server/src/engine/pattern-limits';

/** json-rules-engine conditions as stored in a rule set (other keys, like `name`, are kept untouched). */
export interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  [other: string]: unknown;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | { condition: string } | Leaf;
export type GroupKind = 'all' | 'any';
export type NodeKind = GroupKind | 'not' | 'condition' | 'leaf';

export function kindOf(node: unknown): NodeKind | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  if ('condition' in node) return 'condition';
  if ('fact' in node || 'operator' in node) return 'leaf';
  return undefined;
}

/** An operator with its decorators split off: not:withinTolerance → {decorators: ['not'], base: 'withinTolerance'}. */
export function splitOperator(operator: string): { decorators: string[]; base: string } {
  const parts = operator.split(':');
  return { decorators: parts.slice(0, -1), base: parts[parts.length - 1] ?? '' };
}

export function isKnownOperator(operator: string, vocabulary: RuleVocabulary): boolean {
  const { decorators, base } = splitOperator(operator);
  return vocabulary.operators.includes(base) && decorators.every((d) => vocabulary.decorators.includes(d));
}

const NUMERIC_COMPARISONS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * The type a condition's value box reads: the fact's, from the input schema; for a fact of unknown type (computed
 * or looked up), a number when the operator compares numbers, as the server's analysis requires (« abc » as a
 * threshold never holds). Decorated operators compare something else (each item, a fact's other forms): no type.
 */
export function valueTypeFor(factType: string | undefined, operator: string | undefined): string | undefined {
  if (takesList(operator)) return `list:${factType ?? ''}`;
  if (factType !== undefined) return factType;
  return NUMERIC_COMPARISONS.has(operator ?? '') ? 'number' : undefined;
}

/**
 * `in` and `notIn` (negated or not) compare the fact with a list. Given a text, json-rules-engine looks for the
 * fact inside it: « director » is in « director, executive_director », and so is « direct ».
 */
export function takesList(operator: string | undefined): boolean {
  const { decorators, base } = splitOperator(operator ?? '');
  return (base === 'in' || base === 'notIn') && decorators.every((d) => d === 'not');
}

/** Whether the operator compares the fact with one value of its own kind (equal, notEqual), undecorated. */
export function comparesOneValue(operator: string | undefined): boolean {
  return operator === 'equal' || operator === 'notEqual';
}

/** What the builder shows in a value box: strings as typed, anything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Reads a value box by the fact's type: a number field wants a number, a string field takes the text as is, and
 * lists, objects ({"fact": "x"} compares with another fact), booleans and null are JSON.
 */
export function parseValue(text: string, type?: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'value_required' };
  if (type?.startsWith('list:')) return parseList(trimmed, type.slice('list:'.length) || undefined);
  if (type === 'number' || type === 'integer') {
    const written = frenchNumber(trimmed);
    if (written === 'ambiguous') return { error: 'value_number_ambiguous' };
    if (written !== undefined) return parseValue(written, type);
  }
  if (type === 'string' && !/^[[{"]/.test(trimmed)) return { value: text };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (type === 'number' && typeof value !== 'number' && (typeof value !== 'object' || value === null))
      return { error: 'value_number' };
    if (type === 'integer' && !Number.isInteger(value) && (typeof value !== 'object' || value === null))
      return { error: 'value_number' };
    return { value };
  } catch {
    if (type === 'number' || type === 'integer') return { error: 'value_number' };
    if (type === 'boolean') return { error: 'value_boolean' };
    return { value: text };
  }
}

export interface ConditionProblem {
  /** JSON Pointer of the problem, relative to the condition root. */
  path: string;
  /** An i18n key under gabarit.editors.problems. */
  problem: string;
  args?: Record<string, string>;
}

interface Context {
  facts: FactOption[];
  namedConditions: string[];
  vocabulary: RuleVocabulary;
}

/** What is wrong in a condition tree, each at its place, so the builder marks the field while the analyst types. */
export function checkCondition(node: unknown, context: Context, at = ''): ConditionProblem[] {
  const kind = kindOf(node);
  if (!kind) return [{ path: at || '/', problem: 'not_a_condition' }];
  const n = node as Record<string, unknown>;
  if (kind === 'all' || kind === 'any') {
    const children = n[kind];
    if (!Array.isArray(children)) return [{ path: `${at}/${kind}`, problem: 'group_not_list' }];
    if (children.length === 0) return [{ path: `${at}/${kind}`, problem: 'group_empty' }];
    return children.flatMap((child, i) => checkCondition(child, context, `${at}/${kind}/${i}`));
  }
  if (kind === 'not') return checkCondition(n['not'], context, `${at}/not`);
  if (kind === 'condition') {
    return context.namedConditions.includes(String(n['condition']))
      ? []
      : [{ path: `${at}/condition`, problem: 'unknown_condition', args: { name: String(n['condition']) } }];
  }
  const problems: ConditionProblem[] = [];
  const fact = typeof n['fact'] === 'string' ? n['fact'] : '';
  if (!fact) problems.push({ path: `${at}/fact`, problem: 'fact_required' });
  else if (!context.facts.some((f) => f.fact === fact))
    problems.push({ path: `${at}/fact`, problem: 'unknown_fact', args: { fact } });
  else if (
    n['path'] !== undefined &&
    !isDerived(context.facts, fact) &&
    !findFact(context.facts, fact, String(n['path'])) &&
    !isUncheckedPath(context.facts, fact, String(n['path']))
  )
    problems.push({ path: `${at}/path`, problem: 'unknown_path', args: { path: String(n['path']) } });
  const operator = typeof n['operator'] === 'string' ? n['operator'] : '';
  if (!isKnownOperator(operator, context.vocabulary))
    problems.push({ path: `${at}/operator`, problem: 'unknown_operator', args: { operator } });
  if (!('value' in n)) problems.push({ path: `${at}/value`, problem: 'value_required' });
  const pattern = matchesPatternProblem(operator, n['value']);
  if (pattern) problems.push({ path: `${at}/value`, problem: pattern });
  return problems;
}

/**
 * Why a `matches` value (`not:matches` too) is no pattern Gabarit runs, as far as the browser can tell: too long, a
 * construct RE2 does not have (lookarounds, backreferences), or not a regular expression at all. It had been found
 * on save only, in RE2's English (a console review). The server's RE2 still decides, on save.
 */
export function matchesPatternProblem(operator: string, value: unknown): string | undefined {
  if (!operator.endsWith('matches') || typeof value !== 'string') return undefined;
  if (value.length > MAX_PATTERN_LENGTH) return 'pattern_too_long';
  if (/\\(?:[1-9]|k<)|\(\?<?[=!]/.test(value)) return 'pattern_unsupported';
  try {
    // RE2's own forms JavaScript does not read (flags `(?i)`, `(?i:…)`, named groups `(?P<n>…)`) are set aside, and
    // the pattern read without `u`, where `\-`, `\pL` and `[[:alpha:]]` are text: the check had called them invalid.
    new RegExp(
      value
        .replace(/\(\?[imsU]+\)/g, '')
        .replace(/\(\?[imsU-]+:/g, '(?:')
        .replace(/\(\?P</g, '(?<'),
    );
  } catch {
    return 'pattern_invalid';
  }
  return undefined;
}

export function newLeaf(facts: FactOption[]): Leaf {
  const first = facts.find((f) => f.path || f.source !== 'input') ?? facts[0];
  return { fact: first?.fact ?? '', ...(first?.path ? { path: first.path } : {}), operator: 'equal', value: '' };
}

/** Adds a child (a leaf, a nested group or a reference to a named condition) at the end of the group at path. */
export function addChild(root: Condition, groupPath: Pointer, child: Condition): Condition {
  const group = getAt(root, groupPath) as Record<string, Condition[]>;
  const kind = 'all' in group ? 'all' : 'any';
  return setAt(root, [...groupPath, kind], [...group[kind]!, child]);
}

/** Turns an all-group into an any-group or back, keeping its children. */
export function switchGroup(root: Condition, groupPath: Pointer, to: GroupKind): Condition {
  const group = getAt(root, groupPath) as Record<string, unknown>;
  const from = 'all' in group ? 'all' : 'any';
  if (from === to) return root;
  const { [from]: children, ...rest } = group;
  return setAt(root, groupPath, { ...rest, [to]: children });
}

/** Wraps the node at path in a `not`, or unwraps a `not` back to its child. */
export function toggleNot(root: Condition, path: Pointer): Condition {
  const node = getAt(root, path) as Record<string, unknown>;
  return setAt(root, path, 'not' in node ? node['not'] : { not: node });
}

/** Removes the node at path from its group (the root itself cannot be removed). */
export function removeNode(root: Condition, path: Pointer): Condition {
  return path.length === 0 ? root : removeAt(root, path);
}

/**
 * A list as JSON (`["a", "b"]`, or `{"fact": …}` to compare with another fact), or as items separated by commas
 * or semicolons, each read by the fact's type (« director, executive_director », « 10; 20 »).
 */
function parseList(text: string, itemType: string | undefined): { value: unknown } | { error: string } {
  if (/^[[{]/.test(text)) {
    const read = parseValue(text);
    const value = 'value' in read ? read.value : undefined;
    const list = Array.isArray(value) || (value !== null && typeof value === 'object' && 'fact' in value);
    return list ? { value } : { error: 'value_list' };
  }
  const items: unknown[] = [];
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === '') continue;
    const item = parseValue(part.trim(), itemType);
    if ('error' in item) return item;
    items.push(item.value);
  }
  return items.length > 0 ? { value: items } : { error: 'value_required' };
}

/**
 * A number written the French way (« 12,5 », « 1 000,50 », spaces between thousands) as JSON reads it, or undefined
 * when it is not written so. « 1,500 » reads as 1500 in English and 1,5 in French: it is refused as ambiguous.
 */
function frenchNumber(text: string): string | 'ambiguous' | undefined {
  if (/^-?\d{1,3},\d{3}$/.test(text)) return 'ambiguous';
  const grouped = /^-?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?$/.test(text);
  if (!grouped && !/^-?\d+,\d+$/.test(text)) return undefined;
  return text.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
}

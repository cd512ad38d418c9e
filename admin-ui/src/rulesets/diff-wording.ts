import { diffWordsWithSpace } from 'diff';
import type { ResponseOf } from '../api/types';
import { outcomeWords } from '../common/outcomes';
import { factLabel } from './editor/fact-paths';

/** One change between two rule-set versions as the API gives it. */
export type RulesetChange = ResponseOf<'/api/v1/rulesets/{key}/diff', 'get'>['changes'][number];

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The field inside the entity that changed ("cells/total/value"), read from the API's summary; empty for the whole entity. */
function fieldOf(change: RulesetChange): string {
  const match = /^\S+ "[^"]*" ([^:]+): /.exec(change.summary);
  return match?.[1] ?? '';
}

/**
 * A change in the console's language: the API's summaries are English, so the sentence is rebuilt from the
 * change's parts (entity, id, field, values), keeping the values exactly as stored.
 */
export function wordChange(change: RulesetChange, translate: Translate): string {
  const entity = translate(`gabarit.diff.entities.${change.entity}`, { _: change.entity });
  // The input schema and the settings are one object each: their changes are named by the field's path alone.
  const wholeObject = change.entity === 'inputSchema' || change.entity === 'setting';
  const subject =
    change.entity === 'hitPolicy' || wholeObject ? entity : translate('gabarit.diff.named', { entity, id: change.id });
  if (change.kind === 'moved')
    return translate('gabarit.diff.moved', { subject, before: change.before, after: change.after });
  const field = wholeObject ? change.id.replaceAll('.', '/') : fieldOf(change);
  if (!field && change.kind !== 'changed') return translate(`gabarit.diff.whole_${change.kind}`, { subject });
  if (!field)
    return translate('gabarit.diff.value_changed', {
      subject,
      before: valueWords(change.before, translate),
      after: valueWords(change.after, translate),
    });
  // An operator changed is said as the editor says it (« est égal à → fait partie de »), not as its code.
  const show = (value: unknown) =>
    typeof value !== 'string'
      ? valueWords(value, translate)
      : field.endsWith('operator')
        ? operatorWords(value, translate)
        : /(^|\/)(event|outcome)\/type$/.test(field)
          ? outcomeWords(value, translate) // a decision: « Transmise à un membre du personnel pour examen »
          : value;
  return translate('gabarit.diff.field_changed', {
    subject,
    // The API names fields in English (« priority »): each part the console knows is said in its language.
    field: fieldWords(field, translate),
    before: show(change.before),
    after: show(change.after),
  });
}

/** A part of a long text that changed in place: kept, removed or added. */
export interface TextPart {
  text: string;
  kind: 'same' | 'removed' | 'added';
}

/** Texts longer than this are compared word by word rather than shown whole, twice. */
const LONG_TEXT = 40;
/** Unchanged text kept on each side of a change; the rest is said as « … ». */
const CONTEXT = 24;

/**
 * A long text changed in place (a computed fact's expression, an explanation): its heading, then only the words
 * that changed with a little text around them. Shown whole, twice, a map of fifteen parameters where one number
 * moved had to be compared by eye. Undefined for any other change.
 */
export function textChange(
  change: RulesetChange,
  translate: Translate,
): { heading: string; parts: TextPart[] } | undefined {
  const { before, after } = change;
  if (change.kind !== 'changed' || typeof before !== 'string' || typeof after !== 'string') return undefined;
  if (Math.max(before.length, after.length) <= LONG_TEXT) return undefined;
  const entity = translate(`gabarit.diff.entities.${change.entity}`, { _: change.entity });
  const wholeObject = change.entity === 'inputSchema' || change.entity === 'setting';
  const subject = wholeObject ? entity : translate('gabarit.diff.named', { entity, id: change.id });
  const field = wholeObject ? change.id.replaceAll('.', '/') : fieldOf(change);
  const heading = field
    ? translate('gabarit.diff.text_changed', { subject, field: fieldWords(field, translate) })
    : translate('gabarit.diff.text_changed_whole', { subject });
  const pieces = diffWordsWithSpace(before, after);
  const parts = pieces.map((piece, i): TextPart => {
    const kind = piece.added ? 'added' : piece.removed ? 'removed' : 'same';
    if (kind !== 'same' || piece.value.length <= 2 * CONTEXT + 3) return { text: piece.value, kind };
    const first = i === 0;
    const last = i === pieces.length - 1;
    const head = first ? '' : piece.value.slice(0, CONTEXT);
    const tail = last ? '' : piece.value.slice(-CONTEXT);
    return { text: `${head}…${tail}`, kind };
  });
  return { heading, parts };
}

/**
 * A field's path in words: the API names fields in English (« priority »), each part the console knows is said in
 * its language, and an item of a list is counted from 1 as the editor counts it: `branches/0/label` reads
 * « branche 1 › libellé », not « branches › 0 › libellé ».
 */
export function fieldWords(field: string, translate: Translate): string {
  const words: string[] = [];
  const parts = field.split('/');
  parts.forEach((part, i) => {
    const list = parts[i - 1];
    if (/^\d+$/.test(part) && list !== undefined) {
      words.pop();
      words.push(translate(`gabarit.diff.items.${list}`, { n: Number(part) + 1, _: `${list} ${Number(part) + 1}` }));
    } else words.push(translate(`gabarit.diff.fields.${part}`, { _: part }));
  });
  return words.join(' › ');
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A value of the diff in words where it has a shape the editors show in words: a condition (« invoice.total est
 * supérieur ou égal à 100 »), a group, a named condition, a table cell, a decision, a tree branch. Texts are
 * shown as they are; anything else stays JSON, exactly as stored.
 */
export function valueWords(value: unknown, translate: Translate): string {
  if (value === undefined) return '∅';
  if (typeof value === 'string') return value;
  if (!isObject(value)) return JSON.stringify(value);
  const words = (v: unknown) => valueWords(v, translate);
  if (typeof value['fact'] === 'string' && typeof value['operator'] === 'string')
    return `${factName(value)} ${operatorWords(value['operator'], translate)} ${operandWords(value['value'], translate)}`;
  for (const kind of ['all', 'any'] as const) {
    const children = value[kind];
    if (Array.isArray(children))
      return translate(`gabarit.diff.group_${kind}`, { conditions: children.map(words).join(' ; ') });
  }
  if (isObject(value['not'])) return translate('gabarit.diff.negation', { condition: words(value['not']) });
  if (typeof value['condition'] === 'string')
    return translate('gabarit.diff.named_condition', { name: value['condition'] });
  if (typeof value['operator'] === 'string' && 'value' in value)
    return `${operatorWords(value['operator'], translate)} ${operandWords(value['value'], translate)}`;
  if (typeof value['type'] === 'string' && Object.keys(value).every((k) => k === 'type' || k === 'params'))
    return [outcomeWords(value['type'], translate), ...(value['params'] ? [JSON.stringify(value['params'])] : [])].join(
      ' ',
    );
  if ('when' in value && typeof value['node'] === 'string')
    return translate('gabarit.diff.branch', {
      label: typeof value['label'] === 'string' ? value['label'] : '—',
      when: words(value['when']),
      node: value['node'],
    });
  return JSON.stringify(value);
}

/** A condition's fact and path, named as the editors name them (see factLabel). */
export function factName(leaf: Json): string {
  return factLabel(String(leaf['fact']), typeof leaf['path'] === 'string' ? leaf['path'] : undefined);
}

/** An operator as the editors name it (« est supérieur à »), a negated one as NON (…), an unknown one as its code. */
export function operatorWords(operator: string, translate: Translate): string {
  const parts = operator.split(':');
  const base = parts.pop() ?? operator;
  const worded = translate(`gabarit.editors.operators.${base}`, { _: base });
  return parts.reduceRight(
    (inner, decorator) =>
      decorator === 'not' ? translate('gabarit.diff.negation', { condition: inner }) : `${decorator}:${inner}`,
    worded,
  );
}

/** What a condition compares with: another fact's value, a list, a text in quotes, or a number as written. */
function operandWords(value: unknown, translate: Translate): string {
  if (isObject(value) && typeof value['fact'] === 'string')
    return translate('gabarit.diff.fact_ref', { fact: factName(value) });
  if (Array.isArray(value)) return value.map((v) => operandWords(v, translate)).join(', ');
  if (typeof value === 'string') return `« ${value} »`;
  return JSON.stringify(value);
}

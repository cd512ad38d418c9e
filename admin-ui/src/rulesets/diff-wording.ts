import type { ResponseOf } from '../api/types';

/** One change between two rule-set versions as the API gives it. */
export type RulesetChange = ResponseOf<'/api/v1/rulesets/{key}/diff', 'get'>['changes'][number];

type Translate = (key: string, options?: Record<string, unknown>) => string;

const show = (value: unknown) =>
  value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value);

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
    return translate('gabarit.diff.value_changed', { subject, before: show(change.before), after: show(change.after) });
  return translate('gabarit.diff.field_changed', {
    subject,
    // The API names fields in English (« priority »): each part the console knows is said in its language.
    field: fieldWords(field, translate),
    before: show(change.before),
    after: show(change.after),
  });
}

/**
 * A field's path in words: the API names fields in English (« priority »), each part the console knows is said in
 * its language, and an item of a list is counted from 1 as the editor counts it: `branches/0/label` reads
 * « branche 1 › libellé », not « branches › 0 › libellé ».
 */
function fieldWords(field: string, translate: Translate): string {
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

import diff from 'microdiff';

/** One difference between two versions of a draft, as a readable path and its values. */
export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const KINDS = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/** What someone else changed between the draft this editor started from and the draft saved now. */
export function changesBetween(before: object, after: object): Change[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((d) => ({
    path: `/${d.path.join('/')}`,
    kind: KINDS[d.type],
    ...('oldValue' in d ? { before: d.oldValue } : {}),
    ...('value' in d ? { after: d.value } : {}),
  }));
}

/** Characters kept on each side of what changed in a long text. */
const CONTEXT = 30;
/** The most of a value the dialog shows. */
const SHOWN = 200;

/**
 * A change's two values as the dialog shows them: a long text that changed in place is cut to what changed, with
 * a little text around it (« …avant la conclusion du contrat… »); cut at its first 200 characters, a sentence
 * changed at its end looked the same on both sides. Anything else as JSON, at most 200 characters.
 */
export function shownValues({ before, after }: Change): [string, string] {
  const json = (value: unknown) => (value === undefined ? '∅' : JSON.stringify(value).slice(0, SHOWN));
  if (typeof before !== 'string' || typeof after !== 'string' || Math.max(before.length, after.length) <= SHOWN / 2)
    return [json(before), json(after)];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const excerpt = (text: string) => {
    // At word boundaries: « …isie. » read as a typo.
    const from = start <= CONTEXT ? 0 : text.lastIndexOf(' ', start - CONTEXT) + 1;
    const next = text.indexOf(' ', text.length - end + CONTEXT);
    const to = next < 0 ? text.length : next;
    const cut = text.slice(from, to);
    return `${from > 0 ? '…' : ''}${cut.length > SHOWN ? `${cut.slice(0, SHOWN)}…` : cut}${to < text.length ? '…' : ''}`;
  };
  return [excerpt(before), excerpt(after)];
}

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

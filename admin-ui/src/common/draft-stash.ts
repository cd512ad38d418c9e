/**
 * Unsaved edits kept in the browser while the analyst works, so an expired session, a closed tab or a crash loses
 * nothing: the editor offers them back on the next visit, until they are saved or discarded.
 */
export interface StashedEdit<T> {
  content: T;
  /** The ETag of the draft the edit started from, to tell whether someone else changed it since. */
  baseEtag: string;
  savedAt: string;
}

const keyOf = (resource: string, key: string) => `gabarit.unsaved.${resource}.${key}`;

export function stashEdit<T>(
  resource: string,
  key: string,
  edit: Omit<StashedEdit<T>, 'savedAt'>,
  now = new Date(),
): void {
  localStorage.setItem(keyOf(resource, key), JSON.stringify({ ...edit, savedAt: now.toISOString() }));
}

export function readStash<T>(resource: string, key: string): StashedEdit<T> | undefined {
  try {
    const raw = localStorage.getItem(keyOf(resource, key));
    return raw ? (JSON.parse(raw) as StashedEdit<T>) : undefined;
  } catch {
    return undefined;
  }
}

export function dropStash(resource: string, key: string): void {
  localStorage.removeItem(keyOf(resource, key));
}

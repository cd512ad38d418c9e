import { pointerSegment } from './json-pointer.js';

/**
 * The JSON Pointers (under `base`) of the members called `name`, in document order, at most `max`. A walk with a
 * stack of its own, like `pathNestedDeeperThan`, which bounds the depth before this runs.
 */
export function membersNamed(value: unknown, name: string, base: string, max: number): string[] {
  const found: string[] = [];
  const pending: { key?: string; value: unknown; path: string }[] = [{ value, path: base }];
  while (pending.length > 0 && found.length < max) {
    const { key, value: next, path } = pending.pop()!;
    if (key === name) found.push(path);
    if (next === null || typeof next !== 'object') continue;
    const entries = Object.entries(next);
    // Pushed last first, so that the first member is looked at first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [childKey, child] = entries[i]!;
      pending.push({ key: childKey, value: child, path: `${path}/${pointerSegment(childKey)}` });
    }
  }
  return found;
}

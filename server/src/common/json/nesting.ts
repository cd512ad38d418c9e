import { pointerSegment } from './json-pointer.js';

/**
 * The JSON Pointer of the first object or array nested deeper than `max` levels (the outermost is level 1, as
 * the body parser counts brackets), or undefined. A walk with a stack of its own: content built from a file
 * rather than parsed from a body (a DMN import) can be deep enough to overflow the recursive walks after it.
 */
export function pathNestedDeeperThan(value: unknown, max: number): string | undefined {
  const pending: { value: unknown; level: number; path: string }[] = [{ value, level: 1, path: '' }];
  while (pending.length > 0) {
    const { value: next, level, path } = pending.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (level > max) return path === '' ? '/' : path;
    for (const [key, child] of Object.entries(next))
      if (child !== null && typeof child === 'object')
        pending.push({ value: child, level: level + 1, path: `${path}/${pointerSegment(key)}` });
  }
  return undefined;
}

import { pointerSegment } from './json-pointer.js';

/** A member met by the walk, with the one that holds it: its pointer is only written when it is found. */
interface Visit {
  key?: string;
  value: unknown;
  holder?: Visit;
}

function pointerOf(visit: Visit, base: string): string {
  const segments: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.holder) segments.push(pointerSegment(at.key));
  return segments.length === 0 ? base : `${base}/${segments.reverse().join('/')}`;
}

/**
 * The JSON Pointers (under `base`) of the members called `name`, in document order, at most `max`. A walk with a
 * stack of its own, like `pathNestedDeeperThan`, which bounds the depth before this runs. Pointers are written
 * for the members found only: writing one for every member was most of the walk's time (a third of a 28 ms turn
 * when a rule set at the size limit was saved).
 */
export function membersNamed(value: unknown, name: string, base: string, max: number): string[] {
  const found: string[] = [];
  const pending: Visit[] = [{ value }];
  while (pending.length > 0 && found.length < max) {
    const visit = pending.pop()!;
    if (visit.key === name) found.push(pointerOf(visit, base));
    const next = visit.value;
    if (next === null || typeof next !== 'object') continue;
    const keys = Object.keys(next);
    // Pushed last first, so that the first member is looked at first.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      pending.push({ key, value: (next as Record<string, unknown>)[key], holder: visit });
    }
  }
  return found;
}

import type { ErrorDetail } from '../errors/domain-errors.js';
import { pointerSegment } from '../json/json-pointer.js';

/** Past this many, the rest of a value's refused keys are not listed: the first ones say what to change. */
const LISTED = 20;

/**
 * The keys of a value that the database refuses as field names, each with its place: MongoDB and FerretDB refuse
 * a key that starts with `$` or holds a `.`, at any depth, and a document holding one is not stored at all.
 * Values an analyst or a reviewer writes and that are stored as fields (an event's params, in every decision
 * record) are checked with this when they are saved, not when the first record fails.
 */
export function unstorableKeys(value: unknown, path: string, found: ErrorDetail[] = []): ErrorDetail[] {
  if (found.length >= LISTED || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableKeys(item, `${path}/${i}`, found));
    return found;
  }
  for (const [key, inner] of Object.entries(value)) {
    const at = `${path}/${pointerSegment(key)}`;
    if (key.startsWith('$'))
      found.push({ path: at, message: 'is a key starting with "$", which the database cannot store' });
    else if (key.includes('.'))
      found.push({ path: at, message: 'is a key containing ".", which the database cannot store' });
    unstorableKeys(inner, at, found);
    if (found.length >= LISTED) break;
  }
  return found.slice(0, LISTED);
}

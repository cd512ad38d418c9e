// One copy of each short string compiled versions keep from their rule JSON, shared between versions.

/**
 * Distinct strings kept at most; past this the table starts again (strings already shared stay shared). With
 * LENGTH_LIMIT, the table itself holds 5 MB at the very most (two bytes a character), a few hundred KB usually.
 */
const TABLE_LIMIT = 20_000;
/** Longer strings (an explanation, a long list value) are rarely the same in two rule sets: not worth a lookup. */
const LENGTH_LIMIT = 128;

// Not a ClearingMemo: the key kept must be the copy itself, not the string asked with (which may be a slice).
const table = new Map<string, string>();

/**
 * The copy of `text` already kept if there is one, else a copy of its own, kept. Each version's rule JSON arrives as strings of its own (read
 * from the database, cloned), while versions of one rule set, and rule sets of one domain, name the same facts,
 * operators, paths and events: a cached version of the invoice pilot kept about 200 such strings of its own.
 */
export function sharedString(text: string): string {
  if (text.length > LENGTH_LIMIT) return text;
  const known = table.get(text);
  if (known !== undefined) return known;
  if (table.size >= TABLE_LIMIT) table.clear();
  // A copy of its own: V8 cuts a string of 13 characters or more out of its parent without copying it, and such
  // a slice (a name in an expression, a value in a database reply) keeps the whole parent alive.
  const own = JSON.parse(JSON.stringify(text)) as string;
  table.set(own, own);
  return own;
}

/**
 * A deep copy of JSON data, frozen, its strings shared (what `deepFreeze(structuredClone(value))` gives, lighter).
 * Anything but plain objects, arrays and primitives (a Date from the database) is cloned as structuredClone
 * clones it. Own `__proto__` members stay members (Object.fromEntries defines them, it does not assign them).
 */
export function frozenSharedCopy<T>(value: T): T {
  if (typeof value === 'string') return sharedString(value) as T;
  // A function or a symbol is no JSON: refused as structuredClone refuses it (DataCloneError).
  if (typeof value === 'function' || typeof value === 'symbol') return structuredClone(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenSharedCopy)) as T;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return deepFreeze(structuredClone(value));
  return Object.freeze(
    Object.fromEntries(Object.entries(value).map(([key, member]) => [key, frozenSharedCopy(member)])),
  ) as T;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** How one key of an audited change moved between `summary.before` and `summary.after`. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ComparisonRow {
  /** Dotted path into nested objects (`meta.name`); '' when the summary is a single value (a list of roles, a name). */
  key: string;
  before?: string;
  after?: string;
  change: ChangeKind;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested objects become dotted keys so a reviewer reads one fact per line; arrays and scalars stay whole. */
function flatten(value: Record<string, unknown>, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner) && Object.keys(inner).length > 0) flatten(inner, path, into);
    else into.set(path, inner);
  }
  return into;
}

/** What `showValue` gives for a value set to nothing (`null`): told from a text « null », and worded by the panel. */
export const NOTHING = '\u0000null';

/** Text for a value: strings as they are, null as NOTHING, everything else as JSON with keys in a stable order. */
export function showValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return NOTHING;
  return typeof value === 'string' ? value : stableJson(value);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function kind(before: unknown, after: unknown): ChangeKind {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return stableJson(before) === stableJson(after) ? 'unchanged' : 'changed';
}

/**
 * The before/after of an audit event side by side, key by key: keys of `before` first in their order, then
 * keys only `after` has. A missing side (a creation, a deletion) makes every key added or removed.
 */
export function compareSummary(before: unknown, after: unknown): ComparisonRow[] {
  if (before === undefined && after === undefined) return [];
  const objects = (before === undefined || isPlainObject(before)) && (after === undefined || isPlainObject(after));
  if (!objects) return [{ key: '', before: showValue(before), after: showValue(after), change: kind(before, after) }];
  const left = flatten((before as Record<string, unknown> | undefined) ?? {});
  const right = flatten((after as Record<string, unknown> | undefined) ?? {});
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  return keys.map((key) => ({
    key,
    before: showValue(left.get(key)),
    after: showValue(right.get(key)),
    change: kind(left.get(key), right.get(key)),
  }));
}

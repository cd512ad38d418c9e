import { INHERITED } from './inherited-names.js';
import { compilePath, type PathResolver } from './json-path.js';
import { sharedString } from './shared-strings.js';

type Json = Record<string, unknown>;

/** One read of a fact, as `almanac.factValue(fact, params, path)`: params and path fixed when compiled. */
export class FactRead {
  /** The dynamic-fact cache key (json-rules-engine caches by fact id and params). */
  readonly cacheKey: string;
  /** Undefined without a path; one shape for every read keeps the hot read monomorphic. */
  readonly resolve: PathResolver | undefined;
  /** A name no plain object inherits: read directly, `hasOwn` asked only when nothing is found (inherited-names.ts). */
  readonly plain: boolean;

  constructor(
    readonly fact: string,
    readonly params: unknown,
    path: unknown,
    /** Its place in the run's memo of reads (-1: not memoised); a fact and its path give one value per run. */
    readonly index = -1,
  ) {
    this.cacheKey = sharedString(`${fact}\u0000${stableKey(params)}`);
    this.resolve = path ? compilePath(String(path)) : undefined;
    this.plain = typeof fact === 'string' && !INHERITED.has(fact);
  }
}

/** A memo entry whose read has not happened yet in this run. */
export const NOT_READ = Symbol('not read');

/** Where a compiled condition reads facts during one run. */
export interface FactSource {
  read(read: FactRead): unknown;
  /** Values read so far in the run by FactRead.index, NOT_READ until then (generated rules look here first). */
  readonly memo: unknown[];
}

/** A cache key for params that does not depend on key order (hash-it does not either). */
export function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableKey((value as Json)[k])}`)
    .join(',')}}`;
}

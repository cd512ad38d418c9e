import { JSONPath } from 'jsonpath-plus';
import { ClearingMemo } from '../common/memo/clearing-memo.js';

/** Reads a condition's `path` inside an object fact value, as json-rules-engine's default path resolver does. */
export type PathResolver = (objectValue: object) => unknown;

// `$`, `$.a.b`, `$.list[0]`: each step is an own-property read, which jsonpath-plus also does for these paths.
const SIMPLE = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;

const resolvers = new ClearingMemo<string, PathResolver>(10_000);

/**
 * Whether a path reads keys only (`$.a.b[0]`), so that every read of it in a run gives the same value, the very
 * object the fact holds. jsonpath-plus builds a new list for each read of a wildcard, union, slice or recursive
 * descent: the library compares two such reads as different lists (`equal` is false), so they are not shared.
 */
export function isPlainPath(path: string): boolean {
  return SIMPLE.test(path);
}

/**
 * Compiles a JSONPath once. Plain paths get a fast walk that gives what `JSONPath({path, json, wrap: false})`
 * gives: the value when every step is an own property of a truthy value (strings and arrays included, so
 * `$.s[0]` and `$.list.length` work), undefined otherwise. Anything else goes to jsonpath-plus itself.
 */
export function compilePath(path: string): PathResolver {
  return resolvers.get(path, resolverOf);
}

function resolverOf(path: string): PathResolver {
  return SIMPLE.test(path)
    ? walker([...path.matchAll(STEP)].map((m) => m[1] ?? m[2]!))
    : (json) => JSONPath({ path, json, wrap: false });
}

function walker(keys: string[]): PathResolver {
  if (keys.length === 0) return (json) => json;
  if (keys.length === 1) {
    const [k] = keys as [string];
    return (json) => (Object.hasOwn(json, k) ? (json as Record<string, unknown>)[k] : undefined);
  }
  if (keys.length === 2) {
    const [k1, k2] = keys as [string, string];
    return (json) => {
      if (!Object.hasOwn(json, k1)) return undefined;
      const inner = (json as Record<string, unknown>)[k1];
      return inner && Object.hasOwn(inner as object, k2) ? (inner as Record<string, unknown>)[k2] : undefined;
    };
  }
  return (json) => {
    let value: unknown = json;
    for (const key of keys) {
      // jsonpath-plus: `val && Object.hasOwn(val, loc)`; a falsy value (0, '', false, null) has no properties.
      if (!value || !Object.hasOwn(value as object, key)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  };
}

import equalModule from 'ajv/dist/runtime/equal.js';

/**
 * Equality of two JSON values, for ajv's `const`, `uniqueItems` over objects and the `enum` of objects. ajv's own
 * (fast-deep-equal) calls a value's `valueOf` and `toString` when an object has keys of those names, and compares
 * constructors: a caller's `{"valueOf": null}` against a `const` object threw, and the request answered 500. This
 * reads own data only, which is all JSON has.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], other[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  return true;
}

// ajv's keywords and the validators it writes as standalone code all take the function from this one module
// (`require("ajv/dist/runtime/equal").default`): replacing it there, once, in this process, reaches every
// validator, whichever thread wrote its code. The code string stays ajv's.
const runtime = equalModule as unknown as { default: ((a: unknown, b: unknown) => boolean) & { code?: string } };
if (runtime.default !== jsonEqual) {
  const code = runtime.default.code;
  runtime.default = Object.assign(jsonEqual, { code });
}

/**
 * Names a plain object inherits (`constructor`, `toString`, `__proto__`…). Facts, rows and computed values are
 * JSON, so a read of any other name finds own values only: it can skip `hasOwn` unless it finds nothing.
 */
export const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

import type { Ajv, AnySchema, ValidateFunction } from 'ajv';
import { LRUCache } from 'lru-cache';
import { checksumOf } from './canonical.js';

/**
 * Compiled JSON Schema validators, one per distinct schema (by checksum of its canonical JSON), least recently
 * used first out. Versions of a rule set or prompt usually share their schema, so they share one validator.
 *
 * Each schema is compiled by an ajv instance of its own, dropped with it. A long-lived instance keeps every
 * function and schema it ever compiled in its code-generation scope, whatever `removeSchema` says: with one
 * shared instance memory grows with every distinct schema seen (measured: 65 KB per input schema of the invoice
 * pilot, against 7 KB with an instance each). A validator still held by someone keeps working after it left.
 */
export class SchemaValidators {
  private readonly cache: LRUCache<string, ValidateFunction>;

  constructor(
    private readonly newAjv: () => Ajv,
    max: number,
  ) {
    this.cache = new LRUCache({ max });
  }

  /** The validator of a schema; throws ajv's error when it does not compile (an unresolvable `$ref`…). */
  for(schema: AnySchema): ValidateFunction {
    const key = checksumOf(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      // A private copy: the caller's object may be changed after this.
      validate = this.newAjv().compile(structuredClone(schema));
      this.cache.set(key, validate);
    }
    return validate;
  }
}

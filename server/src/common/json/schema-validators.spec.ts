import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { SchemaValidators } from './schema-validators.js';

describe('SchemaValidators', () => {
  const compiledBy: Ajv[] = [];
  const validators = new SchemaValidators(() => {
    const ajv = new Ajv({ strict: false, addUsedSchema: false });
    compiledBy.push(ajv);
    return ajv;
  }, 2);
  const amount = { type: 'object', properties: { amount: { type: 'number', minimum: 0 } }, required: ['amount'] };

  it('compiles a schema once, whatever its key order, and each distinct schema on an instance of its own', () => {
    const first = validators.for(amount);
    const reordered = validators.for({
      required: ['amount'],
      properties: { amount: { minimum: 0, type: 'number' } },
      type: 'object',
    });
    expect(reordered).toBe(first);
    expect(compiledBy).toHaveLength(1);
    validators.for({ ...amount, $comment: 'autre' });
    expect(compiledBy).toHaveLength(2);
    expect(first({ amount: 5 })).toBe(true);
    expect(first({ amount: -1 })).toBe(false);
  });

  it('keeps two schemas that share an $id apart (the second is not refused as a duplicate)', () => {
    const low = validators.for({ $id: 'https://exemple.ca/s', type: 'integer', maximum: 10 });
    const high = validators.for({ $id: 'https://exemple.ca/s', type: 'integer', minimum: 100 });
    expect([low(5), low(500), high(5), high(500)]).toEqual([true, false, false, true]);
  });

  it('does not change when the caller later changes its schema object, and a validator evicted from the cache still works', () => {
    const schema = { type: 'string', maxLength: 3 };
    const validate = validators.for(schema);
    schema.maxLength = 100;
    validators.for({ type: 'boolean' });
    validators.for({ type: 'null' }); // the cache holds two: `validate` has left it
    expect(validate('abcd')).toBe(false);
    expect(validate('abc')).toBe(true);
  });
});

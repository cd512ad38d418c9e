import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { hashedEnum } from './hashed-enum.mjs';
import { COMPILED_HERE_UP_TO, SchemaValidators } from './schema-validators.js';

/** JSON with object keys sorted: equal values (in any key order) give one text, as ajv's uniqueness sees them. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

const validators = new SchemaValidators({ strict: false, allErrors: true, addUsedSchema: false }, 100);

describe('the hashed enum keyword', () => {
  it('accepts exactly the values listed: scalars by type and value, objects and lists as JSON (any key order)', async () => {
    const value = fc.jsonValue({ maxDepth: 2 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(value, { minLength: 1, maxLength: 12, selector: sortedJson }),
        fc.array(fc.oneof(value, fc.constantFrom(0, '0', 1, '1', true, 'true', null, 'null', '', [], {})), {
          maxLength: 8,
        }),
        fc.nat(),
        async (allowed, others, pick) => {
          const schema = { type: 'array', items: { enum: allowed } };
          const ours = await validators.for(schema);
          const listed = new Set(allowed.map(sortedJson));
          for (const item of [allowed[pick % allowed.length], ...others])
            expect([item, ours([item])]).toEqual([item, listed.has(sortedJson(item))]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a value not allowed as ajv does: keyword enum, with the allowed values', async () => {
    const validate = await validators.for({ enum: ['fr', 'en', { a: 1 }] });
    expect(validate('de')).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ keyword: 'enum', instancePath: '', params: { allowedValues: ['fr', 'en', { a: 1 }] } }),
    ]);
    expect(validate({ a: 1 })).toBe(true);
  });

  it('answers an object with a key named like a method (valueOf) instead of failing, as ajv’s own enum did', async () => {
    const validate = await validators.for({ enum: [{ a: 1 }, 'x'] });
    expect(validate({ valueOf: null })).toBe(false);
    expect(validate({ toString: 1, a: 1 })).toBe(false);
    expect(validate({ a: 1 })).toBe(true);
  });

  it('works the same in a validator compiled in the worker (standalone code requiring the equality)', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: COMPILED_HERE_UP_TO + 1 }, (_, i) => [`p${i}`, { type: 'number' }]),
    );
    const validate = await validators.for({
      type: 'object',
      properties: { ...properties, e: { enum: [{ a: [1, 2] }, 'x', 3] } },
    });
    expect([{ e: { a: [1, 2] } }, { e: 'x' }, { e: 3 }].map((v) => validate(v))).toEqual([true, true, true]);
    expect([{ e: { a: [2, 1] } }, { e: '3' }, { e: { valueOf: null } }].map((v) => validate(v))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('leaves const and uniqueItems over objects answering, not throwing, on keys named like methods', async () => {
    const constant = await validators.for({ const: { a: 1 } });
    expect([constant({ valueOf: null }), constant({ a: 1 })]).toEqual([false, true]);
    const unique = await validators.for({ type: 'array', maxItems: 5, uniqueItems: true });
    expect(unique([{ valueOf: null }, { valueOf: null, b: 1 }])).toBe(true);
    expect(unique([{ toString: 1 }, { toString: 1 }])).toBe(false);
  });

  it('is refused on an empty list, as ajv refuses it', () => {
    const ajv = new Ajv({ strict: false, validateSchema: false }); // as the service compiles (checked before)
    ajv.removeKeyword('enum');
    ajv.addKeyword(hashedEnum);
    expect(() => ajv.compile({ enum: [] })).toThrow(/non-empty/);
  });
});

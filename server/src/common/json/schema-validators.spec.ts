import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { turnsDuring } from '../async/turns-during.js';
import { DependencyUnavailableError } from '../errors/domain-errors.js';
import {
  CHECKED_WORK,
  COMPILED_HERE_UP_TO,
  LISTED_UP_TO,
  LISTED_WORK,
  SchemaValidators,
  valuesWithin,
} from './schema-validators.js';

/** The same schema with unused definitions enough to be compiled in the worker rather than here. */
const large = (schema: Record<string, unknown>) => ({
  ...schema,
  $defs: {
    ...(schema['$defs'] as object),
    ...Object.fromEntries(Array.from({ length: COMPILED_HERE_UP_TO }, (_, i) => [`unused${i}`, { type: 'string' }])),
  },
});

describe('SchemaValidators', () => {
  const options = { allErrors: true, strict: false, addUsedSchema: false };
  const validators = new SchemaValidators(options, 2, ['x-pii']);
  const amount = { type: 'object', properties: { amount: { type: 'number', minimum: 0 } }, required: ['amount'] };

  it('lists every problem of an input of up to 10 000 values, and stops at the first past that', async () => {
    const texts = { type: 'object', properties: { l: { type: 'array', items: { type: 'string' } } } };
    for (const validate of [await validators.for(texts), await validators.for(large(texts))]) {
      expect(validate({ l: Array.from({ length: 50 }, () => 1) })).toBe(false);
      expect(validate.errors).toHaveLength(50);
      // 400 000 wrong items made as many errors in one call: 163 ms of the event loop for /evaluate.
      expect(validate({ l: Array.from({ length: 400_000 }, () => 1) })).toBe(false);
      expect(validate.errors).toHaveLength(1);
      expect(validate.errors![0]).toMatchObject({ instancePath: '/l/0', keyword: 'type' });
      // Valid either way, and `errors` cleared after a valid input.
      expect(validate({ l: Array.from({ length: 400_000 }, () => 'a') })).toBe(true);
      expect(validate.errors).toBeNull();
      expect(validate({ l: ['a'] })).toBe(true);
    }
  });

  it('refuses, unchecked, an input whose alternatives would be tried more than the bound allows', async () => {
    // Saved before the width bound, such a schema held the service 13 s for 100 000 items (`items`), and ran it
    // out of memory (`contains`, an error kept per item and branch).
    const branches = Array.from({ length: 440 }, (_, i) => ({ type: 'integer', minimum: i, maximum: i }));
    for (const keyword of ['items', 'contains']) {
      const schema = { type: 'object', properties: { d: { type: 'array', [keyword]: { anyOf: branches } } } };
      for (const validate of [await validators.for(schema), await validators.for(large(schema))]) {
        expect(validate({ d: Array(100_000).fill(-1) })).toBe(false);
        expect(validate.errors).toEqual([
          expect.objectContaining({ instancePath: '', keyword: 'maxWork', params: { limit: CHECKED_WORK } }),
        ]);
        // 441 subschemas tried per item: 453 items are within the bound, checked up to their first problem.
        const within = Math.floor(CHECKED_WORK / 441);
        expect(validate({ d: Array(within).fill(keyword === 'items' ? 439 : 5) })).toBe(true);
        expect(validate({ d: Array(within).fill(-1) })).toBe(false);
        // The first item that fails, with its branches' reasons (the anyOf's own problem last).
        expect(new Set(validate.errors!.map((e) => e.instancePath))).toEqual(
          new Set([keyword === 'items' ? '/d/0' : '/d']),
        );
        expect(validate.errors![0]!.message).toMatch(/the first problem found/);
        // Few enough for every problem to be listed.
        const listed = Math.floor(LISTED_WORK / 441);
        expect(validate({ d: Array(listed).fill(-1) })).toBe(false);
        expect(validate.errors!.length).toBeGreaterThan(listed);
      }
    }
  });

  it('tries alternatives where they are: a long list of plain values under a union elsewhere is not refused', async () => {
    const shape = (kind: number) => ({ type: 'object', properties: { kind: { const: kind }, a: { type: 'number' } } });
    const schema = {
      type: 'object',
      properties: {
        plain: { type: 'array', items: { type: 'string' } },
        shapes: { type: 'array', items: { anyOf: [shape(0), shape(1), shape(2), shape(3)] } },
      },
    };
    const validate = await validators.for(schema);
    expect(validate({ plain: Array(400_000).fill('a'), shapes: [{ kind: 3, a: 1 }] })).toBe(true);
    // Five subschemas tried per item: 20 000 shapes are within the bound, 40 001 are not.
    expect(validate({ shapes: Array(20_000).fill({ kind: 3, a: 1 }) })).toBe(true);
    expect(validate({ shapes: Array(40_001).fill({ kind: 3, a: 1 }) })).toBe(false);
    expect(validate.errors![0]!.keyword).toBe('maxWork');
  });

  it('counts the values of an input up to a limit, without walking past it', () => {
    expect(valuesWithin(1, 1)).toBe(true);
    expect(valuesWithin({ a: [1, 2, { b: 3 }] }, 6)).toBe(true); // the object, a, its three items, b
    expect(valuesWithin({ a: [1, 2, { b: 3 }] }, 5)).toBe(false);
    expect(
      valuesWithin(
        Array.from({ length: LISTED_UP_TO - 1 }, () => [0]),
        LISTED_UP_TO,
      ),
    ).toBe(false);
    expect(
      valuesWithin(
        Array.from({ length: LISTED_UP_TO - 1 }, () => 0),
        LISTED_UP_TO,
      ),
    ).toBe(true);
  });

  it('compiles a schema once, whatever its key order; two requests for a new schema share one compilation', async () => {
    const [inWorker, sameInWorker] = await Promise.all([validators.for(large(amount)), validators.for(large(amount))]);
    expect(sameInWorker).toBe(inWorker);
    expect(inWorker({ amount: -1 })).toBe(false);
    const [first, again] = await Promise.all([validators.for(amount), validators.for(amount)]);
    expect(again).toBe(first);
    const reordered = await validators.for({
      required: ['amount'],
      properties: { amount: { minimum: 0, type: 'number' } },
      type: 'object',
    });
    expect(reordered).toBe(first);
    expect(await validators.for(amount)).toBe(first);
    expect(first({ amount: 5 })).toBe(true);
    expect(first({ amount: -1 })).toBe(false);
  });

  it.each([
    ['here', (schema: Record<string, unknown>) => schema],
    ['in the worker', large],
  ])(
    'validates and words errors exactly as ajv compiling on the main thread does (compiled %s)',
    async (_where, sized) => {
      const schema = {
        type: 'object',
        required: ['invoice'],
        additionalProperties: false,
        properties: {
          invoice: {
            type: 'object',
            required: ['number', 'date'],
            properties: {
              number: { type: 'string', pattern: '^[A-Z]{2}-\\d+$', 'x-pii': true },
              date: { type: 'string', format: 'date' },
              email: { type: 'string', format: 'email' },
              lines: { type: 'array', maxItems: 2, items: { $ref: '#/$defs/line' } },
            },
          },
        },
        $defs: { line: { type: 'object', properties: { amount: { type: 'number', exclusiveMinimum: 0 } } } },
      };
      const reference = new Ajv(options);
      addFormats.default(reference);
      reference.addKeyword({ keyword: 'x-pii', schemaType: 'boolean' });
      const direct = reference.compile(schema);
      const inWorker = await validators.for(sized(schema));
      const inputs = [
        { invoice: { number: 'FA-12', date: '2026-11-30', lines: [{ amount: 3 }] } },
        { invoice: { number: 'fa12', date: '30/11/2026', email: 'nobody', lines: [{ amount: 0 }, {}, {}] }, x: 1 },
        { invoice: {} },
        [],
      ];
      for (const input of inputs) {
        expect(inWorker(input)).toBe(direct(input));
        expect(inWorker.errors).toEqual(direct.errors);
      }
      expect(inWorker(inputs[1])).toBe(false);
      expect(inWorker.errors!.map((e) => e.instancePath)).toContain('/invoice/date');
    },
  );

  it('hands out no asynchronous validator, compiled here or in the worker: its promise would read as "valid"', async () => {
    await expect(validators.for({ ...amount, $async: true })).rejects.toThrow(/asynchronous/);
    await expect(validators.for({ ...large(amount), $async: true })).rejects.toThrow(/asynchronous/);
  });

  it('keeps two schemas that share an $id apart (the second is not refused as a duplicate)', async () => {
    const low = await validators.for({ $id: 'https://exemple.ca/s', type: 'integer', maximum: 10 });
    const high = await validators.for({ $id: 'https://exemple.ca/s', type: 'integer', minimum: 100 });
    expect([low(5), low(500), high(5), high(500)]).toEqual([true, false, false, true]);
  });

  it('does not change when the caller later changes its schema object, and a validator evicted from the cache still works', async () => {
    const schema = { type: 'string', maxLength: 3 };
    const pending = validators.for(schema);
    schema.maxLength = 100;
    const validate = await pending;
    await validators.for({ type: 'boolean' });
    await validators.for({ type: 'null' }); // the cache holds two: `validate` has left it
    expect(await validators.for({ type: 'string', maxLength: 3 })).not.toBe(validate); // compiled again
    expect(validate('abcd')).toBe(false);
    expect(validate('abc')).toBe(true);
  });

  it.each([
    ['here', (schema: Record<string, unknown>) => schema],
    ['in the worker', large],
  ])('carries a private copy of its schema, which versions sharing the validator read (%s)', async (_where, sized) => {
    const schema: Record<string, unknown> = sized({
      type: 'object',
      properties: { name: { type: 'string', 'x-pii': true } },
    });
    const pending = validators.for(schema);
    schema['type'] = 'array';
    const validate = await pending;
    expect(validate.schema).toEqual({ ...schema, type: 'object' });
    expect(validate.schema).not.toBe(schema);
  });

  it.each([
    ['here', (schema: Record<string, unknown>) => schema],
    ['in the worker', large],
  ])(
    "rejects a schema ajv cannot compile with ajv's message, and compiles the next one (%s)",
    async (_where, sized) => {
      await expect(validators.for(sized({ $ref: '#/$defs/nowhere' }))).rejects.toThrow(/can't resolve reference/);
      await expect(validators.for(sized({ type: 'object', properties: { p: { 'x-pii': 'oui' } } }))).rejects.toThrow(
        /x-pii value must be/,
      );
      expect((await validators.for(sized({ type: 'number' })))(1)).toBe(true);
    },
  );

  it('builds `pattern` with the engine it is given: a pattern the engine refuses is refused', async () => {
    const refusing = new SchemaValidators(options, 10, [], (source) => {
      if (source.includes('(?=')) throw new Error(`pattern "${source}" has a lookahead`);
      return new RegExp(source, 'u');
    });
    for (const sized of [(schema: Record<string, unknown>) => schema, large]) {
      await expect(refusing.for(sized({ type: 'string', pattern: 'a(?=b)' }))).rejects.toThrow(/has a lookahead/);
      const digits = await refusing.for(sized({ type: 'string', pattern: '^\\d+$' }));
      expect([digits('123'), digits('12a')]).toEqual([true, false]);
    }
  });

  it('leaves the event loop free while a large schema compiles', async () => {
    // 498 subschemas, about the most an analyst may save: compiling them took 70–200 ms on the main thread.
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 124; i++)
      properties[`field${i}`] = {
        type: 'object',
        properties: { code: { type: 'string', pattern: '^[A-Z]{2}\\d+$' }, amount: { type: 'number', minimum: 0 } },
      };
    const { result: validate, turns } = await turnsDuring(() =>
      new SchemaValidators(options, 10).for({ type: 'object', properties }),
    );
    // ajv.compile on this thread would have given the loop no turn at all until it returned.
    expect(turns).toBeGreaterThan(10);
    expect(validate({ field3: { code: 'QC12', amount: 4 } })).toBe(true);
    expect(validate({ field3: { code: 'qc', amount: -4 } })).toBe(false);
  });

  it('answers "try again" when the worker fails, after one more try in a new worker, and blames no schema', async () => {
    const asked = join(mkdtempSync(join(tmpdir(), 'gabarit-compiler-')), 'asked');
    const failing = new SchemaValidators(
      options,
      10,
      [],
      undefined,
      new URL('./fixtures/failing-schema-compiler.worker.mjs', import.meta.url),
    );
    const refused = failing.for(large({ ...amount, 'x-asked': asked }));
    await expect(refused).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(refused).rejects.toMatchObject({ code: 'schema_compiler_unavailable', retryAfterSeconds: 1 });
    await expect(refused).rejects.toThrow(/could not be compiled now \(the schema compiler stopped\); try again/);
    expect(readFileSync(asked, 'utf8').trim().split('\n')).toHaveLength(2); // two workers asked, once each
    // Small schemas never needed the worker: they still compile.
    expect((await failing.for(amount))({ amount: 1 })).toBe(true);
  });
});

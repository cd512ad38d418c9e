import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { toErrorDetails } from './ajv.js';

describe('ajv errors as details', () => {
  it('names at most twenty allowed values, objects as JSON, and counts the rest', () => {
    const ajv = new Ajv({ allErrors: true });
    const few = ajv.compile({ enum: ['fr', 'en', { a: 1 }] });
    few('de');
    expect(toErrorDetails(few.errors, '/facts/language')).toEqual([
      {
        path: '/facts/language',
        message: 'must be one of: fr, en, {"a":1}',
        keyword: 'enum',
        params: { allowedValues: ['fr', 'en', { a: 1 }] },
      },
    ]);
    const many = ajv.compile({ enum: Array.from({ length: 2000 }, (_, i) => `v${i}`) });
    many('x');
    const [detail] = toErrorDetails(many.errors);
    expect(detail!.message).toMatch(/^must be one of: v0, v1, .*, v19, … \(2000 in all\)$/);
    expect(detail!.params).toEqual({
      allowedValues: Array.from({ length: 20 }, (_, i) => `v${i}`),
      allowedCount: 2000,
    });
  });
});

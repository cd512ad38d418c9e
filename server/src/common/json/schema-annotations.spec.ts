import { describe, expect, it } from '@jest/globals';
import { withoutTextAnnotations } from './schema-annotations.js';

describe('withoutTextAnnotations', () => {
  it('drops titles, descriptions and comments wherever a subschema stands, and nothing else', () => {
    const schema = {
      $comment: 'for the team',
      title: 'Facture',
      'x-title-en': 'Invoice',
      type: 'object',
      properties: {
        title: { type: 'string', description: 'the field named title stays', 'x-description-en': 'gone too' },
        description: { type: 'string', default: 'a default stays', examples: ['examples stay'] },
        lines: { type: 'array', items: { type: 'object', title: 'Ligne', properties: { n: { type: 'number' } } } },
        kind: { enum: ['title', 'description'], title: 'Genre' },
        name: { type: 'string', 'x-pii': true },
      },
      required: ['title'],
      allOf: [{ description: 'a part', if: { title: 'si' }, then: { $comment: 'then' } }],
      $defs: { money: { type: 'number', minimum: 0, title: 'Montant' } },
      'x-vendor': { title: 'under an unknown keyword: kept' },
    };
    const before = structuredClone(schema);
    expect(withoutTextAnnotations(schema)).toStrictEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        description: { type: 'string', default: 'a default stays', examples: ['examples stay'] },
        lines: { type: 'array', items: { type: 'object', properties: { n: { type: 'number' } } } },
        kind: { enum: ['title', 'description'] },
        name: { type: 'string', 'x-pii': true },
      },
      required: ['title'],
      allOf: [{ if: {}, then: {} }],
      $defs: { money: { type: 'number', minimum: 0 } },
      'x-vendor': { title: 'under an unknown keyword: kept' },
    });
    expect(schema).toStrictEqual(before); // the caller's schema is left as it was
  });

  it.each(['#/properties/b/description', '#/properties/b/%24comment', 'other#/title'])(
    'keeps every annotation of a schema where a $ref may point at one (%s): ajv resolves it as before',
    (ref) => {
      const schema = {
        type: 'object',
        title: 'kept',
        properties: { a: { $ref: ref }, b: { type: 'string', description: 'x', $comment: 'y' } },
      };
      expect(withoutTextAnnotations(schema)).toStrictEqual(schema);
    },
  );

  it('keeps an annotation keyword whose value is no text: ajv judges it as before', () => {
    const schema = { type: 'object', properties: { a: { 'x-pii': 'oui' } }, title: { not: 'a string' } };
    expect(withoutTextAnnotations(schema)).toStrictEqual(schema);
  });
});

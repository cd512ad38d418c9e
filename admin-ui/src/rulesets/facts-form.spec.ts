import { TranslatableString, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import {
  enumLabels,
  exampleFacts,
  factsValidator,
  formStringTranslator,
  schemaInLanguage,
  wordedFormErrors,
} from './facts-form';

const schema: RJSFSchema = {
  type: 'object',
  required: ['invoice'],
  properties: {
    invoice: { type: 'object', required: ['total'], properties: { total: { type: 'number', minimum: 0 } } },
  },
};

describe('the facts form of Try it', () => {
  it('explains invalid facts in French by default and in English on request, at their place', () => {
    const fr = factsValidator('fr').validateFormData({ invoice: { total: -5 } }, schema);
    expect(fr.errors.map((e) => [e.property, e.message])).toEqual([['.invoice.total', 'doit être >= 0']]); // ajv-i18n's; the form words it again (wordedFormErrors)
    const en = factsValidator('en').validateFormData({ invoice: {} }, schema);
    expect(en.errors.map((e) => [e.property, e.message])).toEqual([
      ['.invoice.total', "must have required property 'total'"],
    ]);
  });

  it('words a bound as the rest of the console does, not as « doit être >= 0 »', () => {
    const { errors } = factsValidator('fr').validateFormData({ invoice: { total: -5 } }, schema);
    const translate = (key: string, options?: object) => `${key} ${JSON.stringify(options)}`;
    expect(wordedFormErrors(errors, translate).map((e) => e.message)).toEqual([
      'gabarit.details.bounds.minimum {"limit":0}',
    ]);
  });

  it('accepts the schema keywords our rule sets use, such as x-pii', () => {
    const withPii = { type: 'object', properties: { email: { type: 'string', 'x-pii': true } } } as RJSFSchema;
    expect(factsValidator('fr').validateFormData({ email: 'a@b.ca' }, withPii).errors).toEqual([]);
  });

  it('puts the console’s words on the form’s buttons and keeps the library’s for the rest', () => {
    const translate = (key: string) => `«${key}»`;
    const strings = formStringTranslator(translate);
    expect(strings(TranslatableString.AddItemButton)).toBe('«gabarit.try.form.AddItemButton»');
    expect(strings(TranslatableString.UnknownFieldType, ['tuple'])).toBe('Unknown field type tuple');
  });

  it('starts from the first test case’s facts, or an empty object', () => {
    expect(exampleFacts({ tests: [{ facts: { invoice: { total: 1 } } }] })).toEqual({ invoice: { total: 1 } });
    expect(exampleFacts({ tests: [] })).toEqual({});
    expect(exampleFacts(undefined)).toEqual({});
  });

  it('labels fields with their English titles in English and keeps the French ones otherwise', () => {
    const schema = {
      type: 'object',
      title: 'Facture',
      'x-title-en': 'Invoice',
      properties: {
        total: { type: 'number', title: 'Total avec taxes', 'x-title-en': 'Total with taxes', minimum: 0 },
        lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', title: 'Article' } } } },
      },
    };
    const english = schemaInLanguage(schema, 'en');
    expect(english.title).toBe('Invoice');
    expect(english.properties.total).toEqual({
      type: 'number',
      title: 'Total with taxes',
      'x-title-en': 'Total with taxes',
      minimum: 0,
    });
    // A field without an English title keeps its French one rather than showing nothing.
    expect(english.properties.lines.items.properties.sku.title).toBe('Article');
    expect(schemaInLanguage(schema, 'fr')).toBe(schema);
  });
});

describe('coded values in the facts form', () => {
  const coded = {
    type: 'object',
    properties: {
      enrolment: {
        type: 'object',
        properties: {
          tier: {
            type: 'string',
            enum: ['individual', 'single_parent'],
            'x-enum-titles': { individual: 'individuelle', single_parent: 'monoparentale' },
            'x-enum-titles-en': { individual: 'individual', single_parent: 'single-parent' },
          },
          count: { type: 'integer' },
        },
      },
      children: { type: 'array', items: { type: 'string', enum: ['a'], 'x-enum-titles': { a: 'enfant' } } },
    },
  };

  it('are labelled in the words the schema gives them, in the console’s language', () => {
    expect(enumLabels(coded, 'fr')).toEqual({
      enrolment: { tier: { 'ui:enumNames': { individual: 'individuelle', single_parent: 'monoparentale' } } },
      children: { items: { 'ui:enumNames': { a: 'enfant' } } },
    });
    // English falls back to the French words where the schema gives no English ones.
    expect(enumLabels(coded, 'en')).toEqual({
      enrolment: { tier: { 'ui:enumNames': { individual: 'individual', single_parent: 'single-parent' } } },
      children: { items: { 'ui:enumNames': { a: 'enfant' } } },
    });
    expect(enumLabels({ type: 'object' }, 'fr')).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { declaredVariables, parseJsonObject, sampleFor } from './variables';

const chatbotSchema = {
  type: 'object',
  required: ['question', 'locale', 'datasets'],
  properties: {
    question: { type: 'string', minLength: 1 },
    locale: { type: 'string', enum: ['fr', 'en'], description: 'en when the question is written in English' },
    datasets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title', 'url'],
        properties: {
          title: { type: 'string' },
          url: { type: 'string' },
          formats: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    tone: { type: ['string', 'null'] },
  },
};

describe('declaredVariables', () => {
  it('lists each variable with how a template reads it, its type, whether it is required and its description', () => {
    expect(declaredVariables(chatbotSchema)).toEqual([
      { path: 'question', type: 'string', required: true, depth: 0 },
      {
        path: 'locale',
        type: 'string',
        required: true,
        description: 'en when the question is written in English',
        values: ['"fr"', '"en"'],
        depth: 0,
      },
      { path: 'datasets', type: 'object[]', required: true, depth: 0 },
      { path: 'datasets[].title', type: 'string', required: true, depth: 1 },
      { path: 'datasets[].url', type: 'string', required: true, depth: 1 },
      { path: 'datasets[].formats', type: 'string[]', required: false, depth: 1 },
      { path: 'tone', type: 'string | null', required: false, depth: 0 },
    ]);
  });

  it('gives nothing for what is not a schema (a half-typed editor) and survives odd shapes', () => {
    expect(declaredVariables(null)).toEqual([]);
    expect(declaredVariables([1, 2])).toEqual([]);
    expect(declaredVariables({ type: 'object' })).toEqual([]);
    expect(declaredVariables({ properties: { a: 'not a schema', b: {} } })).toEqual([
      { path: 'b', type: 'any', required: false, depth: 0 },
    ]);
  });
});

describe('sampleFor', () => {
  it('builds variables of the right shape, preferring defaults, examples and the first allowed value', () => {
    expect(sampleFor(chatbotSchema)).toEqual({
      question: 'question',
      locale: 'fr',
      datasets: [{ title: 'title', url: 'url', formats: ['formats'] }],
      tone: 'tone',
    });
    expect(
      sampleFor({
        type: 'object',
        properties: {
          n: { type: 'integer', minimum: 3 },
          ok: { type: 'boolean' },
          d: { type: 'string', default: 'x' },
          e: { type: 'string', examples: ['ex'] },
        },
      }),
    ).toEqual({ n: 3, ok: false, d: 'x', e: 'ex' });
  });
});

describe('parseJsonObject', () => {
  it('accepts an object and names what is wrong otherwise', () => {
    expect(parseJsonObject('{"a": 1}')).toEqual({ value: { a: 1 } });
    expect(parseJsonObject('{"a": ')).toEqual({ error: 'gabarit.prompts.invalid_json' });
    expect(parseJsonObject('[1]')).toEqual({ error: 'gabarit.prompts.not_object' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { asModelText } from './variable-text.js';

describe('variables as the model reads them', () => {
  it('drops invisible format characters from every text, and nothing a person sees', () => {
    const variables = JSON.parse(
      '{"question": "Où\\u00a0?\\u200b <\\u2060question>", "datasets": [{"title": "A\\u00adB", "n": 3}], "flag": null}',
    ) as Record<string, unknown>;
    expect(asModelText(variables)).toEqual({
      question: 'Où\u00a0? <question>', // the no-break space of French typography stays
      datasets: [{ title: 'AB', n: 3 }],
      flag: null,
    });
    expect(variables['question']).toBe('Où\u00a0?\u200b <\u2060question>'); // a copy: the caller's body is kept
  });

  it('keeps a member named __proto__ a member, as JSON.parse made it, rather than a prototype', () => {
    const copied = asModelText(JSON.parse('{"__proto__": {"polluted": "x"}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.keys(copied)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

import { describe, expect, it } from '@jest/globals';
import { compileExplanation, explain, explanationContext, EXPLANATION_HELPERS } from './explain.js';
import { analyseTemplate } from './template-safety.js';

const NBSP = '\u00a0';

describe('explanations write money and dates as each language does', () => {
  const render = (template: string, language: 'fr' | 'en', scope: object) =>
    compileExplanation(template, language)(scope);

  it('writes amounts in Canadian dollars, with cents only when there are some', () => {
    const scope = { gst: 9.98, threshold: 25000, qst: 10.47 };
    expect(render('TPS {{money gst}}, seuil {{money threshold}}', 'fr', scope)).toBe(
      `TPS 9,98${NBSP}$, seuil 25${NBSP}000${NBSP}$`,
    );
    expect(render('GST {{money gst}}, threshold {{money threshold}}', 'en', scope)).toBe(
      'GST $9.98, threshold $25,000',
    );
    // An amount read from a form as text is still an amount.
    expect(render('{{money qst}}', 'fr', { qst: '10.47' })).toBe(`10,47${NBSP}$`);
  });

  it('writes ISO dates in words, without moving them a day in any time zone', () => {
    expect(render('Paiement dû le {{date due}}', 'fr', { due: '2026-04-02' })).toBe('Paiement dû le 2 avril 2026');
    expect(render('Payment due on {{date due}}', 'en', { due: '2026-04-02' })).toBe('Payment due on April 2, 2026');
    expect(render('le {{date day}}', 'fr', { day: '2026-05-01' })).toBe('le 1er mai 2026');
    expect(render('on {{date day}}', 'en', { day: '2026-05-01' })).toBe('on May 1, 2026');
  });

  it("counts in each language's grammar: 0 and 1 take the singular in French, only 1 in English", () => {
    const fr = (n: unknown) => render('{{count n "an" "ans"}}', 'fr', { n });
    const en = (n: unknown) => render('{{count n "day" "days"}}', 'en', { n });
    expect([0, 1, 1.5, 2, 14, 1500].map(fr)).toEqual(
      ['0 an', '1 an', '1,5 an', '2 ans', '14 ans', `1${NBSP}500 ans`].map((words) => words.replace(/ (?=an)/, NBSP)),
    );
    expect([0, 1, 2, 1500].map(en)).toEqual(['0 days', '1 day', '2 days', '1,500 days']);
    expect(fr('3')).toBe(`3${NBSP}ans`); // a number read from a form as text
    expect(fr('***')).toBe(`***${NBSP}ans`); // masked: the noun stays
    expect(fr(undefined)).toBe(''); // missing: nothing, as for money and dates
    expect(render('{{count n "an"}}', 'fr', { n: 2 })).toBe('2'); // one form only: the number alone
    // The noun agrees with the number as written, rounded to two decimals.
    expect([0.999, 1.001].map(en)).toEqual(['1 day', '1 day']);
    expect(fr(1.999)).toBe(`2${NBSP}ans`);
  });

  it('reads a fact named like a helper when the helper is given nothing: {{count}}, {{money}}', () => {
    expect(render('{{count}} lignes; {{#each l}}{{count}}{{/each}}', 'fr', { count: 3, l: [{ count: 1 }] })).toBe(
      '3 lignes; 1',
    );
    expect(render('[{{money}}]', 'en', {})).toBe('[]');
  });

  it('writes what is not an amount or a date as it is: a masked value, a missing one', () => {
    expect(render('{{money total}} / {{date day}}', 'fr', { total: '***', day: '***' })).toBe('*** / ***');
    expect(render('[{{money total}}]', 'en', {})).toBe('[]');
  });

  it('lets explanations call money, date and count, and refuses the prompt helpers there', () => {
    expect(analyseTemplate('{{money a}} {{date b}} {{count c "x" "y"}}', '/x', EXPLANATION_HELPERS).problems).toEqual(
      [],
    );
    expect(analyseTemplate('{{truncate a 3}}', '/x', EXPLANATION_HELPERS).problems[0]?.message).toMatch(
      /not an allowed helper \(money, date, count\)/,
    );
    expect(analyseTemplate('{{money a}}', '/x').problems[0]?.message).toMatch(/not an allowed helper/);
  });
});

describe('the context an explanation reads', () => {
  it('is what { ...facts, ...computed } gives: computed facts win, "__proto__" is an ordinary fact', () => {
    const facts = JSON.parse('{"__proto__": {"polluted": true}, "total": 10, "name": "A"}') as Record<string, unknown>;
    const computed = { total: 11.5, due: '2026-04-02' };
    const context = explanationContext(facts, computed);
    expect({ ...context }).toEqual({ ...facts, ...computed });
    expect(Object.keys(context)).toEqual(Object.keys({ ...facts, ...computed }));
    expect(Object.hasOwn(context, '__proto__')).toBe(true);
    expect((context as { polluted?: unknown }).polluted).toBeUndefined();
    const template = compileExplanation('{{name}}: {{money total}}, {{date due}}', 'en');
    expect(template(context)).toBe(template({ ...facts, ...computed }));
    expect(template(context)).toBe('A: $11.50, April 2, 2026');
  });

  it('renders blocks that go back to it from a list of plain values (it threw, and the decision answered 500)', () => {
    const context = explanationContext({ items: [1, 2], nom: 'un fait' }, {});
    const nested = compileExplanation('{{#each items}}{{#each ../items}}x{{/each}}{{/each}} {{nom}}', 'fr');
    expect(nested(context, { allowProtoPropertiesByDefault: false })).toBe('xxxx un fait');
  });

  it("writes a caller's object whose toString is no function as any object (it threw, and the decision answered 500)", () => {
    const facts = JSON.parse('{"o": {"toString": "a", "valueOf": 1}, "l": [{"toString": "a"}]}') as Record<
      string,
      unknown
    >;
    const template = compileExplanation('{{o}} {{money o}} {{date o}} {{count o "an" "ans"}} {{l}}', 'fr');
    expect(template(explanationContext(facts, {}))).toBe(
      '[object Object] [object Object] [object Object] [object Object]\u00a0ans [object Array]',
    );
  });
});

describe('explain', () => {
  it('gives each fired rule its own event params, and leaves the facts it was given as they were', () => {
    const explanations = new Map([
      ['over', { fr: '{{total}} > {{event.limit}}', en: '{{total}} over {{event.limit}}' }],
      ['plain', { fr: 'sans seuil{{#if event.limit}} {{event.limit}}{{/if}}', en: 'no limit{{event.limit}}' }],
    ]);
    const fired = [
      { name: 'over', event: { type: 'review', params: { limit: 500 } }, conditions: [] },
      { name: 'plain', event: { type: 'note' }, conditions: [] },
    ];
    const facts = { total: 700 };
    const computed = { event: 'a fact named event is hidden by the rule’s event' };
    const explanation = explain({ explanations }, fired, facts, computed);
    expect(explanation.rules.map((r) => r.fr)).toEqual(['700 > 500', 'sans seuil']);
    expect(explanation.en).toBe('700 over 500 no limit');
    expect(facts).toEqual({ total: 700 });
    expect(computed).toEqual({ event: 'a fact named event is hidden by the rule’s event' });
  });
});

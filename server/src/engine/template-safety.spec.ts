import { describe, expect, it } from '@jest/globals';
import { analyseTemplate, declares, renderTemplate } from './template-safety.js';

describe('template analysis', () => {
  it('lists the variables a template reads, inside #each and #with too', () => {
    const { variables, problems } = analyseTemplate(
      'Question : {{question}}\n{{#each datasets}}- {{title}} ({{organization.title}}) {{@index}} {{../locale}}\n{{/each}}{{#with user}}{{name}}{{/with}}{{#if (eq locale "en")}}EN{{/if}}{{join tags ", "}}',
      '/template',
    );
    expect(problems).toEqual([]);
    expect(variables.map((v) => v.join('.'))).toEqual([
      'question',
      'datasets',
      'datasets.[].title',
      'datasets.[].organization.title',
      'locale',
      'user',
      'user.name',
      'tags',
    ]);
  });

  it.each([
    ['{{constructor.constructor}}', /prototype access/],
    ['{{question.__proto__}}', /prototype access/],
    ['{{__proto__}}', /prototype access/],
    ['{{#with __proto__}}{{x}}{{/with}}', /prototype access/],
    ['{{#each x}}{{lookup this "constructor"}}{{/each}}', /not an allowed helper/],
    ['{{> secret}}', /partial/],
    ['{{#evil}}x{{/evil}}', /only #if, #unless, #each and #with/],
    ['{{exec "rm"}}', /not an allowed helper/],
    ['{{#if}}', /not a valid template/],
    ['{{@root.constructor}}', /"constructor": prototype access/],
    ['{{@root.__proto__}}', /"__proto__": prototype access/],
    ['{{@root.prototype}}', /"prototype": prototype access/],
    ['{{#each l}}{{@root.constructor.name}}{{/each}}', /"constructor": prototype access/],
    ['{{@index.constructor}}', /"constructor": prototype access/],
    ['{{this.constructor}}', /"constructor": prototype access/],
    ['{{#with q}}{{this.__proto__}}{{/with}}', /"__proto__": prototype access/],
  ])('refuses %s before running it', (template, reason) => {
    const { problems } = analyseTemplate(template, '/template');
    expect(problems.map((p) => p.message).join(' ')).toMatch(reason);
  });

  it('checks declarations against the variables schema', () => {
    const schema = {
      type: 'object',
      properties: {
        question: { type: 'string' },
        datasets: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' } } } },
      },
    };
    expect(declares(schema, ['question'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'title'])).toBe(true);
    expect(declares(schema, ['datasets', '[]', 'url'])).toBe(false);
    expect(declares(schema, ['secret'])).toBe(false);
    expect(declares(schema, ['__proto__'])).toBe(false);
    expect(declares(schema, ['constructor'])).toBe(false);
  });

  it('renders without escaping and refuses prototype lookups at run time too', () => {
    expect(renderTemplate('Q: {{q}} <b>{{truncate q 5}}</b>', { q: 'Données & "arbres"' })).toBe(
      'Q: Données & "arbres" <b>Donn…</b>',
    );
    expect(() => renderTemplate('{{missing}}', {})).toThrow();
    expect(renderTemplate('{{formatDate d "fr"}}', { d: '2026-03-02' })).toBe('2 mars 2026');
  });
});

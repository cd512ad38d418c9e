import { describe, expect, it } from '@jest/globals';
import { analyseRuleset } from './analyse.js';

const inputSchema = {
  type: 'object',
  properties: {
    invoice: {
      type: 'object',
      required: ['total', 'currency'],
      properties: { total: { type: 'number' }, currency: { type: 'string', enum: ['CAD', 'USD'] } },
    },
    tags: { type: 'array', items: { type: 'string' } },
  },
};
const total = (operator: string, value: unknown) => ({ fact: 'invoice', path: '$.total', operator, value });
const currency = (operator: string, value: unknown) => ({ fact: 'invoice', path: '$.currency', operator, value });
const rule = (name: string, conditions: object, type = 'review') => ({ name, conditions, event: { type } });
const analyse = (rules: object[], extra: object = {}) =>
  analyseRuleset('rules', { inputSchema, definition: { rules, ...extra }, computedFacts: [{ name: 'risk' }] });
const found = (a: ReturnType<typeof analyse>, kind: string) => a.findings.filter((f) => f.kind === kind);

describe('rules', () => {
  it('finds nothing wrong in rules that can each fire', () => {
    const a = analyse([
      rule('big', { all: [total('greaterThan', 1000)] }),
      rule('usd', { all: [currency('equal', 'USD')] }, 'convert'),
    ]);
    expect(a.findings).toEqual([]);
  });

  it('reports a rule whose conditions can never hold: x > 5 and x < 3', () => {
    const a = analyse([
      rule('ok', { all: [total('greaterThan', 1)] }),
      rule('never', { all: [total('greaterThan', 5), total('lessThan', 3)] }),
    ]);
    expect(found(a, 'contradiction')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: '/definition/rules/1',
        message: expect.stringContaining('"never"'),
      }),
    ]);
  });

  it('sees contradictions through named conditions, not:, in/notIn and the enum', () => {
    const a = analyse(
      [
        rule('named', { all: [{ condition: 'isUsd' }, currency('not:equal', 'USD')] }),
        rule('listed', { all: [currency('in', ['CAD']), currency('notIn', ['CAD'])] }),
        rule('enum', { all: [currency('notEqual', 'CAD'), currency('notEqual', 'USD')] }),
        rule('fine', { any: [total('lessThan', 0), total('greaterThan', 10)] }),
      ],
      { conditions: { isUsd: { all: [currency('equal', 'USD')] } } },
    );
    expect(found(a, 'contradiction').map((f) => f.path)).toEqual([
      '/definition/rules/0',
      '/definition/rules/1',
      '/definition/rules/2',
    ]);
  });

  it('does not take a computed fact for a number under a not: not (risk < 5) holds for "high"', () => {
    const risk = (operator: string, value: unknown) => ({ fact: 'risk', operator, value });
    const a = analyse([
      rule('loose', { all: [{ not: risk('lessThan', 5) }, { not: risk('greaterThan', 7) }, risk('equal', 'high')] }),
      rule('strict', { all: [risk('greaterThanInclusive', 5), risk('equal', 'high')] }),
    ]);
    expect(found(a, 'contradiction').map((f) => f.path)).toEqual(['/definition/rules/1']);
  });

  it('counts a property of a nullable object as possibly absent', () => {
    const schema = {
      type: 'object',
      properties: {
        order: { type: ['object', 'null'], required: ['paid'], properties: { paid: { type: 'boolean' } } },
      },
    };
    const paid = (operator: string, value: unknown) => ({ fact: 'order', path: '$.paid', operator, value });
    const rules = [rule('neither', { all: [paid('notEqual', true), paid('notEqual', false)] })];
    expect(analyseRuleset('rules', { inputSchema: schema, definition: { rules } }).findings).toEqual([]);
    const always = { ...schema, properties: { order: { ...schema.properties.order, type: 'object' } } };
    expect(analyseRuleset('rules', { inputSchema: always, definition: { rules } }).findings).toEqual([
      expect.objectContaining({ kind: 'contradiction', path: '/definition/rules/0' }),
    ]);
  });

  it('reports a rule subsumed by a broader one with the same event, and not one with another event', () => {
    const a = analyse([
      rule('broad', { all: [total('greaterThan', 1000)] }),
      rule('narrow', { all: [total('greaterThan', 5000), currency('equal', 'USD')] }),
      rule('other-event', { all: [total('greaterThan', 5000)] }, 'escalate'),
    ]);
    expect(found(a, 'subsumed')).toEqual([
      expect.objectContaining({
        severity: 'info',
        path: '/definition/rules/1',
        message: expect.stringContaining('"broad"'),
      }),
    ]);
  });

  it('reports facts absent from the input schema, and not computed facts', () => {
    const a = analyse([
      rule('a', { all: [{ fact: 'supplier', operator: 'equal', value: 'x' }] }),
      rule('b', { all: [{ fact: 'invoice', path: '$.discount', operator: 'greaterThan', value: 0 }] }),
      rule('c', { all: [{ fact: 'risk', operator: 'greaterThan', value: 3 }] }),
    ]);
    expect(found(a, 'unknown_fact').map((f) => f.path)).toEqual([
      '/definition/rules/0/conditions/all/0',
      '/definition/rules/1/conditions/all/0',
    ]);
    expect(a.notChecked).toContainEqual({
      path: '/definition/rules/2/conditions/all/0',
      reason: '"risk" is computed or looked up: its type is not checked',
      text: {
        fr: '«\u00a0risk\u00a0» est calculé ou consulté\u00a0: son type n’est pas vérifié',
        en: '"risk" is computed or looked up: its type is not checked',
      },
    });
  });

  it('reports values that do not fit the schema: a string to a number, contains on a string', () => {
    const a = analyse([
      rule('a', { all: [total('equal', '100')] }),
      rule('b', { all: [currency('contains', 'U')] }),
      rule('c', { all: [{ fact: 'tags', operator: 'contains', value: 'urgent' }] }),
    ]);
    expect(found(a, 'type_mismatch').map((f) => f.path)).toEqual([
      '/definition/rules/0/conditions/all/0',
      '/definition/rules/1/conditions/all/0',
    ]);
  });

  it('reports a number comparison of a computed fact with a value that is no number, whatever the fact is', () => {
    const a = analyse([
      rule('a', { all: [{ fact: 'risk', operator: 'greaterThan', value: 'abc' }] }),
      rule('b', { all: [{ fact: 'risk', operator: 'lessThan', value: { fact: 'limit' } }] }),
      rule('c', { all: [{ fact: 'risk', operator: 'greaterThanInclusive', value: 2 }] }),
    ]);
    expect(found(a, 'type_mismatch').map((f) => [f.path, f.text.fr])).toEqual([
      ['/definition/rules/0/conditions/all/0', 'risk\u00a0: greaterThan demande un nombre, pas "abc"'],
    ]);
  });

  it('warns when in or notIn is given a text, which the engine searches inside, instead of a list', () => {
    const a = analyse([
      rule('a', { all: [currency('in', 'CAD, USD')] }),
      rule('b', { all: [currency('not:notIn', ['CAD', 'USD'])] }),
    ]);
    const [text] = found(a, 'type_mismatch');
    expect([text?.path, text?.severity]).toEqual(['/definition/rules/0/conditions/all/0', 'warning']);
    expect(text?.text.fr).toContain('in compare avec une liste, pas avec le texte "CAD, USD"');
    expect(found(a, 'type_mismatch')).toHaveLength(1);
  });

  it('never claims "can fire" for conditions it does not model', () => {
    const a = analyse([
      rule('m', { all: [currency('matches', '^U'), { fact: 'tags', operator: 'someFact:equal', value: 1 }] }),
    ]);
    expect(a.findings).toEqual([]);
    expect(a.notChecked).toContainEqual(
      expect.objectContaining({ path: '/definition/rules/0', reason: expect.stringContaining('matches') }),
    );
    // French first, as the console shows it: every reason, each with its non-breaking space before « ; ».
    expect(a.notChecked.find((n) => n.path === '/definition/rules/0')?.text.fr).toBe(
      'on ne sait pas si la règle «\u00a0m\u00a0» peut s’appliquer\u00a0: l’opérateur matches n’est pas modélisé\u202f; ' +
        'le décorateur de someFact:equal n’est pas modélisé',
    );
  });
});

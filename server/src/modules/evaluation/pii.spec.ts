import { describe, expect, it } from '@jest/globals';
import { declaresRead, derivedPiiPaths, MASK, maskFacts, maskUndeclared, piiPaths, touchesPii } from './pii.js';

const schema = {
  type: 'object',
  properties: {
    employee: {
      type: 'object',
      properties: {
        name: { type: 'string', 'x-pii': true },
        birthDate: { type: 'string', 'x-pii': true },
        group: { type: 'string' },
      },
    },
    dependants: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string', 'x-pii': true }, relation: { type: 'string' } } },
    },
  },
};

describe('personal information', () => {
  const paths = piiPaths(schema);

  it('finds the fields marked x-pii, through objects and arrays', () => {
    expect(paths).toEqual([
      ['employee', 'name'],
      ['employee', 'birthDate'],
      ['dependants', '*', 'name'],
    ]);
  });

  it('masks them in a copy and leaves the rest', () => {
    const facts = {
      employee: { name: 'Léa Roy', birthDate: '1990-01-01', group: 'A' },
      dependants: [{ name: 'Max', relation: 'child' }],
    };
    expect(maskFacts(facts, paths)).toEqual({
      employee: { name: '***', birthDate: '***', group: 'A' },
      dependants: [{ name: '***', relation: 'child' }],
    });
    expect(facts.employee.name).toBe('Léa Roy');
  });

  it('copies only what lies on the way to a masked value, and leaves the facts as they were', () => {
    const facts = { employee: { name: 'Léa Roy', group: 'A' }, lines: [{ amount: 5 }], other: { n: 1 } };
    const before = structuredClone(facts);
    const masked = maskFacts(facts, [
      ['employee', 'name'],
      ['missing', 'name'],
      ['lines', '*', 'name'],
    ]);
    expect(masked).toEqual({ ...facts, employee: { name: '***', group: 'A' } });
    expect(facts).toEqual(before);
    expect([masked.employee === facts.employee, masked.lines === facts.lines, masked.other === facts.other]).toEqual([
      false,
      true,
      true,
    ]);
    expect(maskFacts(facts, [['nothing']])).toBe(facts);
  });

  it('leaves a list alone where the schema marks a member "length" (facts that do not follow the schema)', () => {
    const facts = { x: [1, 2], y: [{ length: 'secret' }] };
    expect(
      maskFacts(facts, [
        ['x', 'length'],
        ['y', '*', 'length'],
      ]),
    ).toEqual({ x: [1, 2], y: [{ length: '***' }] });
  });

  it('masks own fields only: a path through __proto__ or constructor never reaches Object.prototype', () => {
    const hostile = [['__proto__', 'toString'], ['constructor', 'prototype', 'valueOf'], ['toString'], ['__proto__']];
    const facts = JSON.parse('{"__proto__": {"toString": "x"}, "name": "Léa"}') as Record<string, unknown>;
    const masked = maskFacts(facts, hostile);
    // The copy is an ordinary object of this realm, whose Object.prototype a pollution would reach.
    const plain = {} as Record<string, unknown>;
    expect([typeof plain['toString'], typeof plain['valueOf']]).toEqual(['function', 'function']);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(facts['name']).toBe('Léa');
    expect(Object.keys(masked).sort()).toEqual(['__proto__', 'name']);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toBe('***');
    expect(Object.hasOwn(maskFacts({ a: 1 }, hostile), 'toString')).toBe(false);
  });

  it('finds fields marked through $ref, additionalProperties, patternProperties and prefixItems, and masks them (masking failed open there)', () => {
    const indirect = {
      type: 'object',
      $defs: {
        person: {
          type: 'object',
          properties: { name: { type: 'string', 'x-pii': true }, manager: { $ref: '#/$defs/person' } },
        },
      },
      properties: {
        employee: { $ref: '#/$defs/person' },
        contacts: { type: 'object', additionalProperties: { type: 'string', 'x-pii': true } },
        notes: { type: 'object', patternProperties: { '^n': { 'x-pii': true } } },
        pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string', 'x-pii': true }] },
      },
    };
    const found = piiPaths(indirect);
    expect(found).toEqual(
      expect.arrayContaining([
        ['employee', 'name'],
        ['employee', 'manager', 'name'],
        ['contacts', '*'],
        ['notes', '*'],
        ['pair', '1'],
      ]),
    );
    const facts = {
      employee: { name: 'Léa', manager: { name: 'Max' } },
      contacts: { home: 'lea@x.ca', work: 'l.roy@y.ca' },
      notes: { n1: 'privé' },
      pair: ['public', 'secret'],
    };
    expect(maskFacts(facts, found)).toEqual({
      employee: { name: '***', manager: { name: '***' } },
      contacts: { home: '***', work: '***' },
      notes: { n1: '***' },
      pair: ['public', '***'],
    });
    // Deeper than the schema is followed, the whole subtree is masked rather than shown.
    const chain = (depth: number): object =>
      depth === 0 ? { name: 'Zoé' } : { name: `N${depth}`, manager: chain(depth - 1) };
    const deep = maskFacts({ employee: chain(7) }, found);
    expect(JSON.stringify(deep)).not.toMatch(/N\d|Zoé/);
  });

  it('follows a $ref to an anchor to the part that declares it (it was read as the whole schema, and failed open)', () => {
    const schema = {
      type: 'object',
      properties: { employee: { $ref: '#person' }, total: { type: 'number' } },
      $defs: { person: { $anchor: 'person', type: 'object', properties: { name: { type: 'string', 'x-pii': true } } } },
    };
    const found = piiPaths(schema);
    expect(found).toEqual([['employee', 'name']]);
    expect(maskFacts({ employee: { name: 'Léa' }, total: 5 }, found)).toEqual({ employee: { name: '***' }, total: 5 });
  });

  it('follows draft 7 anchors ($id: "#name"), and masks the whole place when a reference cannot be followed', () => {
    const draft7 = {
      type: 'object',
      properties: { employee: { $ref: '#person' } },
      definitions: { p: { $id: '#person', type: 'object', properties: { name: { 'x-pii': true } } } },
    };
    expect(piiPaths(draft7)).toEqual([['employee', 'name']]);
    // Read from a base a nested $id moved (ajv resolves it; this reading does not): masked whole, not shown.
    const moved = { type: 'object', properties: { employee: { $ref: 'person.json' }, total: { type: 'number' } } };
    expect(piiPaths(moved)).toEqual([['employee']]);
    expect(piiPaths({ $ref: '#nowhere' })).toEqual([['*']]);
  });

  it('knows which condition values would reveal them', () => {
    expect(touchesPii('employee', '$.birthDate', paths)).toBe(true);
    expect(touchesPii('employee', undefined, paths)).toBe(true);
    expect(touchesPii('employee', '$.group', paths)).toBe(false);
    expect(touchesPii('dependants', '$[0].name', paths)).toBe(true);
    expect(touchesPii('invoice', '$.total', paths)).toBe(false);
  });
});

describe('facts derived from personal information', () => {
  const input = [['employee', 'birthDate']];

  it('marks computed facts that read a personal field, directly or through another, and lookups keyed by one', () => {
    const computed = [
      { name: 'age', reads: [['employee', 'birthDate']] },
      { name: 'senior', reads: [['age']] },
      { name: 'plan', reads: [['employee', 'plan']] },
      { name: 'whole', reads: [['employee']] },
    ];
    const lookups = [
      { fact: 'group', key: { fact: 'employee', path: '$.birthDate' } },
      { fact: 'planRow', key: { fact: 'employee', path: '$.plan' } },
    ];
    expect(derivedPiiPaths(input, computed, lookups)).toEqual(
      expect.arrayContaining([['age'], ['senior'], ['whole'], ['group']]),
    );
    expect(derivedPiiPaths(input, computed, lookups)).toHaveLength(4);
  });

  it('follows a lookup into a computed fact declared before it', () => {
    const computed = [{ name: 'groupName', reads: [['group', 'name']] }];
    expect(
      derivedPiiPaths(input, computed, [{ fact: 'group', key: { fact: 'employee', path: '$.birthDate' } }]),
    ).toEqual([['group'], ['groupName']]);
  });
});

describe('maskUndeclared', () => {
  const schema = {
    type: 'object',
    $defs: {
      person: { type: 'object', properties: { name: { type: 'string' }, manager: { $ref: '#/$defs/person' } } },
    },
    properties: {
      employee: { $ref: '#/$defs/person' },
      dependants: { type: 'array', items: { type: 'object', properties: { age: { type: 'number' } } } },
      context: { type: 'object' }, // declared whole: its members are not named
      codes: { type: 'object', additionalProperties: { type: 'string' } },
      extra: { allOf: [{ properties: { a: { type: 'number' } } }, { properties: { b: { type: 'number' } } }] },
    },
  };

  it('masks what the schema does not name, at any depth, and keeps what it names or declares whole', () => {
    const facts = {
      employee: { name: 'Jean', sin: '123-456-789', manager: { name: 'Ana', notes: 'diabétique' } },
      dependants: [{ age: 4, health: 'asthme' }],
      context: { anything: 'kept' },
      codes: { x: 'y' },
      extra: { a: 1, b: 2, c: 3 },
      notes: 'Jean Tremblay, diabétique',
    };
    expect(maskUndeclared(facts, schema)).toEqual({
      employee: { name: 'Jean', sin: MASK, manager: { name: 'Ana', notes: MASK } },
      dependants: [{ age: 4, health: MASK }],
      context: { anything: 'kept' },
      codes: { x: 'y' },
      extra: { a: 1, b: 2, c: MASK },
      notes: MASK,
    });
    expect(facts.notes).toBe('Jean Tremblay, diabétique'); // a copy: the facts are not changed
  });

  it('works out each place’s schemas once, and still tells a list’s first items from the rest', () => {
    const listed = {
      type: 'object',
      properties: {
        rows: {
          type: 'array',
          prefixItems: [{ type: 'object', properties: { a: { type: 'number' } } }],
          items: { type: 'object', properties: { b: { type: 'number' } } },
        },
      },
    };
    const rows = Array.from({ length: 3 }, () => ({ a: 1, b: 2, c: 3 }));
    expect(maskUndeclared({ rows }, listed)).toEqual({
      rows: [
        { a: 1, b: 2, c: MASK },
        { a: MASK, b: 2, c: MASK },
        { a: MASK, b: 2, c: MASK },
      ],
    });
  });

  it('keeps an object key named __proto__ as data, masked, without touching the copy’s prototype', () => {
    const masked = maskUndeclared(JSON.parse('{"__proto__": {"polluted": true}}'), schema) as object;
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toBe(MASK);
  });

  it('declares by pattern only the members whose names match it', () => {
    const coded = {
      type: 'object',
      properties: { name: { type: 'string' } },
      patternProperties: { '^code_': { type: 'string' } },
    };
    expect(maskUndeclared({ name: 'A', code_x: 'y', sin: '123-456-789' }, coded)).toEqual({
      name: 'A',
      code_x: 'y',
      sin: MASK,
    });
  });

  it('says whether a rule reads something the schema declares, through paths and array items', () => {
    expect(declaresRead(schema, 'notes', undefined)).toBe(false);
    expect(declaresRead(schema, 'employee', '$.manager.name')).toBe(true);
    expect(declaresRead(schema, 'employee', '$.manager.notes')).toBe(false);
    expect(declaresRead(schema, 'dependants', '$[0].age')).toBe(true);
    expect(declaresRead(schema, 'dependants', '$[0].health')).toBe(false);
    expect(declaresRead(schema, 'context', '$.anything.below')).toBe(true);
  });
});

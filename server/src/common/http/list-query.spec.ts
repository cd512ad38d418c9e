import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/domain-errors.js';
import { ListQueryPipe } from './list-query.js';

describe('ListQueryPipe', () => {
  const pipe = new ListQueryPipe(['name', 'createdAt'], ['createdAt', 'DESC']);

  it('reads the ra-data-simple-rest parameters', () => {
    expect(pipe.transform({ sort: '["name","ASC"]', range: '[10,19]', filter: '{"pilot":"invoices"}' })).toEqual({
      sortField: 'name',
      sortOrder: 'ASC',
      skip: 10,
      limit: 10,
      filter: { pilot: 'invoices' },
    });
  });

  it('has defaults for a bare request and caps the page size', () => {
    expect(pipe.transform({})).toMatchObject({ sortField: 'createdAt', sortOrder: 'DESC', skip: 0, limit: 25 });
    expect(pipe.transform({ range: '[0,100000]' }).limit).toBe(500);
  });

  it('names each bad parameter', () => {
    try {
      pipe.transform({ sort: '["passwordHash","ASC"]', range: 'oops', filter: '[1]' });
      throw new Error('expected a ValidationError');
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details.map((d) => d.path)).toEqual(['/range', '/sort', '/filter']);
    }
  });

  it('refuses a parameter besides the three, saying that filters go inside filter', () => {
    try {
      pipe.transform({ pilot: 'invoices', 'a/b': 'x', range: '[0,9]' });
      throw new Error('expected a ValidationError');
    } catch (err) {
      const details = (err as ValidationError).details;
      expect(details.map((d) => d.path)).toEqual(['/pilot', '/a~1b']);
      expect(details[0]!.message).toMatch(/sort, range, filter: filters go inside filter, as filter=\{"pilot":…\}$/);
    }
  });

  it('reads an inverted range as an empty page, and refuses null where a value is expected', () => {
    expect(pipe.transform({ range: '[5,2]' })).toMatchObject({ skip: 5, limit: 0 });
    for (const name of ['sort', 'range', 'filter']) {
      expect(() => pipe.transform({ [name]: 'null' })).toThrow(ValidationError);
    }
    expect(() => pipe.transform({ range: '[0,1e12]' })).toThrow(ValidationError);
  });

  it('takes only the filters a list declares, each with a value of its schema', () => {
    const governed = new ListQueryPipe(['key'], ['key', 'ASC'], {
      q: { type: 'string' },
      archived: { type: 'boolean' },
    });
    expect(governed.transform({ filter: '{"q":"fact","archived":true}' }).filter).toEqual({
      q: 'fact',
      archived: true,
    });
    const refused = () => governed.transform({ filter: '{"qq":"fact","archived":"yes"}' });
    expect(refused).toThrow(ValidationError);
    try {
      refused();
    } catch (err) {
      expect((err as ValidationError).details).toEqual([
        expect.objectContaining({ path: '/filter/qq', message: 'is not an allowed field' }),
        expect.objectContaining({ path: '/filter/archived', message: 'must be boolean' }),
      ]);
    }
    const [, , filter] = governed.queryParameters();
    expect(filter?.content?.['application/json'].schema).toMatchObject({
      additionalProperties: false,
      properties: { q: { type: 'string' }, archived: { type: 'boolean' } },
    });
  });

  it('describes its parameters for the OpenAPI document', () => {
    const [sort, range, filter] = pipe.queryParameters();
    expect(sort).toMatchObject({
      name: 'sort',
      in: 'query',
      content: {
        'application/json': { schema: { prefixItems: [{ enum: ['name', 'createdAt'] }, { enum: ['ASC', 'DESC'] }] } },
      },
    });
    expect(range?.name).toBe('range');
    expect(filter?.content?.['application/json'].schema).toEqual({ type: 'object' });
  });
});

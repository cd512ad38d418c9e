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
});

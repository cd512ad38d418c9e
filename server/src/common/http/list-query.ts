import { Query, type PipeTransform } from '@nestjs/common';
import { ValidationError, type ErrorDetail } from '../errors/domain-errors.js';

/** A ra-data-simple-rest list request: `sort=["name","ASC"]`, `range=[0,24]`, `filter={"pilot":"invoices"}`. */
export interface ListQuery {
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  skip: number;
  limit: number;
  filter: Record<string, unknown>;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  skip: number;
}

const MAX_PAGE = 500;

/** Parses and checks the three JSON query parameters; the sort field must be one the resource allows. */
export class ListQueryPipe implements PipeTransform {
  constructor(
    private readonly sortable: readonly string[],
    private readonly defaultSort: [string, 'ASC' | 'DESC'],
  ) {}

  transform(query: Record<string, unknown>): ListQuery {
    const problems: ErrorDetail[] = [];
    const sort = parseJson(query['sort'], '/sort', problems) ?? this.defaultSort;
    const range = parseJson(query['range'], '/range', problems) ?? [0, 24];
    const filter = parseJson(query['filter'], '/filter', problems) ?? {};
    if (!Array.isArray(sort) || sort.length !== 2 || !this.sortable.includes(sort[0]) || !['ASC', 'DESC'].includes(sort[1])) {
      problems.push({ path: '/sort', message: `must be ["field","ASC"|"DESC"] with field one of: ${this.sortable.join(', ')}` });
    }
    const rangeOk = Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0) && range[1] >= range[0];
    if (!rangeOk) problems.push({ path: '/range', message: 'must be [start, end] with 0 <= start <= end' });
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) problems.push({ path: '/filter', message: 'must be a JSON object' });
    if (problems.length > 0) throw new ValidationError('The list query is invalid.', problems);
    const [start, end] = range as [number, number];
    const [sortField, sortOrder] = sort as [string, 'ASC' | 'DESC'];
    return {
      sortField,
      sortOrder,
      skip: start,
      limit: Math.min(end - start + 1, MAX_PAGE),
      filter: filter as Record<string, unknown>,
    };
  }
}

function parseJson(raw: unknown, path: string, problems: ErrorDetail[]): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(String(raw));
  } catch {
    problems.push({ path, message: 'is not valid JSON' });
    return undefined;
  }
}

/** `@ListParams(['name','createdAt'], ['createdAt','DESC'])`: the parsed list query. */
export const ListParams = (sortable: readonly string[], defaultSort: [string, 'ASC' | 'DESC']) =>
  Query(new ListQueryPipe(sortable, defaultSort));

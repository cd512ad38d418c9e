import { Query, type PipeTransform } from '@nestjs/common';
import type { ValidateFunction } from 'ajv';
import { ValidationError, type ErrorDetail } from '../errors/domain-errors.js';
import { contractAjv, toErrorDetails } from './ajv.js';
import { pointerSegment } from '../json/json-pointer.js';
import { repeatedParameters, type DescribesQuery, type QueryParameter } from './query-parameters.js';

/** A ra-data-simple-rest list request: `sort=["name","ASC"]`, `range=[0,24]`, `filter={"pilot":"invoices"}`. */
export interface ListQuery {
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
  skip: number;
  /** 0 for an inverted range (`[5,2]`): an empty page, which the repositories answer without reading rows. */
  limit: number;
  filter: Record<string, unknown>;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  skip: number;
}

const MAX_PAGE = 500;
const MAX_OFFSET = 1_000_000_000;

/** The filters a list takes, as JSON Schemas of their values (`{ q: { type: 'string' } }`). */
export type ListFilters = Record<string, object>;

/** The free-text search of a console list (react-admin's `q`), described with what it searches. */
export const textSearch = (where: string) => ({
  q: { type: 'string', maxLength: 200, description: `text in ${where}, case and accents aside` },
});

/** What governed resources and reference tables search. */
export const TEXT_SEARCH = textSearch('the key, name or description');

/** The parameters ra-data-simple-rest sends; any other is refused (see transform). */
const LIST_PARAMETERS = ['sort', 'range', 'filter'];

/**
 * Parses and checks the three JSON query parameters; the sort field must be one the resource allows. With
 * `filters`, the filter must use only those, each with a value of its schema: a mistyped name or a number where
 * a status is expected would otherwise list everything as if it were the answer.
 */
export class ListQueryPipe implements PipeTransform, DescribesQuery {
  private readonly filterSchema: object;
  private readonly validateFilter: ValidateFunction;

  constructor(
    private readonly sortable: readonly string[],
    private readonly defaultSort: [string, 'ASC' | 'DESC'],
    filters?: ListFilters,
    /** Parameters the list's own pipe reads beside these (the audit's `?actor=`): not refused here. */
    private readonly alsoRead: readonly string[] = [],
  ) {
    this.filterSchema = filters
      ? { type: 'object', additionalProperties: false, properties: filters }
      : { type: 'object' }; // the caller checks them (audit, reviews)
    this.validateFilter = contractAjv.compile(this.filterSchema);
  }

  transform(query: Record<string, unknown>): ListQuery {
    // Every parameter of a list takes one value.
    const repeated = repeatedParameters(query, () => true);
    if (repeated.length > 0) throw new ValidationError('The list query is invalid.', repeated);
    const problems: ErrorDetail[] = [];
    // `?pilot=invoices` beside the three would list every pilot as if it were the answer: refused, and shown where
    // it goes.
    const unknown = (name: string) => !LIST_PARAMETERS.includes(name) && !this.alsoRead.includes(name);
    for (const name of Object.keys(query).filter(unknown))
      problems.push({
        path: `/${pointerSegment(name)}`,
        message: `is not a parameter of this list, which takes ${[...LIST_PARAMETERS, ...this.alsoRead].join(', ')}: filters go inside filter, as filter={"${name.slice(0, 40)}":…}`,
      });
    // Only an absent parameter takes the default: `range=null` is a value, and a wrong one.
    const sort = parseJson(query['sort'], '/sort', problems, this.defaultSort);
    const range = parseJson(query['range'], '/range', problems, [0, 24]);
    const filter = parseJson(query['filter'], '/filter', problems, {});
    if (
      !Array.isArray(sort) ||
      sort.length !== 2 ||
      !this.sortable.includes(sort[0]) ||
      !['ASC', 'DESC'].includes(sort[1])
    ) {
      problems.push({
        path: '/sort',
        message: `must be ["field","ASC"|"DESC"] with field one of: ${this.sortable.join(', ')}`,
      });
    }
    const rangeOk =
      Array.isArray(range) &&
      range.length === 2 &&
      range.every((n) => Number.isInteger(n) && n >= 0 && n <= MAX_OFFSET);
    if (!rangeOk)
      problems.push({ path: '/range', message: `must be [start, end], two whole numbers from 0 to ${MAX_OFFSET}` });
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
      problems.push({ path: '/filter', message: 'must be a JSON object' });
    else if (!this.validateFilter(filter)) problems.push(...toErrorDetails(this.validateFilter.errors, '/filter'));
    if (problems.length > 0) throw new ValidationError('The list query is invalid.', problems);
    const [start, end] = range as [number, number];
    const [sortField, sortOrder] = sort as [string, 'ASC' | 'DESC'];
    return {
      sortField,
      sortOrder,
      skip: start,
      // An inverted range is a valid request for nothing rather than an error: the contract cannot say start <= end.
      limit: Math.max(0, Math.min(end - start + 1, MAX_PAGE)),
      filter: filter as Record<string, unknown>,
    };
  }

  queryParameters(): QueryParameter[] {
    const json = (schema: object) => ({ content: { 'application/json': { schema } } as const });
    const offset = { type: 'integer', minimum: 0, maximum: MAX_OFFSET };
    return [
      {
        name: 'sort',
        in: 'query',
        required: false,
        description: `["field","ASC"|"DESC"], default ${JSON.stringify(this.defaultSort)}`,
        ...json({
          type: 'array',
          prefixItems: [{ enum: [...this.sortable] }, { enum: ['ASC', 'DESC'] }],
          items: false,
          minItems: 2,
        }),
      },
      {
        name: 'range',
        in: 'query',
        required: false,
        description: `[start, end], both included, at most ${MAX_PAGE} items; default [0,24]`,
        ...json({ type: 'array', prefixItems: [offset, offset], items: false, minItems: 2 }),
      },
      {
        name: 'filter',
        in: 'query',
        required: false,
        description: 'a JSON object of filters',
        ...json(this.filterSchema),
      },
    ];
  }
}

function parseJson(raw: unknown, path: string, problems: ErrorDetail[], absent: unknown): unknown {
  if (raw === undefined) return absent;
  try {
    return JSON.parse(String(raw));
  } catch {
    problems.push({ path, message: 'is not valid JSON' });
    return absent;
  }
}

/** `@ListParams(['name','createdAt'], ['createdAt','DESC'], { q: { type: 'string' } })`: the parsed list query. */
export const ListParams = (sortable: readonly string[], defaultSort: [string, 'ASC' | 'DESC'], filters: ListFilters) =>
  Query(new ListQueryPipe(sortable, defaultSort, filters));

/**
 * A list's parameters when its filters are also taken as plain parameters (audit, reviews): `filter` says that
 * the two may be given together, the parameter's value then used (a request with both is schema-valid, and the
 * contract fuzzer sends them). `schema`, when given, describes the filter's JSON in place of the list's own.
 */
export function withFiltersAlsoAsParameters(parameters: QueryParameter[], schema?: object): QueryParameter[] {
  return parameters.map((p) =>
    p.name === 'filter'
      ? {
          ...p,
          description: 'the same filters as JSON; a filter also given as its own parameter takes the parameter’s value',
          ...(schema && { content: { 'application/json': { schema } } }),
        }
      : p,
  );
}

/**
 * The query of a list returned whole (a resource's versions, a prompt's evaluation sets and runs): none. `range`,
 * `sort` or `filter` sent to one were ignored, the answer looking paged and filtered when it was not (an API review);
 * they are refused, naming the parameter, as every list refuses what it does not take (docs/adr/0004).
 */
export const WHOLE_LIST_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** The 400 a list returned whole answers to any query parameter, for its OpenAPI document. */
export const WHOLE_LIST_REFUSAL =
  'A query parameter (`/range`, `/sort`, `/filter`…): this list is returned whole and takes none.';

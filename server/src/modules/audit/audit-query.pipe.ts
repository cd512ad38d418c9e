import { Query, type PipeTransform } from '@nestjs/common';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { ListQueryPipe, type ListQuery } from '../../common/http/list-query.js';
import { parametersOfSchema, type DescribesQuery, type QueryParameter } from '../../common/http/query-parameters.js';
import { auditFilterSchema, type AuditFilterQuery } from './audit.contract.js';
import type { AuditFilter } from './audit.repository.js';

export interface AuditQuery {
  list: ListQuery;
  filter: AuditFilter;
}

const FILTER_FIELDS = Object.keys(auditFilterSchema.properties);
const listPipe = new ListQueryPipe(['seq', 'at'], ['seq', 'DESC'], undefined, FILTER_FIELDS);
const filterPipe = new JsonSchemaPipe(auditFilterSchema, 'audit filter');

/** Filters come as plain query parameters (`?actor=approver`) or in the console's `filter` JSON; both are validated. */
class AuditQueryPipe implements PipeTransform, DescribesQuery {
  transform(query: Record<string, unknown>): AuditQuery {
    const list = listPipe.transform(query);
    const direct = Object.fromEntries(FILTER_FIELDS.filter((f) => query[f] !== undefined).map((f) => [f, query[f]]));
    const merged = filterPipe.transform({ ...list.filter, ...direct }) as AuditFilterQuery;
    const { from, to, ...rest } = merged;
    return { list, filter: { ...rest, ...(from && { from: new Date(from) }), ...(to && { to: new Date(to) }) } };
  }

  queryParameters(): QueryParameter[] {
    const list = listPipe.queryParameters().map((p) =>
      p.name === 'filter'
        ? {
            ...p,
            description: 'the same filters as JSON',
            content: { 'application/json': { schema: auditFilterSchema } },
          }
        : p,
    );
    return [...list, ...parametersOfSchema(auditFilterSchema)];
  }
}

export const AuditQueryParams = () => Query(new AuditQueryPipe());

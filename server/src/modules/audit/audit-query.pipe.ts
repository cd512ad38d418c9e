import { Query, type PipeTransform } from '@nestjs/common';
import { ValidationError, type ErrorDetail } from '../../common/errors/domain-errors.js';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { pointerSegment } from '../../common/json/json-pointer.js';
import { ListQueryPipe, withFiltersAlsoAsParameters, type ListQuery } from '../../common/http/list-query.js';
import { parametersOfSchema, type DescribesQuery, type QueryParameter } from '../../common/http/query-parameters.js';
import { auditFilterSchema, type AuditFilterQuery } from './audit.contract.js';
import type { AuditFilter } from './audit.repository.js';

export interface AuditQuery {
  list: ListQuery;
  filter: AuditFilter;
}

const FILTER_FIELDS = Object.keys(auditFilterSchema.properties);
const listPipe = new ListQueryPipe(['seq', 'at'], ['seq', 'DESC'], undefined, FILTER_FIELDS);
const filterPipe = new JsonSchemaPipe(auditFilterSchema, 'list query');

/** What the export leaves out of a list's parameters: it holds every matching event, oldest first. */
const PAGING = ['sort', 'range'];

/**
 * Filters come as plain query parameters (`?actor=approver`) or in the console's `filter` JSON; both are validated.
 * A filter given both ways takes the parameter's value, as the document says. The export (`paged: false`) takes
 * the filters only.
 */
class AuditQueryPipe implements PipeTransform, DescribesQuery {
  constructor(private readonly paged = true) {}

  transform(query: Record<string, unknown>): AuditQuery {
    if (!this.paged) {
      // Said here, in the export's terms: the list's own refusal offers sort and range, which the export refuses.
      const taken = ['filter', ...FILTER_FIELDS];
      const refused = Object.keys(query).filter((name) => !taken.includes(name));
      if (refused.length > 0)
        throw new ValidationError(
          'The audit export holds every matching event, oldest first: it takes filters only.',
          refused.map((name) => ({
            path: `/${pointerSegment(name)}`,
            message: PAGING.includes(name)
              ? 'is not a parameter of the export, which is not paged'
              : `is not a parameter of the export, which takes ${taken.join(', ')}`,
          })),
        );
    }
    const list = listPipe.transform(query);
    const direct = Object.fromEntries(FILTER_FIELDS.filter((f) => query[f] !== undefined).map((f) => [f, query[f]]));
    // Each checked where it was given: a field of the filter JSON is named under /filter, as other lists name it.
    const inJson = checked(list.filter, '/filter');
    const asParameters = checked(direct, '');
    const problems = [...inJson.problems, ...asParameters.problems];
    if (problems.length > 0) throw new ValidationError('The list query is invalid.', problems);
    const merged = { ...inJson.value, ...asParameters.value } as AuditFilterQuery;
    const { from, to, ...rest } = merged;
    return { list, filter: { ...rest, ...(from && { from: new Date(from) }), ...(to && { to: new Date(to) }) } };
  }

  queryParameters(): QueryParameter[] {
    const list = withFiltersAlsoAsParameters(listPipe.queryParameters(), auditFilterSchema);
    return [...list.filter((p) => this.paged || !PAGING.includes(p.name)), ...parametersOfSchema(auditFilterSchema)];
  }
}

/** Filters validated by the audit filter schema, their problems' paths under `prefix`. */
function checked(value: Record<string, unknown>, prefix: string): { value: object; problems: ErrorDetail[] } {
  try {
    return { value: filterPipe.transform(value) as object, problems: [] };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return { value: {}, problems: err.details.map((d) => ({ ...d, path: `${prefix}${d.path}` })) };
  }
}

export const AuditQueryParams = () => Query(new AuditQueryPipe());
/** The export's: the same filters, without sort and range. */
export const AuditExportParams = () => Query(new AuditQueryPipe(false));

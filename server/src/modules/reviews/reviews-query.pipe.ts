import { Query, type PipeTransform } from '@nestjs/common';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { ListQueryPipe, type ListQuery } from '../../common/http/list-query.js';
import { parametersOfSchema, type DescribesQuery, type QueryParameter } from '../../common/http/query-parameters.js';
import { reviewStatusQuerySchema } from './reviews.contract.js';

export interface ReviewsQuery {
  list: ListQuery;
  status?: 'open' | 'closed';
}

const listPipe = new ListQueryPipe(['dueAt', 'submittedAt', 'decidedAt'], ['dueAt', 'ASC'], {
  status: reviewStatusQuerySchema.properties.status,
});
const statusPipe = new JsonSchemaPipe(reviewStatusQuerySchema, 'review filter');

/** `?status=open` or the console's `filter={"status":"open"}`, with the usual sort and range; both validated. */
class ReviewsQueryPipe implements PipeTransform, DescribesQuery {
  transform(query: Record<string, unknown>): ReviewsQuery {
    const list = listPipe.transform(query);
    const status = query['status'] ?? list.filter['status'];
    const checked = statusPipe.transform(status === undefined ? {} : { status }) as { status?: 'open' | 'closed' };
    return { list, ...(checked.status && { status: checked.status }) };
  }

  queryParameters(): QueryParameter[] {
    return [...listPipe.queryParameters(), ...parametersOfSchema(reviewStatusQuerySchema)];
  }
}

export const ReviewsQueryParams = () => Query(new ReviewsQueryPipe());

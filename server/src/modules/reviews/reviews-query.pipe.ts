import { Query, type PipeTransform } from '@nestjs/common';
import { JsonSchemaPipe } from '../../common/http/json-schema.pipe.js';
import { ListQueryPipe, withFiltersAlsoAsParameters, type ListQuery } from '../../common/http/list-query.js';
import { parametersOfSchema, type DescribesQuery, type QueryParameter } from '../../common/http/query-parameters.js';
import { reviewsFilterSchema, type ReviewsFilter } from './reviews.contract.js';

export interface ReviewsQuery extends ReviewsFilter {
  list: ListQuery;
}

const listPipe = new ListQueryPipe(
  ['dueAt', 'submittedAt', 'decidedAt'],
  ['dueAt', 'ASC'],
  { status: reviewsFilterSchema.properties.status, ruleset: reviewsFilterSchema.properties.ruleset },
  ['status', 'ruleset'],
);
const filterPipe = new JsonSchemaPipe(reviewsFilterSchema, 'list query');

/**
 * `?status=open&ruleset=enrolment` or the console's `filter={"status":"open","ruleset":"enrolment"}`, with the
 * usual sort and range; both validated.
 */
class ReviewsQueryPipe implements PipeTransform, DescribesQuery {
  transform(query: Record<string, unknown>): ReviewsQuery {
    const list = listPipe.transform(query);
    const given: Record<string, unknown> = {};
    for (const name of ['status', 'ruleset'] as const) {
      const value = query[name] ?? list.filter[name];
      if (value !== undefined) given[name] = value;
    }
    const checked = filterPipe.transform(given) as ReviewsFilter;
    return { list, ...checked };
  }

  queryParameters(): QueryParameter[] {
    const list = withFiltersAlsoAsParameters(listPipe.queryParameters());
    return [...list, ...parametersOfSchema(reviewsFilterSchema)];
  }
}

export const ReviewsQueryParams = () => Query(new ReviewsQueryPipe());

import { Query, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '../errors/domain-errors.js';
import { pointerSegment } from '../json/json-pointer.js';
import type { DescribesQuery, QueryParameter } from './query-parameters.js';

/** Enough to name a caller's mistake; a URL of ten thousand parameters does not get a body ten times its size. */
const MAX_DETAILS = 20;

/**
 * For a route whose options all travel in the body (`/evaluate`): a query parameter is a caller's mistake.
 * `?version=2&explain=true` was ignored, and the version in force answered without an explanation, as if asked.
 */
class NoQueryPipe implements PipeTransform, DescribesQuery {
  transform(query: Record<string, unknown> | undefined): undefined {
    const names = Object.keys(query ?? {});
    if (names.length > 0)
      throw new ValidationError(
        `This route takes no query parameters; send ${names.slice(0, MAX_DETAILS).join(', ')} in the JSON body if it has such a field.`,
        names
          .slice(0, MAX_DETAILS)
          .map((name) => ({ path: `/query/${pointerSegment(name)}`, message: 'is not a parameter of this route' })),
      );
    return undefined;
  }

  queryParameters(): QueryParameter[] {
    return [];
  }
}

/** `@NoQuery()`: refuses any query parameter. */
export const NoQuery = () => Query(new NoQueryPipe());

import { pointerSegment } from '../json/json-pointer.js';
/** An OpenAPI 3.1 parameter object, as much of it as we write. */
export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema?: object;
  /** JSON-encoded parameters (`sort=["key","ASC"]`) describe the decoded value under application/json. */
  content?: { 'application/json': { schema: object } };
}

/** A query pipe that can say which query parameters it reads, so the OpenAPI document lists them. */
export interface DescribesQuery {
  queryParameters(): QueryParameter[];
}

export function describesQuery(pipe: unknown): pipe is DescribesQuery {
  return typeof (pipe as Partial<DescribesQuery> | null)?.queryParameters === 'function';
}

/** The query parameters a JSON Schema of the query-string object accepts: one per property. */
export function parametersOfSchema(schema: {
  properties?: Record<string, object>;
  required?: readonly string[];
}): QueryParameter[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * Parameters given more than once (`?lang=en&lang=fr`) where one value is taken: said once, as such. The query
 * parser makes them a list, which was then refused twice over (« must be string », « must be one of »), or read
 * as « is not valid JSON » for `sort`, `range` and `filter`.
 */
export function repeatedParameters(
  query: unknown,
  takesOne: (name: string) => boolean,
): { path: string; message: string }[] {
  if (query === null || typeof query !== 'object') return [];
  return Object.entries(query as Record<string, unknown>)
    .filter(([name, value]) => Array.isArray(value) && takesOne(name))
    .map(([name, value]) => ({
      path: `/${pointerSegment(name)}`,
      message: `is given ${(value as unknown[]).length} times; give it once`,
    }));
}

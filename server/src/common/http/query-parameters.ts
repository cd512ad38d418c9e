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

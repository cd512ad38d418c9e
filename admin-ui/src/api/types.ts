import type { components, paths } from './schema.gen';

// Named views of the generated contract (schema.gen.ts, from the service's OpenAPI document), so screens
// import what the API says rather than copies that drift from it.

type Method = 'get' | 'put' | 'post' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON a route answers with, for a status (200 unless said). */
export type ResponseOf<P extends keyof paths, M extends Method, S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonContent<R[S]> : never) : never;

/** The JSON body a route takes. */
export type RequestOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** The one error body every route answers failures with. */
export type ApiErrorBody = components['schemas']['Error'];
export type ApiErrorDetail = ApiErrorBody['details'][number];

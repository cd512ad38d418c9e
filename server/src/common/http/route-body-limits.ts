import type { FastifyInstance } from 'fastify';

/** A route that carries more than most: its method, its path as declared (`/api/v1/reference-tables/:key/rows`). */
export interface LargeBodyRoute {
  method: string;
  url: string;
  /** Bytes its body may weigh; the larger of this and BODY_LIMIT_BYTES applies. */
  bodyLimit: number;
}

/**
 * Gives `routes` a body limit of their own, as they are declared (call before the routes are). BODY_LIMIT_BYTES
 * bounds every other body: what one request may make the service parse is decided per route, where the route says
 * what it carries.
 */
export function raiseBodyLimits(fastify: FastifyInstance, routes: readonly LargeBodyRoute[], bodyLimitBytes: number) {
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map((m) => m.toUpperCase());
    const large = routes.find((r) => r.url === route.url && methods.includes(r.method));
    if (large) route.bodyLimit = Math.max(large.bodyLimit, bodyLimitBytes);
  });
}

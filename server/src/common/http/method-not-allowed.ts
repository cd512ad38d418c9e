import type { FastifyInstance } from 'fastify';

/** Methods a client may try on a path; each one the path does not serve answers 405 rather than 404. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'];

/** API paths only: the console's and the documents' wildcard routes keep Fastify's own behaviour. */
const isApiPath = (url: string) => url.startsWith('/api/v') || url === '/metrics' || /^\/health(\/|$)/.test(url);

/**
 * Watches the routes as they are registered (call before the app registers its routes), and returns what adds,
 * for each API path, one route answering 405 with an `Allow` header for the methods it does not serve (call
 * before the server is ready). A 404 would say the path does not exist, which is wrong and misleads clients.
 */
export function watchRoutesForMethodNotAllowed(fastify: FastifyInstance): () => void {
  const methodsByUrl = new Map<string, Set<string>>();
  fastify.addHook('onRoute', (route) => {
    if (!isApiPath(route.url)) return;
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method.toUpperCase());
    if (methods.has('GET')) methods.add('HEAD'); // Fastify answers HEAD for every GET route
    methodsByUrl.set(route.url, methods);
  });
  return () => {
    for (const [url, served] of [...methodsByUrl]) {
      const missing = METHODS.filter((m) => !served.has(m));
      if (missing.length === 0) continue;
      const allow = METHODS.filter((m) => served.has(m)).join(', ');
      fastify.route({
        method: missing,
        url,
        // Answered before the body is read: a body sent with the wrong method is not worth parsing.
        onRequest: async (_request, reply) =>
          reply
            .code(405)
            .header('allow', allow)
            .send({ error: 'method_not_allowed', message: `This path accepts ${allow}.`, details: [] }),
        handler: () => undefined,
      });
    }
  };
}

import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The routes that take an XML body (DMN import); every other route keeps answering 415 to XML. */
export const XML_BODY_ROUTES = new Set(['/api/v1/rulesets/import/dmn']);
export const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];

/**
 * XML bodies are read as text, within the app's body limit (Fastify's bodyLimit), and only on the routes that
 * take them: the handler parses them safely (modules/rulesets/dmn/dmn-xml.ts refuses DOCTYPE and entities).
 */
export function registerXmlBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    XML_CONTENT_TYPES,
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (!XML_BODY_ROUTES.has(request.routeOptions.url ?? ''))
        return done(
          Object.assign(new Error(`Unsupported Media Type: ${String(request.headers['content-type'])}`), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
        );
      done(null, body.toString());
    },
  );
}

import type { FastifyRequest } from 'fastify';

/** The routes that take an XML body (DMN import); every other route takes JSON and answers 415 to XML. */
export const XML_BODY_ROUTES = new Set(['/api/v1/rulesets/import/dmn']);
export const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];
const JSON_CONTENT_TYPES = ['application/json'];

/** Whether this request's route reads XML bodies rather than JSON. */
export function takesXml(request: FastifyRequest): boolean {
  return XML_BODY_ROUTES.has(request.routeOptions.url ?? '');
}

/** A 415 for an error the body parsers hand to Fastify (map-error.ts turns it into the §7 body). */
export function mediaError(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
}

/**
 * A 415 that says what was sent and what this route reads: a caller who sent JSON to the DMN import, or XML or a
 * form to a JSON route, learns what to send instead of a bare "Unsupported Media Type".
 */
export function wrongMediaType(request: FastifyRequest): Error {
  const sent = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const taken = (takesXml(request) ? XML_CONTENT_TYPES : JSON_CONTENT_TYPES).join(' or ');
  return mediaError(`${sent ? `The body is ${sent}` : 'The body has no Content-Type'}; this route takes ${taken}.`);
}

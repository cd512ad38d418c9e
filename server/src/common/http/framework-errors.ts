import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../errors/error-body.js';

// What Fastify and Node answer themselves, before any route or filter runs, in the error body every route uses.

/**
 * A URL Fastify cannot decode (`%ED%A0%80`, a lone surrogate; `%ff`, no UTF-8 at all) never reaches a route: it
 * answered `{statusCode, code, error, message}`. The same 400 now comes in the service's error body.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const body: ErrorBody =
    error.code === 'FST_ERR_BAD_URL'
      ? {
          error: 'bad_url',
          message: 'The URL is not valid: a percent-escape in its path does not decode to UTF-8 text.',
          details: [{ path: '/url', message: 'has a percent-escape that is not UTF-8 text', keyword: 'format' }],
        }
      : error.statusCode === 414
        ? // A path segment past the router's limit: said without echoing the URL back (it quoted all of it).
          {
            error: 'uri_too_long',
            message: 'The URL is too long: one of its path segments holds more than 4 096 characters.',
            details: [
              { path: '/url', message: 'has a path segment longer than 4 096 characters', keyword: 'maxLength' },
            ],
          }
        : {
            error: (error.statusCode ?? 500) < 500 ? 'bad_request' : 'internal_error',
            message: error.message,
            details: [],
          };
  // Fastify's other framework errors keep their status (an asynchronous constraint that failed is a 500).
  const status = error.code === 'FST_ERR_BAD_URL' ? 400 : (error.statusCode ?? 500);
  void reply.code(status).type('application/json; charset=utf-8').send(body);
}

const HEADER_LIMIT = `${Math.round(maxHeaderSize / 1024)} KiB`;

const CLIENT_ERRORS: Record<string, { status: number; body: ErrorBody }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    body: {
      error: 'headers_too_large',
      message: `The request line and headers are larger than the server accepts (${HEADER_LIMIT} in all).`,
      details: [{ path: '/headers', message: `are larger than ${HEADER_LIMIT} in all`, keyword: 'maxLength' }],
    },
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    body: { error: 'request_timeout', message: 'The request was not received in time.', details: [] },
  },
};

/**
 * What Node's HTTP parser refuses (headers over its limit, a request that never finished, bytes that are not
 * HTTP) is answered on the socket, as Fastify's own handler does, in the service's error body.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    body: { error: 'bad_request', message: 'The request is not valid HTTP.', details: [] },
  };
  if (socket.writable) {
    const text = JSON.stringify(known.body);
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

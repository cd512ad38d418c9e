import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CallerGoneError } from './caller-gone.js';
import { mapError } from './map-error.js';

/** The one place where errors become HTTP responses. Unexpected errors are logged with the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  /** `bodyLimitBytes`: said in a 413's message, so the caller knows how much to send. */
  constructor(private readonly bodyLimitBytes?: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Nobody is there to read an answer; the request's log line says it was closed (logAbortedRequests).
    if (exception instanceof CallerGoneError) return;
    // A route may take more than BODY_LIMIT_BYTES (a whole reference table): its 413 says its own limit.
    const routeLimit = request.routeOptions?.bodyLimit;
    const bodyLimit =
      routeLimit !== undefined && routeLimit !== this.bodyLimitBytes
        ? { bytes: routeLimit, of: 'this route' }
        : this.bodyLimitBytes === undefined
          ? undefined
          : { bytes: this.bodyLimitBytes, of: 'BODY_LIMIT_BYTES' };
    const mapped = mapError(exception, bodyLimit, request.method);
    if (mapped.status >= 500 && mapped.body.error === 'internal_error') {
      request.log.error({ err: exception }, 'unhandled error');
    }
    // A route may have set its own type already (the audit CSV export): an error is JSON whatever the route serves.
    void reply.removeHeader('content-disposition');
    void reply
      .status(mapped.status)
      .headers(mapped.headers ?? {})
      .type('application/json; charset=utf-8')
      .send(mapped.body);
  }
}
